import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineColAt, locateJsonError } from '../../../src/manifest/ecosystem/locate-json-error.js';

const at = (text: string) => {
  const problem = locateJsonError(text);
  return problem && { ...lineColAt(text, problem.offset), message: problem.message };
};

test('valid JSON has no problem', () => {
  assert.equal(locateJsonError('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "b": {}}'), undefined);
});

test('the first error, where and what was expected', () => {
  assert.deepEqual(at('{\n  "a": 1,\n}'), { line: 3, col: 1, message: 'unexpected "}", expected a property name in double quotes' });
  assert.deepEqual(at('{"a": 1 "b": 2}'), { line: 1, col: 9, message: 'unexpected "\\"", expected "," or "}"' });
  assert.deepEqual(at('[1, 2'), { line: 1, col: 6, message: 'unexpected end of file, expected "," or "]"' });
  assert.deepEqual(at("{'a': 1}"), { line: 1, col: 2, message: 'unexpected "\'", expected a property name in double quotes' });
  assert.deepEqual(at('{"a": }'), { line: 1, col: 7, message: 'unexpected "}", expected a value' });
  assert.deepEqual(at('{"a": "b'), { line: 1, col: 9, message: 'unterminated string' });
  assert.deepEqual(at('{} x'), { line: 1, col: 4, message: 'unexpected "x", expected end of file' });
});
