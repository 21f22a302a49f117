// The dotenv grammar, case by case: each row's expectation is checked against
// parseDotenv and, where the running Node has --env-file, against
// `node --env-file=F` reading the same file. Rows marked node20 are quirks of
// Node 20's parser (the runtime berth is pinned to) that later majors changed;
// on another major they are compared with parseDotenv only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDotenv } from '../../../src/manifest/env-file/parse-dotenv.js';

interface Row {
  name: string;
  text: string;
  want: Record<string, string>;
  node20?: true;
}

const TABLE: Row[] = [
  { name: 'plain pairs', text: 'A=1\nB=two words\n', want: { A: '1', B: 'two words' } },
  { name: 'spaces around key and value are trimmed', text: 'A = 1 \n  B=  two  \n', want: { A: '1', B: 'two' } },
  { name: 'tabs are not trimmed', text: 'A=\t x \t\n', want: { A: '\t x \t' } },
  { name: 'empty values', text: 'A=\nB=""\nC=\n', want: { A: '', B: '', C: '' } },
  { name: 'empty value on the last line', text: 'A=1\nB=', want: { A: '1', B: '' } },
  { name: 'no newline at the end', text: 'A=1\nB=2', want: { A: '1', B: '2' } },
  { name: 'a later key wins', text: 'A=1\nA=2\n', want: { A: '2' } },
  { name: 'comment lines and blank lines', text: '# header\n\nA=1\n\n# B=2\nC=3\n', want: { A: '1', C: '3' } },
  { name: 'indented comment', text: '  # c\nA=1\n', want: { A: '1' } },
  { name: 'inline comment after an unquoted value', text: 'A=value # note\nB=x#y\n', want: { A: 'value', B: 'x' } },
  { name: 'inline comment on the last line', text: 'A=b # c', want: { A: 'b' } },
  { name: '# inside quotes is kept', text: 'A="x # y"\nB=\'#\'\nC=`a#b`\n', want: { A: 'x # y', B: '#', C: 'a#b' } },
  { name: 'double, single and back quotes', text: 'A="1"\nB=\'2\'\nC=`3`\n', want: { A: '1', B: '2', C: '3' } },
  { name: 'spaces inside quotes are kept', text: 'A="  x  "\n', want: { A: '  x  ' } },
  { name: 'spaces before the opening quote', text: 'A=   "x"\n', want: { A: 'x' } },
  { name: 'text after the closing quote is ignored', text: 'A="x" tail\nB=2\n', want: { A: 'x', B: '2' } },
  { name: '\\n becomes a newline only in double quotes', text: 'A="a\\nb"\nB=\'a\\nb\'\nC=`a\\nb`\nD=a\\nb\n', want: { A: 'a\nb', B: 'a\\nb', C: 'a\\nb', D: 'a\\nb' } },
  { name: 'an escaped backslash before n still expands', text: 'A="\\\\n"\n', want: { A: '\\\n' } },
  { name: 'multi-line double-quoted value', text: 'KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1\n', want: { KEY: '-----BEGIN-----\nabc\n-----END-----', NEXT: '1' } },
  { name: 'multi-line single and back quotes', text: "A='m\nl'\nB=`x\ny`\nC=3\n", want: { A: 'm\nl', B: 'x\ny', C: '3' } },
  { name: 'unclosed quote: the line is the value, quote included', text: 'A="open\nB=2\n', want: { A: '"open', B: '2' } },
  { name: 'a double quote closes even on a later line', text: 'A="x\nB="y"\n', want: { A: 'x\nB=' } },
  { name: 'only the first = splits', text: 'A==b\nURL=postgres://u:p@h/db?x=1\n', want: { A: '=b', URL: 'postgres://u:p@h/db?x=1' } },
  { name: 'export prefix', text: 'export A=1\n export B=2\nexportC=3\n', want: { A: '1', B: '2', exportC: '3' } },
  { name: 'CRLF line ends', text: 'A=1\r\nB="x\r\ny"\r\n', want: { A: '1', B: 'x\ny' } },
  { name: 'keys keep dots, dashes and inner spaces', text: 'A.B-C=1\nD E=2\n', want: { 'A.B-C': '1', 'D E': '2' } },
  { name: 'UTF-8 values and a BOM kept in the first key', text: '\uFEFFA=é\nB=日本\n', want: { '\uFEFFA': 'é', B: '日本' } },
  { name: 'quoted JSON', text: 'J=\'{"a": [1, 2]}\'\n', want: { J: '{"a": [1, 2]}' } },
  { name: 'only a comment', text: '# nothing\n', want: {} },
  { name: 'export with two spaces keeps one', text: 'export  A=1\n', want: { ' A': '1' }, node20: true },
  { name: 'a line without = runs into the next key', text: 'JUNK\nA=1\n', want: { 'JUNK\nA': '1' }, node20: true },
  { name: 'a line starting with = ends the file', text: 'A=1\n=x\nB=2\n', want: { A: '1' }, node20: true },
  { name: 'a key of spaces reads as a newline', text: 'A=1\n  =v\n', want: { A: '1', '\n': 'v' }, node20: true },
  { name: 'a comment as the last line without newline is a key', text: 'A=1\n#B=2', want: { A: '1', '#B': '2' }, node20: true },
  { name: 'an unclosed quote at the end of the file is read again as a line', text: 'A="x=y', want: { '"x': 'y' }, node20: true },
];

const nodeMajor = Number(process.versions.node.split('.')[0]);

/** What `node --env-file=F` puts in process.env, started with an empty environment. */
function readWithNode(file: string): Record<string, string> {
  const result = spawnSync(process.execPath, [`--env-file=${file}`, '-e', 'process.stdout.write(JSON.stringify(process.env))'], { env: {}, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

const sorted = (env: Record<string, string>) => Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1));

test('parseDotenv: every row of the table', () => {
  for (const row of TABLE) assert.deepEqual(sorted(parseDotenv(row.text)), sorted(row.want), row.name);
});

test('the table agrees with node --env-file on the same files', (t) => {
  const probe = spawnSync(process.execPath, ['--env-file=/dev/null', '-e', '0'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    t.skip(`this Node (${process.version}) has no --env-file`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-dotenv-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  let compared = 0;
  for (const [index, row] of TABLE.entries()) {
    if (row.node20 && nodeMajor !== 20) continue;
    const file = path.join(dir, `${index}.env`);
    writeFileSync(file, row.text);
    assert.deepEqual(sorted(readWithNode(file)), sorted(row.want), `node ${process.version} on "${row.name}"`);
    compared++;
  }
  if (compared < TABLE.length) t.diagnostic(`${TABLE.length - compared} Node 20 quirk rows not compared on ${process.version}`);
  assert.ok(compared >= TABLE.filter((r) => !r.node20).length);
});

test('a key such as __proto__ is a plain entry', () => {
  const env = parseDotenv('__proto__=x\nconstructor=y\n');
  assert.equal(Object.getPrototypeOf(env), Object.prototype);
  assert.deepEqual(Object.keys(env), ['__proto__', 'constructor']);
  assert.equal(Object.getOwnPropertyDescriptor(env, '__proto__')?.value, 'x');
});
