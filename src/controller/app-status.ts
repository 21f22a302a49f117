/**
 * An app's status as `kubectl describe` shows it: conditions (set only when
 * they change) and events. The wording of the controller's own conditions
 * and events lives here.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { InstancePorts } from '../ports/types.js';
import { BerthError } from '../errors.js';
import { formatInstancePorts } from '../ports/port-text.js';

type EventType = 'Normal' | 'Warning';

export function recordEvent(store: Store, app: string, instance: number | null, type: EventType, reason: string, message: string): void {
  store.events.record({ app, instance, type, reason, message });
}

/** ManifestValid from the errors of the files that declare the app; a Warning event when it turns False. */
export function setManifestValid(store: Store, logger: Logger, name: string, errors: string[]): void {
  const changed = store.apps.setCondition(name, errors.length
    ? { type: 'ManifestValid', status: 'False', reason: 'InvalidManifest', message: errors[0]! }
    : { type: 'ManifestValid', status: 'True', reason: 'Valid', message: '' });
  if (changed && errors.length) {
    recordEvent(store, name, null, 'Warning', 'InvalidManifest', `${errors[0]!}; keeping the last good spec`);
    logger.warn({ app: name, errors }, 'manifest invalid; keeping the last good spec');
  }
}

/** PortsAllocated=False with the allocator's sentence; a PortConflict event the first time. */
export function reportPortFailure(store: Store, logger: Logger, name: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  if (store.apps.setCondition(name, { type: 'PortsAllocated', status: 'False', reason: err instanceof BerthError ? err.code : 'Error', message })) {
    recordEvent(store, name, null, 'Warning', 'PortConflict', message);
    logger.warn({ app: name }, message);
  }
}

/** PortsAllocated=True listing each instance's ports; an Allocated event when they change. */
export function reportAppPorts(store: Store, name: string, ports: InstancePorts[]): void {
  if (store.apps.setCondition(name, { type: 'PortsAllocated', status: 'True', reason: 'Allocated', message: ports.map((p, i) => `${i}: ${formatInstancePorts(p)}`).join('; ') })) {
    recordEvent(store, name, null, 'Normal', 'Allocated', `ports ${ports.map((p) => formatInstancePorts(p)).join(', ')}`);
  }
}
