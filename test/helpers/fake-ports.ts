/** Ports from a range spec, or sequential from 20000, for controller tests; records releases. */
import type { PortsDep } from '../../src/controller/controller-deps.js';
import type { InstancePorts } from '../../src/ports/types.js';
import { PortAssignedError } from '../../src/ports/port-errors.js';

export class FakePorts implements PortsDep {
  released: string[] = [];
  /** Ports another owner holds: asking for one fails as the allocator does. */
  taken = new Map<number, string>();
  async ensureAppPorts(_app: string, req: { port?: string; instances: number }): Promise<InstancePorts[]> {
    const start = req.port ? Number(req.port.replace(/^auto:/, '').split('-')[0]) : 20000;
    const ports = Array.from({ length: req.instances }, (_, i) => ({ port: start + i, tcp: [], udp: [] }));
    for (const { port } of ports) {
      const owner = this.taken.get(port);
      if (owner !== undefined) throw new PortAssignedError(port, owner);
    }
    return ports;
  }
  releaseInstance(app: string, index: number): void {
    this.released.push(`${app}/${index}`);
  }
  releaseApp(app: string): void {
    this.released.push(app);
  }
  async ensureClaim() {
    return { tcp: [], udp: [] };
  }
  releaseClaim(): void {}
}
