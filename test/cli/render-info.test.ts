import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInfo } from '../../src/cli/commands/info.js';
import type { AppInfo } from '../../src/api/api-types.js';

const base: AppInfo = {
  name: 'web',
  kind: 'App',
  source: 'manifests/web.yaml',
  labels: {},
  generation: 1,
  observedGeneration: 1,
  desiredState: 'running',
  configured: { port: null, instances: 1, ports: { tcp: 0, udp: 0 } },
  effective: { port: null, instances: 1, override: null },
  instances: [],
  conditions: [],
  events: [],
  manifestErrors: [],
};

test('info shows dependsOn, env files, the cron schedule with its next tick, and the watch', () => {
  const next = Date.now() + 5 * 3_600_000 + 30_000;
  const text = renderInfo(
    {
      ...base,
      spec: {
        dependsOn: [{ name: 'db', condition: 'Ready' }, { name: 'cache', condition: 'Started' }],
        envFile: ['/srv/web/.env', '/srv/shared.env'],
        cronRestart: '0 3 * * *',
        nextCronRestart: next,
        watch: { paths: ['/srv/web/src', '/srv/web/config'], ignore: ['*.log'], debounceMs: 1500 },
      },
    },
    false,
  );
  const lines = text.split('\n');
  assert.ok(lines.includes('Depends on:   db (Ready), cache (Started)'));
  assert.ok(lines.includes('Env files:    /srv/web/.env, /srv/shared.env'));
  const cron = lines.find((l) => l.startsWith('Cron restart:'));
  assert.match(cron!, /^Cron restart: 0 3 \* \* \*  \(next \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, in 5h\)$/);
  assert.ok(lines.includes('Watch:        /srv/web/src, /srv/web/config  (debounce 1.5s; ignore *.log)'));
});

test('an app without them, or a controller that does not report them, shows none of those lines', () => {
  for (const info of [base, { ...base, spec: { dependsOn: [], envFile: [], cronRestart: null, nextCronRestart: null, watch: null } }]) {
    const text = renderInfo(info, false);
    assert.doesNotMatch(text, /Depends on|Env files|Cron restart|Watch:/);
  }
});
