/**
 * A seeded manifest fuzzer: mutated valid manifests, wrong types, random
 * bytes, huge files, deep nesting, YAML alias bombs. Shared by the short
 * reliability test and `npm run chaos` (bench/chaos.mjs imports the compiled
 * module). Every case but a byte-level mutation must be rejected with
 * one-line `file:line:col:` errors; a mutation may happen to stay valid.
 */

export type FuzzKind = 'mutation' | 'wrong-type' | 'missing-key' | 'bad-value' | 'random-bytes' | 'huge' | 'deep-nesting' | 'alias-bomb' | 'structure';

export interface FuzzCase {
  id: number;
  kind: FuzzKind;
  /** What the case does, for failure messages. */
  label: string;
  text: string | Buffer;
  /** False only for byte-level mutations, which may produce a valid manifest. */
  mustFail: boolean;
}

/** mulberry32: small, fast, reproducible from a 32-bit seed. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The valid manifest every mutation starts from: a cheap `sleep` app. */
export function baseManifest(name = 'fuzz-app'): string {
  return [
    'apiVersion: berth/v1',
    'kind: App',
    'metadata:',
    `  name: ${name}`,
    '  labels: {tier: fuzz}',
    'spec:',
    '  script: sleep',
    '  args: ["100000"]',
    '  instances: 2',
    '  port: "auto:40000-40100"',
    '  env: {MODE: fuzz}',
    '  restartPolicy: Always',
    '  stopTimeout: 2s',
    '',
  ].join('\n');
}

// Values of the wrong type for each field: whatever YAML makes of them, the schema must refuse them.
const NOT_SCALAR = ['[1, 2]', '{a: 1}', '[[[]]]', '[]', '{}'];
const NOT_MAP = ['[1, 2]', '"text"', '-1', '3.5', 'true', '[[[]]]', '!!binary aGVsbG8='];
const NOT_STRING = [...NOT_SCALAR, 'true', '3.5', '-1', '!!binary aGVsbG8='];
const WRONG_TYPES: Record<string, string[]> = {
  apiVersion: NOT_STRING,
  kind: NOT_STRING,
  metadata: NOT_MAP,
  'metadata.name': NOT_STRING,
  'metadata.labels': [...NOT_MAP, '{a: [1]}', '{a: {b: c}}'],
  spec: NOT_MAP,
  'spec.script': NOT_STRING,
  'spec.args': ['{a: 1}', '"text"', '-1', 'true', '[[1]]', '[{a: 1}]'],
  'spec.instances': [...NOT_SCALAR, '"four"', '3.5', 'true', '-1', '1e309'],
  'spec.port': [...NOT_SCALAR, '3.5', 'true', '-1'],
  'spec.env': [...NOT_MAP, '{A: [1]}', '{A: {b: c}}'],
  'spec.restartPolicy': [...NOT_STRING, '"Sometimes"'],
  'spec.stopTimeout': [...NOT_SCALAR, 'true', '"forever"'],
};
const FIELDS = Object.keys(WRONG_TYPES);
const BAD_VALUES: [string, string][] = [
  ['metadata.name', 'Web_App'],
  ['metadata.name', `"${'a'.repeat(64)}"`],
  ['metadata.name', '"../../etc"'],
  ['metadata.name', '"-dash"'],
  ['spec.instances', '-3'],
  ['spec.instances', '100000000'],
  ['spec.port', '"3000-2000"'],
  ['spec.port', '70000'],
  ['spec.port', '"auto:"'],
  ['spec.port', '"auto:5000-5000"'],
  ['spec.port', '"3000"'],
  ['spec.port', '"abc"'],
  ['spec.restartPolicy', 'Sometimes'],
  ['spec.stopTimeout', '"-5s"'],
  ['spec.stopTimeout', '"forever"'],
  ['apiVersion', 'berth/v2'],
  ['kind', 'Pod'],
];

function setField(text: string, field: string, value: string): string {
  const key = field.split('.').at(-1)!;
  const indent = field.includes('.') ? '  ' : '';
  const re = new RegExp(`^${indent}${key}:.*$`, 'm');
  // replacing a map header drops its children's meaning: the children stay, now orphaned by indentation
  return re.test(text) ? text.replace(re, `${indent}${key}: ${value}`) : `${text}${indent}${key}: ${value}\n`;
}

function dropField(text: string, field: string): string {
  const key = field.split('.').at(-1)!;
  const indent = field.includes('.') ? '  ' : '';
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${indent}${key}:`));
  if (at === -1) return text;
  let end = at + 1;
  while (end < lines.length && lines[end]!.startsWith(`${indent}  `)) end++;
  lines.splice(at, end - at);
  return lines.join('\n');
}

function mutateBytes(text: string, rnd: () => number): string {
  const chars = [...text];
  const edits = 1 + Math.floor(rnd() * 4);
  const alphabet = ':-[]{}"\'#&*!|>%@`\t\n ,?0123456789abcXYZ\u00e9\u0000';
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * chars.length);
    const op = rnd();
    const ch = alphabet[Math.floor(rnd() * alphabet.length)]!;
    if (op < 0.4) chars.splice(at, 1);
    else if (op < 0.7) chars.splice(at, 0, ch);
    else chars[at] = ch;
  }
  return chars.join('');
}

