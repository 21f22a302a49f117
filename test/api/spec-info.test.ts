import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appSpecInfo } from '../../src/api/spec-info.js';

test('an app with all four fields: the next cron tick is computed from now', () => {
  const now = new Date(2026, 0, 15, 12, 0, 0).getTime();
  const info = appSpecInfo(
    {
      dependsOn: [{ name: 'db', condition: 'Ready' }],
      envFile: ['/srv/web/.env'],
      cronRestart: '0 3 * * *',
      watch: { paths: ['/srv/web'], ignore: ['*.log'], debounceMs: 500 },
    },
    now,
  );
  assert.deepEqual(info, {
    dependsOn: [{ name: 'db', condition: 'Ready' }],
    envFile: ['/srv/web/.env'],
    cronRestart: '0 3 * * *',
    nextCronRestart: new Date(2026, 0, 16, 3, 0, 0).getTime(),
    watch: { paths: ['/srv/web'], ignore: ['*.log'], debounceMs: 500 },
  });
});

test('none of them, or a spec stored before they existed', () => {
  const none = { dependsOn: [], envFile: [], cronRestart: null, nextCronRestart: null, watch: null };
  assert.deepEqual(appSpecInfo({ dependsOn: [], envFile: [] }, 0), none);
  assert.deepEqual(appSpecInfo({} as never, 0), none);
});
