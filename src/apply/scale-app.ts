/**
 * Scaling an app: edits spec.instances in the manifest that defines it, as
 * `kubectl scale` edits the object; the controller sees the file change and
 * starts or stops instances. Shared by `berth scale` and the dashboard.
 */
import { findManifest } from './find-manifest.js';
import { editManifestFile } from './edit-manifest-file.js';
import { withManifestLock } from './manifest-lock.js';
import { MAX_INSTANCES } from '../manifest/limits.js';
import { BerthError, UsageError } from '../errors.js';
import { checkPortSpecFits, parsePortSpec } from '../ports/port-spec.js';


/**
 * The new count from a count word and the current count. Decimal digits only
 * (Number() would take "", "0x10" and "1e3"); +N and -N are relative, as
 * `pm2 scale web +2`.
 *
 * @example scaleTarget('+2', 3) === 5; scaleTarget('-1', 3) === 2; scaleTarget('4', 3) === 4
 * @throws UsageError for anything but a decimal integer, or a result outside 0..10000
 */
export function scaleTarget(word: string, current: number): number {
  const match = /^([+-]?)([0-9]+)$/.exec(word);
  if (!match) throw new UsageError(`scale takes N, +N or -N (decimal integers), got "${word}"`);
  const amount = Number(match[2]);
  const result = match[1] === '+' ? current + amount : match[1] === '-' ? current - amount : amount;
  if (result < 0) throw new UsageError(`cannot scale by ${word}: the app has ${current} instance${current === 1 ? '' : 's'}`);
  if (result > MAX_INSTANCES) throw new UsageError(`instances must be at most ${MAX_INSTANCES}, got ${result}`);
  return result;
}

/**
 * @example await scaleApp({ home, dir: '/srv/manifests', name: 'web', count: '+1' }) // 'app/web scaled to 4 (was 3)'
 */
export function scaleApp({ home, dir, name, count }: { home: string; dir: string; name: string; count: string }): Promise<string> {
  // Read and write under the manifest lock: a concurrent apply or scale never sees half of this change.
  return withManifestLock(home, () => scaleLocked(dir, name, count));
}

async function scaleLocked(dir: string, name: string, count: string): Promise<string> {
  const { file, resource } = await findManifest(dir, name);
  if (resource.kind !== 'App') throw new BerthError('USAGE', `"${name}" is a PortClaim; it has no instances`);
  const current = resource.spec.instances;
  const instances = scaleTarget(count, current);
  if (resource.spec.port !== undefined) checkPortSpecFits(parsePortSpec(resource.spec.port), instances, { shared: resource.spec.socket?.shared });
  if (current === instances) return `app/${name} unchanged (${instances} instances)`;
  await editManifestFile(file, name, { edit: (doc) => doc.setIn(['spec', 'instances'], instances) });
  return `app/${name} scaled to ${instances} (was ${current})`;
}
