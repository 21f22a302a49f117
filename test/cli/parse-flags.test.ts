import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFlags } from '../../src/cli/parse-flags.js';
import { UsageError } from '../../src/errors.js';

const options = { output: { type: 'string', short: 'o' }, once: { type: 'boolean' } } as const;

test('parseFlags returns typed values and positionals', () => {
  const { values, positionals } = parseFlags('demo', ['status', '-o', 'json', '--once'], options);
  assert.deepEqual({ ...values }, { output: 'json', once: true });
  assert.deepEqual(positionals, ['status']);
});

test('a bad flag is one UsageError line that points at the command\'s help', () => {
  assert.throws(() => parseFlags('demo', ['--bogus'], options), (err: Error) => {
    assert.ok(err instanceof UsageError);
    assert.match(err.message, /^Unknown option '--bogus' \(see `berth demo --help`\)$/);
    return true;
  });
  assert.throws(() => parseFlags('demo', ['--output'], options), (err: Error) => err instanceof UsageError && /^Option '-o, --output <value>' argument missing \(see `berth demo --help`\)$/.test(err.message));
});
