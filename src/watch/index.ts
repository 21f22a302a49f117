/** `watch`: debounced file watches for apps and env files, and the filter that decides what counts as a change. */
export { createChangeDebouncer, realDebounceTimers, type ChangeDebouncer, type DebounceTimers } from './change-debouncer.js';
export { createWatchFilter, type WatchFilterOptions } from './watch-filter.js';
export { watchFiles, type FileWatch, type WatchFilesOptions } from './watch-files.js';
export { describeWatchChange, watchApp, watchEnvFiles, watchSkips } from './watch-app.js';