function aliasBomb(levels: number, width: number): string {
  const lines = ['apiVersion: berth/v1', 'kind: App', 'metadata: {name: bomb}', 'spec:', '  script: sleep', '  x0: &x0 ["lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`  x${i}: &x${i} [${Array.from({ length: width }, () => `*x${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Builds case `id` of a run seeded with `seed`; `bigCases` false keeps it to small inputs. */
export function fuzzCase(id: number, seed: number, { bigCases = true }: { bigCases?: boolean } = {}): FuzzCase {
  const rnd = makeRandom((seed ^ Math.imul(id + 1, 0x9e3779b1)) >>> 0);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const base = baseManifest();
  // the expensive shapes come round at fixed ids, so a short run still meets each of them
  const big: FuzzKind[] = ['huge', 'deep-nesting', 'alias-bomb'];
  if (bigCases && id % 50 === 7) {
    const kind = big[Math.floor(id / 50) % big.length]!;
    return bigCase(id, kind, rnd);
  }
  const roll = rnd();
  if (roll < 0.3) {
    return { id, kind: 'mutation', label: 'byte-level edits of a valid manifest', text: mutateBytes(base, rnd), mustFail: false };
  }
  if (roll < 0.5) {
    const field = pick(FIELDS);
    const value = pick(WRONG_TYPES[field]!);
    return { id, kind: 'wrong-type', label: `${field}: ${value}`, text: setField(base, field, value), mustFail: true };
  }
  if (roll < 0.6) {
    const field = pick(['apiVersion', 'kind', 'metadata', 'metadata.name', 'spec', 'spec.script']);
    return { id, kind: 'missing-key', label: `without ${field}`, text: dropField(base, field), mustFail: true };
  }
  if (roll < 0.75) {
    const [field, value] = pick(BAD_VALUES);
    return { id, kind: 'bad-value', label: `${field}: ${value}`, text: setField(base, field, value), mustFail: true };
  }
  if (roll < 0.85) {
    const length = 1 + Math.floor(rnd() * 2048);
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i++) bytes[i] = Math.floor(rnd() * 256);
    // a leading byte that can never start a valid manifest keeps "random" from meaning "empty"
    bytes[0] = 0x00;
    return { id, kind: 'random-bytes', label: `${length} random bytes`, text: bytes, mustFail: true };
  }
  const structures: [string, string][] = [
    ['a list at the top', '- 1\n- 2\n'],
    ['a scalar at the top', 'just a string\n'],
    ['a tab indent', base.replace('  script', '\tscript')],
    ['a duplicate key', `${base}  instances: 3\n`],
    ['a second, broken document', `${base}---\napiVersion: berth/v1\nkind: App\nmetadata: {name: x}\nspec: [\n`],
    ['an unclosed flow map', 'apiVersion: berth/v1\nkind: App\nmetadata: {name: x\n'],
    ['an unknown field', `${base}  restartPolcy: Always\n`],
    ['a BOM and CRLF with a bad kind', `\ufeff${base.replace('kind: App', 'kind: Ap').replace(/\n/g, '\r\n')}`],
    ['an undefined alias', `${base}  extra: *nothing\n`],
    ['a custom tag', base.replace('instances: 2', 'instances: !!js/function "x"')],
    ['a NUL inside a key', base.replace('script', 'scr\u0000ipt')],
    ['a PortClaim with strings', 'apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: pc}\nspec: {tcp: many, udp: -1}\n'],
  ];
  const [label, text] = pick(structures);
  return { id, kind: 'structure', label, text, mustFail: true };
}

function bigCase(id: number, kind: FuzzKind, rnd: () => number): FuzzCase {
  if (kind === 'huge') {
    // 5 MB in one unknown field: a long scalar, or a long flow list. (Many distinct keys are a
    // different story: yaml's duplicate-key check and the error positions are quadratic in them.)
    const size = 5 * 2 ** 20;
    const asList = rnd() < 0.5;
    const item = 'x'.repeat(62);
    const value = asList ? `[${`${item}, `.repeat(size / 64)}x]` : `"${'x'.repeat(size)}"`;
    return { id, kind, label: `a 5 MB ${asList ? 'list' : 'string'} in an unknown field`, text: `${baseManifest()}  junk: ${value}\n`, mustFail: true };
  }
  if (kind === 'deep-nesting') {
    const depth = 10_000;
    const flow = rnd() < 0.5;
    const text = flow
      ? `apiVersion: berth/v1\nkind: App\nmetadata: {name: deep}\nspec: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`
      : `apiVersion: berth/v1\nkind: App\nmetadata: {name: deep}\nspec: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
    return { id, kind, label: `${depth} levels of ${flow ? 'lists' : 'maps'}`, text, mustFail: true };
  }
  return { id, kind: 'alias-bomb', label: 'billion laughs (9 levels × 9)', text: aliasBomb(9, 9), mustFail: true };
}

/** The error lines a case must produce: one line each, `file:line:col: message`. */
export function checkErrorLines(file: string, messages: string[]): string | undefined {
  if (messages.length === 0) return 'no error reported';
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${escaped}:\\d+:\\d+: \\S`);
  for (const message of messages) {
    if (message.includes('\n') || message.includes('\r')) return `a multi-line error: ${JSON.stringify(message.slice(0, 200))}`;
    if (!re.test(message)) return `an error without file:line:col: ${JSON.stringify(message.slice(0, 200))}`;
  }
  return undefined;
}
