/**
 * Parses of a manifest folder's files, kept from one read of the folder to
 * the next by exact text: a file whose text did not change is not parsed
 * and validated again. The controller reads the whole folder on every change
 * (level-triggered), twice per change since it reloads on the first event
 * too; parsing is most of a read (500 one-claim files: ~200 ms of CPU per
 * read, bytecode only). Keyed by the text itself, not by mtime: a write
 * within the clock's tick keeps the mtime. Parsing is a pure function of
 * the text, the path and the options, and nothing downstream mutates a
 * parsed resource, so results are shared, not copied. Each read keeps only
 * the files it saw: the cache holds the folder as it is now.
 */
import { parseManifestText, type ParseResult } from './parse-manifest-text.js';

/** What parses a file's text: parseManifestText, or a cache's stand-in for it. */
export type ParseText = typeof parseManifestText;

interface Entry {
  text: string;
  display: string | undefined;
  dir: string | undefined;
  result: ParseResult;
}

/** @example const read = cache.read(); const parsed = read.parse(text, file); read.finish(); */
export class ManifestParseCache {
  private kept = new Map<string, Entry>();
  private readOnce = false;

  /** One read of the folder. `finish()` makes what this read parsed the cache; a read that fails and never finishes changes nothing. */
  read(): { parse: ParseText; finish: () => void } {
    const used = new Map<string, Entry>();
    const parse: ParseText = (text, file, options = {}) => {
      const hit = this.kept.get(file);
      const entry = hit && hit.text === text && hit.display === options.display && hit.dir === options.dir
        ? hit
        : { text, display: options.display, dir: options.dir, result: parseManifestText(text, file, options) };
      used.set(file, entry);
      return entry.result;
    };
    return {
      parse,
      finish: () => {
        this.kept = used;
        this.readOnce = true;
      },
    };
  }

  /** The files of the last finished read, each with the text it had then; undefined before the first. */
  texts(): Map<string, string> | undefined {
    return this.readOnce ? new Map([...this.kept].map(([file, entry]) => [file, entry.text])) : undefined;
  }

  get size(): number {
    return this.kept.size;
  }
}
