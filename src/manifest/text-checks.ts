/**
 * What a manifest's bytes and values must never hold, found with where:
 * invalid UTF-8 (silently replaced by U+FFFD otherwise, so an app would run
 * with other arguments than written) and NUL bytes (no argument,
 * environment variable or path can hold one: the spawn would fail for
 * ever, in a crash loop).
 */

export interface TextPosition {
  line: number;
  col: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function positionAt(bytes: Buffer, offset: number): TextPosition {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return { line, col: bytes.subarray(lineStart, offset).toString('utf8').length + 1 };
}

/**
 * Decodes strictly. On invalid UTF-8: the position and value of the first bad byte.
 *
 * @example decodeUtf8(Buffer.from([0x61, 0xff])) → { error: { line: 1, col: 2, byte: 0xff } }
 */
export function decodeUtf8(bytes: Buffer): { text: string } | { error: TextPosition & { byte: number } } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // The lenient decoding re-encodes to the same bytes up to the first bad one.
    const again = Buffer.from(bytes.toString('utf8'), 'utf8');
    let offset = 0;
    while (offset < bytes.length && bytes[offset] === again[offset]) offset++;
    return { error: { ...positionAt(bytes, offset), byte: bytes[offset] ?? 0 } };
  }
}

/** The one-line reason for a bad byte. @example invalidUtf8Message(0xff) === 'invalid UTF-8 (byte 0xff): manifests must be UTF-8 text' */
export function invalidUtf8Message(byte: number): string {
  return `invalid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')}): manifests must be UTF-8 text`;
}

/** Where the first NUL character of a text is (line and column), if any. */
export function findNulInText(text: string): TextPosition | undefined {
  const index = text.indexOf('\0');
  if (index === -1) return undefined;
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: index - lineStart + 1 };
}

/** The path to the first string (value or key) holding a NUL, depth first. */
export function findNulInValue(value: unknown, at: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\0') ? at : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulInValue(value[i], [...at, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\0')) return [...at, key];
      const found = findNulInValue(inner, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}
