// The least a Node CLI can do to list without asking the controller: load
// better-sqlite3, open berth's store read-only, read the instances' rows and
// each process's /proc/PID/stat (CPU ticks, resident pages), print JSON. The
// list row puts it beside `berth list` and the socket floor: issue 19 asked
// whether a read-only CLI path would be cheaper than asking the controller.
// usage: node store-read.cjs HOME
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const Database = require('better-sqlite3');

const db = new Database(path.join(process.argv[2], 'state.db'), { readonly: true, fileMustExist: true });
const usage = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), memory: Number(fields[21]) * 4096 };
  } catch {
    return { ticks: 0, memory: 0 };
  }
};
const rows = db.prepare('SELECT * FROM instances ORDER BY app, idx').all();
process.stdout.write(JSON.stringify(rows.map((row) => ({ ...row, ...(row.pid ? usage(row.pid) : {}) }))));
