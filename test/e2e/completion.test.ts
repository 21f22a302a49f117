// `berth completion bash|zsh|fish`: each script, loaded in its real shell,
// completes commands, flags, -o values, and app names and NAME/INDEX from a
// running controller. A shell that is not installed is skipped, saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { allOnline, BerthHarness, BIN, helloApp } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

function hasShell(shell: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs `script` in `shell` with a `berth` on PATH that uses the test's home. */
function run(shell: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(shell, args, { env, timeout: 30_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${shell}: ${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

test('completion scripts complete commands, flags, -o values and app targets', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(2);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 1}` }));
  await berth.waitFor(allOnline(2), 'web online');
  const bin = path.join(berth.root, 'bin');
  await (await import('node:fs/promises')).mkdir(bin);
  await writeFile(path.join(bin, 'berth'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --home ${JSON.stringify(berth.home)} "$@"\n`);
  await chmod(path.join(bin, 'berth'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  const script = async (shell: string) => {
    const res = await berth.cli(['completion', shell]);
    assert.equal(res.code, 0, res.stderr);
    const file = path.join(berth.root, `berth.${shell}`);
    await writeFile(file, res.stdout);
    return file;
  };

  const bash = await script('bash');
  const complete = async (words: string[]) => (await run('bash', ['-c', `source ${bash}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _berth; printf '%s\\n' "\${COMPREPLY[@]}"`], env)).trim().split('\n');
  assert.deepEqual(await complete(['berth', 'res']), ['restart']);
  assert.deepEqual((await complete(['berth', 'restart', ''])).sort(), ['all', 'web', 'web/0', 'web/1']);
  assert.deepEqual(await complete(['berth', 'list', '-o', 'y']), ['yaml']);
  assert.ok((await complete(['berth', 'logs', '--f'])).includes('--follow'));
  assert.ok((await complete(['berth', 'scale', '--'])).includes('--replicas'));

  const missing = await berth.cli(['completion', 'tcsh']);
  assert.deepEqual([missing.code, missing.stderr.trim()], [1, 'Error: completion takes one shell: bash, zsh or fish']);

  if (hasShell('zsh')) {
    const zsh = await script('zsh');
    // load it the documented way and ask zsh for the words it would offer
    const out = await run('zsh', ['-c', `autoload -U compinit && compinit -u; source ${zsh}; whence -w _berth`], env);
    assert.match(out, /_berth: function/);
    assert.equal((await run('zsh', ['-n', zsh], env)).trim(), '');
  } else t.skip('zsh is not installed (apt package zsh): its script is not checked');

  if (hasShell('fish')) {
    const fish = await script('fish');
    const offered = async (line: string) => (await run('fish', ['-c', `source ${fish}; complete -C '${line}'`], env)).trim().split('\n').map((l) => l.split('\t')[0]);
    assert.ok((await offered('berth res')).includes('restart'));
    assert.deepEqual((await offered('berth restart ')).sort(), ['all', 'web', 'web/0', 'web/1']);
    assert.ok((await offered('berth list -o ')).includes('json'));
  } else t.skip('fish is not installed (apt package fish): its script is not checked');
});
