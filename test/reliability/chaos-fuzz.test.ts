// Issue 7, short version of `npm run chaos` for `npm test` (≤ 60 s): kill -9
// the controller 3 times during manifest churn, then 100 fuzz cases into a
// live controller. Every check is strict (the bugs the long harness found are
// fixed: orphaned processes after a kill -9, parser throws, broken files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BerthHarness, HELLO_DIR } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';
import { checkInvariants, inspectStore, markedProcesses } from './chaos-checks.js';
import { checkOwnership, killStrangers, plantOwnership } from './ownership-fixtures.js';
import { checkErrorLines, fuzzCase, makeRandom } from './manifest-fuzz.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';

const MARKER_VAR = 'BERTH_CHAOS_RUN';

function app(name: string, run: string, { http, instances, gen, portRange }: { http: boolean; instances: number; gen: number; portRange: string }): string {
  return [
    'apiVersion: berth/v1',
    'kind: App',
    `metadata: {name: ${name}}`,
    'spec:',
    ...(http ? ['  script: node', '  args: [server.js]', `  cwd: ${JSON.stringify(HELLO_DIR)}`, `  port: "auto:${portRange}"`] : ['  script: sleep', '  args: ["100000"]']),
    `  instances: ${instances}`,
    `  env: {${MARKER_VAR}: "${run}", GEN: "${gen}"}`,
    '  stopTimeout: 2s',
    '',
  ].join('\n');
}

