/**
 * Reads one manifest file as strict UTF-8. A file that cannot be read is a
 * problem of that file (`cannot read: EACCES`), one with invalid UTF-8 a
 * problem at its first bad byte (the names it seems to declare are kept,
 * so its apps are known); one deleted meanwhile is simply gone.
 */
import { readFile } from 'node:fs/promises';
import { decodeUtf8, invalidUtf8Message } from './text-checks.js';

export interface ManifestReadProblem {
  line: number;
  col: number;
  message: string;
  /** The lenient decoding, for a best guess at the names the file declares. */
  lenientText?: string;
}

export type ManifestRead = { text: string } | { problem: ManifestReadProblem } | { gone: true };

export async function readManifestFile(file: string): Promise<ManifestRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { gone: true };
    return { problem: { line: 1, col: 1, message: `cannot read: ${code ?? (err as Error).message}` } };
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded;
  const { line, col, byte } = decoded.error;
  return { problem: { line, col, message: invalidUtf8Message(byte), lenientText: bytes.toString('utf8') } };
}
