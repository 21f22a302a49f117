/**
 * The environment berth injects into an instance (SPEC.md "Environment
 * injected"), as a pure function. Injected variables are set over spec.env,
 * as PMDaemon does, so a leftover `env: {PORT: "3000"}` beside a port range
 * cannot put every instance on one port; the keys it overrode come back in
 * `shadowed` for the controller's warning event.
 */
import { primaryPort, type InstancePorts, type Protocol } from './types.js';

/** A block's ports are listed one by one only up to this size (TCP_PORTS, UDP_PORTS). */
const MAX_LISTED_PORTS = 8;

export interface InstanceEnvInput {
  /** metadata.name */
  app: string;
  /** 0-based instance index. */
  index: number;
  ports: InstancePorts;
  specEnv: Record<string, string>;
}

function blockEnv(prefix: 'TCP' | 'UDP', block: readonly number[]): Record<string, string> {
  const env: Record<string, string> = {};
  if (block.length === 0) return env;
  env[`${prefix}_PORT`] = String(block[0]);
  if (block.length > 1) env[`${prefix}_PORTS_RANGE`] = `${block[0]}-${block[block.length - 1]}`;
  if (block.length <= MAX_LISTED_PORTS) env[`${prefix}_PORTS`] = block.join(',');
  return env;
}

/** Only the variables berth injects, without spec.env. */
export function injectedEnv({ app, index, ports }: Omit<InstanceEnvInput, 'specEnv'>): Record<string, string> {
  const id = String(index);
  const env: Record<string, string> = {};
  const port = primaryPort(ports);
  if (port !== undefined) env.PORT = String(port);
  env.PM2_INSTANCE_ID = id;
  env.NODE_APP_INSTANCE = id;
  env.BERTH_INSTANCE_ID = id;
  env.BERTH_APP_NAME = app;
  const protocols: [Protocol, 'TCP' | 'UDP'][] = [['tcp', 'TCP'], ['udp', 'UDP']];
  for (const [protocol, prefix] of protocols) Object.assign(env, blockEnv(prefix, ports[protocol]));
  return env;
}

/**
 * @example
 * buildInstanceEnv({ app: 'web', index: 1, ports: { port: 3001, tcp: [], udp: [] }, specEnv: { PORT: '3000', NODE_ENV: 'production' } })
 * → { env: { NODE_ENV: 'production', PORT: '3001', PM2_INSTANCE_ID: '1', NODE_APP_INSTANCE: '1', BERTH_INSTANCE_ID: '1', BERTH_APP_NAME: 'web' },
 *     shadowed: ['PORT'] }
 */
export function buildInstanceEnv(input: InstanceEnvInput): { env: Record<string, string>; shadowed: string[] } {
  const injected = injectedEnv(input);
  const shadowed = Object.keys(injected).filter((key) => Object.hasOwn(input.specEnv, key));
  return { env: { ...input.specEnv, ...injected }, shadowed };
}