/** A harness whose processes carry a run marker, all killed when the test ends, whatever happens. */
async function startRun(t: { after: (fn: () => Promise<void>) => void }, prefix: string) {
  const berth = await BerthHarness.create();
  const run = `${prefix}-${process.pid}-${Date.now()}`;
  t.after(async () => {
    await berth.cleanup();
    for (const p of markedProcesses(MARKER_VAR, run)) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
  return { berth, run };
}

test('kill -9 during churn: the store stays sound, ports are never held twice, the controller converges', { timeout: 45_000 }, async (t) => {
  const { berth, run } = await startRun(t, 'test');
  const base = await freePortRange(12);
  const portRange = `${base}-${base + 11}`;
  const rnd = makeRandom(7);
  const desired = new Map<string, { http: boolean; instances: number; gen: number }>();
  const apps: [string, boolean][] = [['s0', false], ['s1', false], ['s2', false], ['h0', true]];
  // the ownership pass: strangers, a planted symlink and foreign files, never touched whatever the controller goes through
  const ownership = await plantOwnership({ home: berth.home, root: path.join(berth.root, 'foreign'), runVar: MARKER_VAR, runId: run });
  t.after(() => killStrangers(ownership));
  for (const [name, text] of ownership.manifests) await berth.writeManifest(`${name}.yaml`, text);
  await berth.up();
  const problems: string[] = [];
  const ownershipProblems: string[] = [];
  for (let cycle = 1; cycle <= 3; cycle++) {
    const until = Date.now() + 300 + rnd() * 900;
    while (Date.now() < until) {
      const [name, http] = apps[Math.floor(rnd() * apps.length)]!;
      const current = desired.get(name);
      if (current && rnd() < 0.15) {
        desired.delete(name);
        await berth.removeManifest(`${name}.yaml`);
      } else {
        const next = { http, instances: http ? 1 + Math.floor(rnd() * 2) : Math.floor(rnd() * 4), gen: (current?.gen ?? 0) + (rnd() < 0.2 ? 1 : 0) };
        desired.set(name, next);
        await berth.writeManifest(`${name}.yaml`, app(name, run, { ...next, portRange }));
      }
      await sleep(20 + rnd() * 80);
    }
    await berth.killController('SIGKILL');
    await berth.up();
    const want = new Map([...desired].map(([name, d]) => [name, d.instances]));
    for (const name of ownership.manifests.keys()) want.set(name, 0); // their log paths are not berth's: never online
    const deadline = Date.now() + 10_000;
    let found: string[] = [];
    do {
      found = checkInvariants({ processes: markedProcesses(MARKER_VAR, run), store: inspectStore(path.join(berth.home, 'state.db')), desired: want });
      if (found.length === 0) break;
      await sleep(200);
    } while (Date.now() < deadline);
    problems.push(...found.map((p) => `cycle ${cycle}: ${p}`));
    ownershipProblems.push(...checkOwnership(ownership).map((p) => `cycle ${cycle}: ${p}`));
  }
  const down = await berth.cli(['down']);
  await sleep(300);
  const left = markedProcesses(MARKER_VAR, run);
  ownershipProblems.push(...checkOwnership(ownership).map((p) => `after down: ${p}`));

  const processProblems = (p: string) => /duplicate|orphan|not a live process|online instances/.test(p);
  await t.test('integrity_check ok, no port held twice in the store or by two listeners', () => {
    assert.deepEqual(problems.filter((p) => !processProblems(p)), []);
    assert.equal(down.code, 0, down.stderr);
  });
  await t.test('no duplicate or unrecorded process after a crash; nothing left after berth down', () => {
    assert.deepEqual(problems.filter(processProblems), []);
    assert.deepEqual(left.map((p) => `${p.app}/${p.instance} pid ${p.pid}`), []);
  });
  await t.test('ownership: strangers with BERTH_HOME, a planted symlink and foreign files untouched', () => assert.deepEqual(ownershipProblems, []));
});

test('100 fuzzed manifests: the controller never crashes and a running app keeps its PID', { timeout: 45_000 }, async (t) => {
  const { berth, run } = await startRun(t, 'fuzz');
  const seed = 20_260_423;
  const steadyText = app('steady', run, { http: false, instances: 1, gen: 0, portRange: '' });
  await berth.up();
  await berth.writeManifest('steady.yaml', steadyText);
  const [steady] = await berth.waitFor((rows) => rows.some((r) => r.app === 'steady' && r.status === 'online'), 'steady online');
  const parseProblems: string[] = [];
  const steadyFileProblems: string[] = [];
  for (let first = 0; first < 100; first += 10) {
    for (let id = first; id < first + 10; id++) {
      const c = fuzzCase(id, seed);
      const file = `fuzz/case-${id}.yaml`;
      try {
        const result = parseManifestText(typeof c.text === 'string' ? c.text : c.text.toString('utf8'), file);
        const problem = checkErrorLines(file, result.errors.map((e) => e.message));
        if (problem && c.mustFail) parseProblems.push(`case ${id} (${c.kind}: ${c.label}): ${problem}`);
        if (result.resources.length > 0) continue; // a valid document would start an app: not fed to the controller
      } catch (err) {
        parseProblems.push(`case ${id} (${c.kind}: ${c.label}) threw ${(err as Error).message.split('\n')[0]}`);
      }
      await berth.writeManifest(`fuzz-${id % 10}.yaml`, typeof c.text === 'string' ? c.text : c.text.toString('latin1'));
    }
    await sleep(200);
    assert.equal(berth.controller?.exitCode, null, `controller exited during cases ${first}..${first + 9}:\n${berth.controllerOutput.slice(-2000)}`);
    for (let k = 0; k < 10; k++) await berth.removeManifest(`fuzz-${k}.yaml`);
  }
  const rows = await berth.instances();
  assert.equal(rows.find((r) => r.app === 'steady')?.pid, steady!.pid, 'the steady app was touched');
  assert.equal(rows.filter((r) => r.app !== 'steady').length, 0, 'no fuzz case started anything');

  // A broken steady.yaml must keep steady running on its last good spec (SPEC: "the apps it held keep running").
  const rnd = makeRandom(seed);
  for (const text of ['\u0000garbage', '- just\n- a list\n', `${steadyText}  instances: [1\n`, Buffer.from(Array.from({ length: 64 }, () => Math.floor(rnd() * 256))).toString('latin1')]) {
    await berth.writeManifest('steady.yaml', text);
    await sleep(400);
    const now = (await berth.instances()).find((r) => r.app === 'steady');
    if (now?.pid !== steady!.pid) steadyFileProblems.push(`steady.yaml = ${JSON.stringify(text.slice(0, 30))}: steady ${now ? `pid ${now.pid}` : 'deleted'}`);
    await berth.writeManifest('steady.yaml', steadyText);
    await berth.waitFor((r) => r.some((i) => i.app === 'steady' && i.status === 'online'), 'steady back');
  }
  assert.equal(berth.controller?.exitCode, null, 'controller alive after fuzzing');

  await t.test('every rejected case is one-line file:line:col errors, and none throws', () => assert.deepEqual(parseProblems, []));
  await t.test('a broken steady.yaml keeps steady running', () => assert.deepEqual(steadyFileProblems, []));
});
