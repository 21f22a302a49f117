/**
 * The config one instance of an app runs: its spec, the spec hash, its
 * ports, and the environment built from them (spec.env + injected
 * variables; the instance layer adds the spawn marker).
 */
import type { AppResource } from '../manifest/types.js';
import type { InstancePorts } from '../ports/types.js';
import type { ConfigFor, InstanceConfig } from './controller-deps.js';
import type { ReconcileContext } from './reconcile-context.js';

type ConfigContext = Pick<ReconcileContext, 'buildEnv' | 'logDir'>;

export function instanceConfig(ctx: ConfigContext, resource: AppResource, index: number, ports: InstancePorts, specHash = resource.specHash): InstanceConfig {
  const { env } = ctx.buildEnv({ app: resource.metadata.name, index, ports, specEnv: resource.spec.env });
  return { app: resource.metadata.name, index, spec: resource.spec, specHash, env, ports, logDir: ctx.logDir };
}

/**
 * Configs for processes a previous controller started: the ports the store
 * holds for each instance (what it was started with) and its recorded spec hash.
 */
export function recordedConfigFor(ctx: ConfigContext & Pick<ReconcileContext, 'store'>, resource: AppResource): ConfigFor {
  const held = ctx.store.allocations.heldByInstance(resource.metadata.name);
  return (index, specHash) => instanceConfig(ctx, resource, index, held.get(`${resource.metadata.name}/${index}`) ?? { tcp: [], udp: [] }, specHash);
}
