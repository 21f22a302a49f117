/** Ports from a range spec, or sequential from 20000, for controller tests; records releases. */
import type { PortsDep } from '../../src/controller/controller-deps.js';
import type { InstancePorts } from '../../src/ports/types.js';

export class FakePorts implements PortsDep {
  released: string[] = [];
  async ensureAppPorts(_app: string, req: { port?: string; instances: number }): Promise<InstancePorts[]> {
    const start = req.port ? Number(req.port.replace(/^auto:/, '').split('-')[0]) : 20000;
    return Array.from({ length: req.instances }, (_, i) => ({ port: start + i, tcp: [], udp: [] }));
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
