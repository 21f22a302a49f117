import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitArgs } from '../../../src/manifest/ecosystem/split-args.js';

test('splits on whitespace, collapsing runs', () => {
  assert.deepEqual(splitArgs('  server.js   --port 3000\t-v\n'), ['server.js', '--port', '3000', '-v']);
  assert.deepEqual(splitArgs(''), []);
});

test('quotes keep spaces; single quotes are literal; double quotes escape only " \\ $ `', () => {
  assert.deepEqual(splitArgs(`--name "my app" -x 'a "b" $c'`), ['--name', 'my app', '-x', 'a "b" $c']);
  assert.deepEqual(splitArgs(String.raw`"say \"hi\" \n"`), [String.raw`say "hi" \n`]);
  assert.deepEqual(splitArgs(`--opt="a b"c`), ['--opt=a bc']);
});

test('empty quotes are an empty argument; backslash escapes outside quotes', () => {
  assert.deepEqual(splitArgs(`a "" ''`), ['a', '', '']);
  assert.deepEqual(splitArgs(String.raw`one\ arg two`), ['one arg', 'two']);
  assert.deepEqual(splitArgs('a \\\nb'), ['a', 'b']);
});

test('nothing is expanded: no shell runs', () => {
  assert.deepEqual(splitArgs('$HOME *.js ~ `id`; rm'), ['$HOME', '*.js', '~', '`id`;', 'rm']);
});

test('an unterminated quote is an error', () => {
  assert.throws(() => splitArgs(`--name "my app`), /unterminated double quote/);
  assert.throws(() => splitArgs(`it's`), /unterminated single quote/);
});
