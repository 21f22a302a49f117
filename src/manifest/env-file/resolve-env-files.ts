/**
 * Merges an app's env files into its spec: the step after parsing that
 * reads files (parsing stays pure). The variables go under spec.env (the
 * manifest's env wins, the injected variables win over both at spawn), and
 * the spec hash is taken again, so a changed value rolls the app.
 */
import { ManifestError } from '../../errors.js';
import { describePath } from '../schema-validator.js';
import { hashSpec } from '../spec-hash.js';
import { displayPosition } from '../display-path.js';
import type { AppResource, Resource } from '../types.js';
import { parseDotenv } from './parse-dotenv.js';
import { EnvFileError, readEnvFile } from './read-env-file.js';

export type EnvFileReader = (file: string) => Promise<string>;

/**
 * The resource with its env files' variables under its env (pure).
 *
 * @example withEnvFiles(app, ['A=1\nB=2']).spec.env // { A: '1', B: '2', ...app.spec.env }
 */
export function withEnvFiles(resource: AppResource, contents: readonly string[]): AppResource {
  const fromFiles: Record<string, string> = {};
  for (const text of contents) Object.assign(fromFiles, parseDotenv(text));
  const spec = { ...resource.spec, env: { ...fromFiles, ...resource.spec.env } };
  return { ...resource, spec, specHash: hashSpec(spec) };
}

/** The entry's path as messages write it: "spec.envFile" when the manifest gave one string, else "spec.envFile[i]". */
function entryKey(resource: AppResource, index: number): string {
  const single = describePath(['spec', 'envFile']);
  return resource.positions?.[single] ? single : describePath(['spec', 'envFile', index]);
}

/**
 * Reads every env file of an app (in parallel) and merges them; an
 * unreadable file is a ManifestError at its envFile entry, and the app is
 * then left out, so it keeps running on its last good spec.
 *
 * @example const { resource, errors } = await resolveEnvFiles(app);
 */
export async function resolveEnvFiles(resource: AppResource, read: EnvFileReader = readEnvFile): Promise<{ resource?: AppResource; errors: ManifestError[] }> {
  if (resource.spec.envFile.length === 0) return { resource, errors: [] };
  const results = await Promise.allSettled(resource.spec.envFile.map((file) => read(file)));
  const errors: ManifestError[] = [];
  const contents: string[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      contents.push(result.value);
      return;
    }
    const reason = result.reason instanceof EnvFileError ? result.reason.message : `cannot read ${resource.spec.envFile[index]}: ${String(result.reason)}`;
    const key = entryKey(resource, index);
    errors.push(new ManifestError(resource.positions?.[key] ?? displayPosition(resource.source), `${key}: ${reason}`));
  });
  return errors.length > 0 ? { errors } : { resource: withEnvFiles(resource, contents), errors };
}

/** resolveEnvFiles over a file's resources; PortClaims pass through. */
export async function resolveAllEnvFiles(resources: readonly Resource[], read?: EnvFileReader): Promise<{ resources: Resource[]; errors: ManifestError[] }> {
  const out: Resource[] = [];
  const errors: ManifestError[] = [];
  for (const resource of resources) {
    if (resource.kind !== 'App') {
      out.push(resource);
      continue;
    }
    const resolved = await resolveEnvFiles(resource, read);
    errors.push(...resolved.errors);
    if (resolved.resource) out.push(resolved.resource);
  }
  return { resources: out, errors };
}
