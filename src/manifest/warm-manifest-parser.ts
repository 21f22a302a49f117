/**
 * Parses a built-in App and PortClaim once when the controller starts, so
 * the first manifest a user drops in meets warm code: the first parse of a
 * process costs ~15 ms (the YAML parser's and the validators' functions are
 * compiled on first use), every later one ~1 ms.
 */
import { parseManifestText } from './parse-manifest-text.js';
import type { AppResource } from './types.js';

const SAMPLE = [
  'apiVersion: berth/v1',
  'kind: App',
  'metadata: {name: warm-up, labels: {tier: web}}',
  // block style as most files are written: the lexer's block paths are other functions than the flow ones
  'spec:',
  '  script: node',
  '  args: [server.js]',
  '  cwd: "/"',
  '  instances: 2',
  '  port: "3000-3001"',
  '  env: {A: "1"}',
  '  stopTimeout: 5s',
  '---',
  'apiVersion: berth/v1',
  'kind: PortClaim',
  'metadata: {name: warm-up-claim}',
  'spec: {tcp: 1}',
  '',
].join('\n');

/**
 * Returns the sample App, parsed, for the next warm-up steps.
 * @example const sample = warmManifestParser(); await controller.start();
 */
export function warmManifestParser(): AppResource {
  const { resources } = parseManifestText(SAMPLE, '/berth-warm-up.yaml');
  return resources.find((r): r is AppResource => r.kind === 'App')!;
}
