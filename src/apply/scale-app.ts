/**
 * Scaling an app: edits spec.instances in the manifest that defines it, as
 * `kubectl scale` edits the object; the controller sees the file change and
 * starts or stops instances. Shared by `berth scale` and the dashboard.
 */
import { findManifest } from './find-manifest.js';
import { editManifestFile } from './edit-manifest-file.js';
import { BerthError, UsageError } from '../errors.js';
import { checkPortSpecFits, parsePortSpec } from '../ports/port-spec.js';

export const MAX_INSTANCES = 10_000;

/** Refuses counts that are not whole numbers from 0 to MAX_INSTANCES. */
export function checkInstanceCount(instances: number, shown: string = String(instances)): number {
  if (!Number.isInteger(instances) || instances < 0 || instances > MAX_INSTANCES) throw new UsageError(`--instances must be a whole number from 0 to ${MAX_INSTANCES}, got "${shown}"`);
  return instances;
}

/** A count as the user typed it: decimal digits only (Number() would take "", "0x10" and "1e2"). */
export function parseInstanceCount(text: string): number {
  return checkInstanceCount(/^[0-9]{1,6}$/.test(text) ? Number(text) : NaN, text);
}

/**
 * @example await scaleApp({ dir: '/srv/manifests', name: 'web', instances: 4 }) // 'app/web scaled to 4'
 */
export async function scaleApp({ dir, name, instances, shown }: { dir: string; name: string; instances: number; shown?: string }): Promise<string> {
  checkInstanceCount(instances, shown);
  const { file, resource } = await findManifest(dir, name);
  if (resource.kind !== 'App') throw new BerthError('USAGE', `"${name}" is a PortClaim; it has no instances`);
  if (resource.spec.port !== undefined) checkPortSpecFits(parsePortSpec(resource.spec.port), instances);
  if (resource.spec.instances === instances) return `app/${name} unchanged (${instances} instances)`;
  await editManifestFile(file, name, { edit: (doc) => doc.setIn(['spec', 'instances'], instances) });
  return `app/${name} scaled to ${instances}`;
}
