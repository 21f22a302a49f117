// `berth top` against a real controller: one frame when stdout is a pipe;
// in a real pseudo-terminal (util-linux `script`) it draws the instances,
// redraws narrower when the window shrinks, and quits on `q`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync, readdirSync } from 'node:fs';
import { BerthHarness, BIN, helloApp } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

const hasScript = () => spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('stty', ['--version'], { stdio: 'ignore' }).status === 0;

/** The child process of `parent` (script runs the command through a shell that execs it). */
function childOf(parent: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) return Number(name);
    } catch {
      // gone
    }
  }
  return undefined;
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('berth top: a frame on a pipe; live in a terminal, resized, q quits', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(2);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 1}` }));
  const rows = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 2, 'web online');

  const once = await berth.cli(['top']);
  assert.equal(once.code, 0, once.stderr);
  const lines = once.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^berth top · 2 instances of 1 app · \d\d:\d\d:\d\d +q quit$/);
  assert.match(lines[2]!, new RegExp(`^web/0 +online +${rows[0]!.pid} \\[ *\\|* *\\] +\\d+\\.\\d% \\[\\|+ *\\] +[\\d.]+mb +0 +\\d+s$`));
  assert.equal(lines.length, 4);

  if (!hasScript()) return t.skip('util-linux `script` and `stty` are needed for the terminal part of this test');
  const command = `stty cols 120 rows 20; exec ${process.execPath} ${BIN} --home ${berth.home} top`;
  const terminal = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => terminal.kill('SIGKILL'));
  let screen = '';
  terminal.stdout!.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => terminal.once('exit', (code) => resolve(code)));

  await until('the first frame', () => screen.includes('\u001b[?1049h') && /web\/1 .*online/.test(screen));
  assert.match(screen, /APP\/ID +STATUS +PID CPU +MEMORY +RESTARTS UPTIME/, 'wide: bars');

  // Shrink the window as a terminal emulator would: the kernel sends SIGWINCH and top redraws.
  const top = await until('top under script', () => childOf(terminal.pid!));
  const tty = readlinkSync(`/proc/${top}/fd/1`);
  const drawnBefore = screen.length;
  assert.equal(spawnSync('stty', ['-F', tty, 'cols', '64', 'rows', '20']).status, 0);
  await until('a narrow frame', () => /APP\/ID +STATUS +PID +CPU +MEMORY +RESTARTS UPTIME/.test(screen.slice(drawnBefore)));
  const narrow = screen.slice(drawnBefore).split(/\r?\n/).find((l) => l.includes('web/0'))!;
  assert.doesNotMatch(narrow, /\[[| ]*\]/, 'no room for bars at 64 columns');

  terminal.stdin!.write('q');
  assert.equal(await exited, 0);
  assert.ok(screen.endsWith('\u001b[?25h\u001b[?1049l'), 'the terminal is given back');
});
