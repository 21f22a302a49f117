// F23 (NUL bytes) and F27 (invalid UTF-8): refused where they are, with
// file:line:col, instead of a crash loop or silently replaced characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeUtf8, findNulInValue } from '../../src/manifest/text-checks.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';
import { loadManifestDir } from '../../src/manifest/load-manifest-dir.js';
import { readApplyInput } from '../../src/apply/read-apply-input.js';

const head = 'apiVersion: berth/v1\nkind: App\nmetadata: {name: a}\n';

test('decodeUtf8 finds the first bad byte by line and column; valid text (BOM, U+FFFD) passes unchanged', () => {
  assert.deepEqual(decodeUtf8(Buffer.from('a: 1\nb: "é\xff"\n', 'latin1')), { error: { line: 2, col: 5, byte: 0xe9 } });
  assert.deepEqual(decodeUtf8(Buffer.concat([Buffer.from('a: 1\nb: "é'), Buffer.from([0xff, 0xfe, 0xc3, 0x28])])), { error: { line: 2, col: 6, byte: 0xff } });
  assert.deepEqual(decodeUtf8(Buffer.from('\ufeffa: "\ufffd"\n')), { text: '\ufeffa: "\ufffd"\n' });
});

test('NUL anywhere is a file:line:col error: raw in the text, or escaped in any value', () => {
  const cases: [string, RegExp][] = [
    [`${head}spec: {script: sleep, env: {A: "x\\0y"}}\n`, /^m\.yaml:4:32: spec\.env\.A: contains a NUL character/],
    [`${head}spec: {script: sleep, args: ["100\\u000023"]}\n`, /^m\.yaml:4:30: spec\.args\[0\]: contains a NUL character/],
    [`${head}spec: {script: "sle\\0ep"}\n`, /^m\.yaml:4:16: spec\.script: contains a NUL character/],
    [`${head}spec: {script: sleep, cwd: "/tmp\\0/x"}\n`, /^m\.yaml:4:28: spec\.cwd: contains a NUL character/],
    [`${head}spec: {script: sleep} # a\0b\n`, /^m\.yaml:4:26: NUL byte/],
  ];
  for (const [text, expected] of cases) {
    const { resources, errors } = parseManifestText(text, '/srv/m.yaml', { display: 'm.yaml' });
    assert.equal(resources.length, 0);
    assert.match(errors[0]?.message ?? '', expected, JSON.stringify(text));
  }
  assert.deepEqual(findNulInValue({ spec: { env: { ok: 'x', bad: 'a\0' } } }), ['spec', 'env', 'bad']);
});

test('an invalid UTF-8 manifest in the directory is an error of that file with its position; apply -f refuses it', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-utf8-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'bad.yaml'), Buffer.concat([Buffer.from(`${head.replace('{name: a}', '\n  name: a')}spec: {script: sleep, args: ['1000', '`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("']}\n")]));
  await writeFile(path.join(dir, 'good.yaml'), `${head.replace('name: a', 'name: b')}spec: {script: sleep}\n`);
  const state = await loadManifestDir(dir);
  assert.deepEqual([...state.resources.keys()], ['b']);
  assert.match(state.errors[0]!.message, /bad\.yaml:5:39: invalid UTF-8 \(byte 0xff\): manifests must be UTF-8 text$/);
  assert.deepEqual(state.files.get(path.join(dir, 'bad.yaml'))?.names, ['a'], 'its app is known (kept, not deleted)');
  await assert.rejects(readApplyInput(path.join(dir, 'bad.yaml'), { cwd: dir, stdin: process.stdin }), /^ManifestError: bad\.yaml:5:39: invalid UTF-8/);
});
