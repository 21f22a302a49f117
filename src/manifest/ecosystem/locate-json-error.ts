/**
 * Finds where JSON text first goes wrong. JSON.parse says only "at position
 * N" on some Node versions and nothing at all on others, and yaml's parser
 * forgives what JSON does not (trailing commas, missing values), so a small
 * strict scanner names the offset and what was expected, the same on every
 * Node version.
 */

export interface JsonProblem {
  offset: number;
  message: string;
}

class JsonSyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function describeAt(text: string, offset: number): string {
  return offset >= text.length ? 'end of file' : JSON.stringify(text[offset]);
}

/** @example locateJsonError('{"a": 1,}') → {offset: 8, message: 'unexpected "}", expected a property name in double quotes'} */
export function locateJsonError(text: string): JsonProblem | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    throw new JsonSyntaxProblem(i, `unexpected ${describeAt(text, i)}, expected ${expected}`);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) throw new JsonSyntaxProblem(i, 'unescaped control character in a string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) throw new JsonSyntaxProblem(i, 'invalid \\u escape in a string');
          i += 4;
        } else if (i >= text.length || !'"\\/bfnrt'.includes(text[i]!)) {
          throw new JsonSyntaxProblem(i, `invalid escape \\${text[i] ?? ''} in a string`);
        }
      }
      i++;
    }
    if (i >= text.length) throw new JsonSyntaxProblem(i, 'unterminated string');
    i++;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        skipSpace();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail('a value');
    i += literal![0].length;
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('end of file');
    return undefined;
  } catch (err) {
    if (err instanceof JsonSyntaxProblem) return { offset: err.offset, message: err.message };
    throw err;
  }
}

/** 1-based line and column of a character offset. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}
