/**
 * PM2's watch fields → berth's `watch`: `watch: true` (the cwd) or a path
 * or list of paths (relative to the cwd, in PM2 as in berth),
 * `ignore_watch` → ignore, `watch_delay` → debounce. When watch is off the
 * other fields mean nothing and say nothing.
 */
import type { AppSpecInput } from '../generated/app.js';
import type { AppFields } from './app-fields.js';
import { describeValue } from './field-reporter.js';
import { asPaths, readDuration } from './field-values.js';

type WatchInput = Exclude<AppSpecInput['watch'], undefined | boolean>;

/**
 * ignore_watch entries: PM2 hands them to chokidar, which reads them as
 * globs; entries written as regular expressions (with a backslash) cannot
 * be globs and are dropped with a warning.
 */
function readIgnores(fields: AppFields): string[] | undefined {
  const taken = fields.take('ignore_watch');
  if (!taken) return undefined;
  const ignores: string[] = [];
  asPaths(fields, taken.key, taken.value).forEach((entry, index) => {
    if (entry.includes('\\')) {
      fields.report.warn([taken.key, index], `${describeValue(entry)} is a regular expression; berth reads ignore_watch as globs (dot-files and node_modules are always ignored); left out`);
    } else ignores.push(entry);
  });
  return ignores;
}

/**
 * @example convertWatch(fields) // {watch: true, ignore_watch: ['logs'], watch_delay: 1000} → {ignore: ['logs'], debounce: 1000}
 */
export function convertWatch(fields: AppFields): AppSpecInput['watch'] {
  const taken = fields.take('watch');
  const on = taken !== undefined && taken.value !== false && taken.value !== 'false';
  if (!on) {
    fields.take('ignore_watch', 'watch_delay', 'watch_options');
    return undefined;
  }
  const watch: WatchInput = {};
  const paths = taken.value === true || taken.value === 'true' ? [] : asPaths(fields, taken.key, taken.value);
  if (paths.length > 0) watch.paths = paths as [string, ...string[]];
  const ignore = readIgnores(fields);
  if (ignore && ignore.length > 0) watch.ignore = ignore;
  const delay = readDuration(fields, 'watch_delay');
  if (delay !== undefined) watch.debounce = delay;
  const options = fields.take('watch_options');
  if (options && !(typeof options.value === 'object' && Object.keys(options.value as object).length === 0)) {
    fields.report.warn(options.key, 'chokidar options are not supported; berth watches with inotify and its own ignores; ignored');
  }
  return Object.keys(watch).length === 0 ? true : watch;
}
