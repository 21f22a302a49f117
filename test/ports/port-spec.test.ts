import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPortSpecFits, formatPortSpec, parsePortSpec, PortSpecError } from '../../src/ports/port-spec.js';
import { parsePortPool } from '../../src/ports/port-pool.js';

test('every spec form parses', () => {
  assert.deepEqual(parsePortSpec(3000), { type: 'single', port: 3000 });
  assert.deepEqual(parsePortSpec('3000'), { type: 'single', port: 3000 });
  assert.deepEqual(parsePortSpec('3000-3003'), { type: 'range', start: 3000, end: 3003 });
  assert.deepEqual(parsePortSpec('auto:5000-5100'), { type: 'auto', start: 5000, end: 5100 });
  assert.deepEqual(parsePortSpec('3000-3000'), { type: 'range', start: 3000, end: 3000 });
  assert.equal(formatPortSpec(parsePortSpec(' auto:5000-5100 ')), 'auto:5000-5100');
});

test('malformed, out-of-range and reversed specs are PORT_SPEC_INVALID', () => {
  const invalid = (value: string | number, message: RegExp) =>
    assert.throws(() => parsePortSpec(value), (err: unknown) => err instanceof PortSpecError && err.code === 'PORT_SPEC_INVALID' && message.test(err.message));
  invalid('abc', /^Invalid port "abc": expected 3000, "3000-3003" or "auto:5000-5100"$/);
  invalid('3000-', /expected/);
  invalid('auto:5000', /auto needs a range/);
  invalid('auto5000-5100', /expected/);
  invalid(-1, /expected/);
  invalid(3000.5, /expected/);
  invalid(0, /ports are 1-65535/);
  invalid('65536', /ports are 1-65535/);
  invalid('3000-70000', /ports are 1-65535/);
  invalid('3003-3000', /^Invalid port range "3003-3000": 3000 is below 3003$/);
});

test('a range shorter than the instances gives SPEC\'s exact message', () => {
  assert.throws(() => checkPortSpecFits(parsePortSpec('3000-3001'), 4), {
    code: 'PORT_RANGE_TOO_SHORT',
    message: 'Port range 3000-3001 has only 2 ports but 4 instances requested',
  });
  assert.throws(() => checkPortSpecFits(parsePortSpec('auto:5000-5001'), 3), {
    code: 'PORT_RANGE_TOO_SHORT',
    message: 'Port range auto:5000-5001 has only 2 ports but 3 instances requested',
  });
  assert.doesNotThrow(() => checkPortSpecFits(parsePortSpec('3000-3003'), 4));
});

test('a single port with instances > 1 is an error', () => {
  assert.throws(() => checkPortSpecFits(parsePortSpec(3000), 2), { code: 'PORT_RANGE_TOO_SHORT', message: /^Port 3000 is a single port but 2 instances requested/ });
  assert.doesNotThrow(() => checkPortSpecFits(parsePortSpec(3000), 1));
});

test('port pools parse and reject nonsense', () => {
  assert.deepEqual(parsePortPool('20000-45000'), { start: 20000, end: 45000 });
  for (const bad of ['20000', '45000-20000', '0-10', '1-65536', 'x-y']) {
    assert.throws(() => parsePortPool(bad), { code: 'PORT_SPEC_INVALID' }, bad);
  }
});
