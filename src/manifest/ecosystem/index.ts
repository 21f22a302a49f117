/**
 * PMDaemon/PM2 ecosystem configs → berth/v1 App manifests, for
 * `berth apply -f ecosystem.config.js` and friends (SPEC.md, Manifests).
 */
export { detectConfigFormat, type ConfigFormat } from './detect-config-format.js';
export { convertEcosystemFile, convertEcosystemText, convertEcosystemValue, type ConvertedConfig, type ConvertOptions } from './convert-ecosystem-file.js';
export { convertEcosystemApp, type ConvertAppContext, type ConvertedApp } from './convert-ecosystem-app.js';
export { splitArgs } from './split-args.js';
export { toDnsLabel, isDnsLabel } from './to-dns-label.js';
