/**
 * The controller's in-memory view of the instances it supervises: per app and
 * index, the actor handle and what it was started with (spec hash, ports).
 * Rebuilt from the store (adoption) when the controller starts.
 */
import type { InstanceHandleDep } from './controller-deps.js';
import type { ActualInstance, InstancePorts } from './plan-app.js';

export interface RuntimeInstance {
  handle: InstanceHandleDep;
  specHash: string;
  ports: InstancePorts;
  unsubscribe: () => void;
}

const INACTIVE = new Set(['stopped', 'errored']);

export class RuntimeInstances {
  private readonly apps = new Map<string, Map<number, RuntimeInstance>>();

  get(app: string, index: number): RuntimeInstance | undefined {
    return this.apps.get(app)?.get(index);
  }

  of(app: string): Map<number, RuntimeInstance> {
    return this.apps.get(app) ?? new Map();
  }

  appNames(): string[] {
    return [...this.apps.keys()];
  }

  set(app: string, index: number, instance: RuntimeInstance): void {
    let byIndex = this.apps.get(app);
    if (!byIndex) this.apps.set(app, (byIndex = new Map()));
    byIndex.set(index, instance);
  }

  delete(app: string, index: number): void {
    const byIndex = this.apps.get(app);
    byIndex?.get(index)?.unsubscribe();
    byIndex?.delete(index);
    if (byIndex && byIndex.size === 0) this.apps.delete(app);
  }

  /** The plan's view of what runs for an app. */
  actual(app: string): ActualInstance[] {
    return [...this.of(app)].map(([index, instance]) => ({
      index,
      specHash: instance.specHash,
      ports: instance.ports,
      active: !INACTIVE.has(instance.handle.snapshot().status),
    }));
  }

  all(): RuntimeInstance[] {
    return [...this.apps.values()].flatMap((byIndex) => [...byIndex.values()]);
  }
}
