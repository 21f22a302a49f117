import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertEcosystemApp, type ConvertAppContext } from '../../../src/manifest/ecosystem/convert-ecosystem-app.js';
import { ManifestError } from '../../../src/errors.js';
import { assertValidManifests } from './assert-valid-manifests.js';

const ctx: ConvertAppContext = { file: 'ecosystem.json', index: 0, dir: '/srv/app', cpus: 8 };
const convert = (app: object, extra: Partial<ConvertAppContext> = {}) => {
  const result = convertEcosystemApp(app, { ...ctx, ...extra });
  assertValidManifests([result.manifest]);
  return result;
};
const spec = (app: object, extra: Partial<ConvertAppContext> = {}) => convert(app, extra).manifest.spec;
const failure = (app: object, extra: Partial<ConvertAppContext> = {}) => {
  try {
    convertEcosystemApp(app, { ...ctx, ...extra });
  } catch (err) {
    assert.ok(err instanceof ManifestError);
    return err.message;
  }
  assert.fail('expected a ManifestError');
};

test('a minimal app: berth/v1 App with an absolute cwd and no warnings', () => {
  const { manifest, warnings } = convert({ name: 'web', script: 'node', args: ['server.js'] });
  assert.deepEqual(manifest, {
    apiVersion: 'berth/v1',
    kind: 'App',
    metadata: { name: 'web' },
    spec: { script: 'node', args: ['server.js'], cwd: '/srv/app' },
  });
  assert.deepEqual(warnings, []);
});

test('every mapped field', () => {
  const { manifest, warnings } = convert({
    name: 'api',
    script: 'python3',
    args: ['-m', 'http.server', 8080],
    cwd: 'srv',
    env: { NODE_ENV: 'production', WORKERS: 4, DEBUG: false },
    instances: 2,
    port: '3000-3001',
    autorestart: false,
    max_restarts: 10,
    min_uptime: '5s',
    restart_delay: 2000,
    kill_timeout: 3000,
    max_memory_restart: '512M',
    out_file: 'logs/out.log',
    error_file: '/var/log/api.err',
    namespace: 'backend',
  });
  assert.deepEqual(manifest, {
    apiVersion: 'berth/v1',
    kind: 'App',
    metadata: { name: 'api', labels: { namespace: 'backend' } },
    spec: {
      script: 'python3',
      args: ['-m', 'http.server', '8080'],
      cwd: '/srv/app/srv',
      env: { NODE_ENV: 'production', WORKERS: '4', DEBUG: 'false' },
      instances: 2,
      port: '3000-3001',
      restartPolicy: 'Never',
      maxRestarts: 10,
      minUptime: '5s',
      restartDelay: 2000,
      stopTimeout: 3000,
      maxMemory: '512M',
      logs: { out: '/srv/app/srv/logs/out.log', err: '/var/log/api.err' },
    },
  });
  assert.deepEqual(warnings, []);
});

test('args as a string are split like a shell would, without one', () => {
  assert.deepEqual(spec({ name: 'w', script: 'node', args: `worker.js --queue "high priority" --tag 'a b'` }).args, ['worker.js', '--queue', 'high priority', '--tag', 'a b']);
  assert.match(failure({ name: 'w', script: 'node', args: '"open' }), /^ecosystem\.json:1:1: apps\[0\]\.args: unterminated double quote/);
});

test('a script with its arguments in one string is split, with a warning', () => {
  const { manifest, warnings } = convert({ name: 'dev', script: 'npm run dev' });
  assert.deepEqual([manifest.spec.script, manifest.spec.args], ['npm', ['run', 'dev']]);
  assert.deepEqual(warnings, ['ecosystem.json: apps[0].script: split into the program "npm" and its arguments']);
});

test('interpreter: by extension as PM2 does, explicit, or none', () => {
  assert.deepEqual(spec({ name: 'a', script: 'server.js', args: '--port 1' }), { script: 'node', args: ['server.js', '--port', '1'], cwd: '/srv/app' });
  assert.deepEqual(spec({ name: 'a', script: 'app.py' }).args, ['app.py']);
  assert.equal(spec({ name: 'a', script: 'app.py' }).script, 'python3');
  assert.equal(spec({ name: 'a', script: 'run.sh' }).script, 'bash');
  assert.deepEqual(spec({ name: 'a', script: 'app.ts', interpreter: 'python3' }), { script: 'python3', args: ['app.ts'], cwd: '/srv/app' });
  assert.deepEqual(spec({ name: 'a', script: 'server.js', interpreter: 'node', node_args: '--max-old-space-size=512', args: ['x'] }).args, ['--max-old-space-size=512', 'server.js', 'x']);
  assert.deepEqual(spec({ name: 'a', script: 'server.js', exec_interpreter: 'bun', interpreter_args: ['--smol'] }), { script: 'bun', args: ['--smol', 'server.js'], cwd: '/srv/app' });
  assert.deepEqual(spec({ name: 'a', script: './bin/server.js', interpreter: 'none' }), { script: './bin/server.js', cwd: '/srv/app' });
  assert.deepEqual(spec({ name: 'a', script: './bin/app' }), { script: './bin/app', cwd: '/srv/app' });
});

test('PM2 aliases: exec for script, out/err for the log files', () => {
  assert.deepEqual(spec({ name: 'a', exec: 'node', output: 'o.log', err: 'e.log' }), {
    script: 'node',
    cwd: '/srv/app',
    logs: { out: '/srv/app/o.log', err: '/srv/app/e.log' },
  });
});

test('durations: milliseconds, numeric strings and PM2/PMDaemon strings', () => {
  assert.equal(spec({ name: 'a', script: 'node', min_uptime: 1000 }).minUptime, 1000);
  assert.equal(spec({ name: 'a', script: 'node', min_uptime: '1500' }).minUptime, 1500);
  assert.equal(spec({ name: 'a', script: 'node', min_uptime: '1s' }).minUptime, '1s');
  assert.equal(spec({ name: 'a', script: 'node', kill_timeout: '30s' }).stopTimeout, '30s');
  assert.equal(spec({ name: 'a', script: 'node', restart_delay: '500ms' }).restartDelay, '500ms');
  assert.match(failure({ name: 'a', script: 'node', min_uptime: 'soon' }), /apps\[0\]\.min_uptime: invalid duration "soon"/);
});

test('restart_delay 0 (PM2 default) keeps the back-off; exp_backoff_restart_delay sets its start', () => {
  assert.equal(spec({ name: 'a', script: 'node', restart_delay: 0 }).restartDelay, undefined);
  assert.deepEqual(spec({ name: 'a', script: 'node', exp_backoff_restart_delay: 100 }).restartBackoff, { initial: 100, max: 15000 });
});

test('autorestart true is the default policy', () => {
  assert.equal(spec({ name: 'a', script: 'node', autorestart: true }).restartPolicy, undefined);
});

test('max_memory_restart: sizes and bytes', () => {
  assert.equal(spec({ name: 'a', script: 'node', max_memory_restart: '1G' }).maxMemory, '1G');
  assert.equal(spec({ name: 'a', script: 'node', max_memory_restart: '300mb' }).maxMemory, '300M');
  assert.equal(spec({ name: 'a', script: 'node', max_memory_restart: 536870912 }).maxMemory, 536870912);
  assert.equal(spec({ name: 'a', script: 'node', max_memory_restart: '1024' }).maxMemory, 1024);
  assert.match(failure({ name: 'a', script: 'node', max_memory_restart: '1T' }), /apps\[0\]\.max_memory_restart: invalid size "1T"/);
});

test('instances: "max", 0 and -1 resolve against the CPU count, with a warning', () => {
  const max = convert({ name: 'a', script: 'node', instances: 'max' });
  assert.equal(max.manifest.spec.instances, 8);
  assert.deepEqual(max.warnings, ['ecosystem.json: apps[0].instances: "max" means one instance per CPU; using 8, the CPU count of this machine']);
  assert.equal(spec({ name: 'a', script: 'node', instances: 0 }).instances, 8);
  const minusOne = convert({ name: 'a', script: 'node', instances: -1 });
  assert.equal(minusOne.manifest.spec.instances, 7);
  assert.match(minusOne.warnings[0]!, /apps\[0\]\.instances: -1 means 1 fewer than the CPUs in PM2; using 7/);
  assert.equal(spec({ name: 'a', script: 'node', instances: -1 }, { cpus: 1 }).instances, 1);
  assert.equal(spec({ name: 'a', script: 'node', instances: '3' }).instances, 3);
  assert.match(failure({ name: 'a', script: 'node', instances: 'lots' }), /apps\[0\]\.instances: must be a whole number up to 10000 or "max", got "lots"/);
});

test('port: number, range, auto range; checked against instances', () => {
  assert.equal(spec({ name: 'a', script: 'node', port: 3000 }).port, 3000);
  assert.equal(spec({ name: 'a', script: 'node', port: ' 3000 ' }).port, '3000');
  assert.equal(spec({ name: 'a', script: 'node', port: 'auto:5000-5100', instances: 3 }).port, 'auto:5000-5100');
  assert.match(failure({ name: 'a', script: 'node', port: '3000-3001', instances: 4 }), /apps\[0\]\.port: Port range 3000-3001 has only 2 ports but 4 instances requested/);
  assert.match(failure({ name: 'a', script: 'node', port: 'http' }), /apps\[0\]\.port: Invalid port "http"/);
});

test('env: numbers and booleans become strings; bad names are errors', () => {
  const { manifest, warnings } = convert({ name: 'a', script: 'node', env: { PORT: 3000, ON: true, GONE: null, JSONISH: { a: 1 } } });
  assert.deepEqual(manifest.spec.env, { PORT: '3000', ON: 'true', JSONISH: '{"a":1}' });
  assert.deepEqual(warnings, ['ecosystem.json: apps[0].env.GONE: has no value; left out', 'ecosystem.json: apps[0].env.JSONISH: is a map or list; passed as its JSON text']);
  assert.match(failure({ name: 'a', script: 'node', env: { 'MY-VAR': 'x' } }), /apps\[0\]\.env\.MY-VAR: invalid variable name "MY-VAR"/);
  assert.match(failure({ name: 'a', script: 'node', env: 'A=1' }), /apps\[0\]\.env: must be a map/);
});

test('names that are not DNS-1123 labels are converted, with a warning', () => {
  const { manifest, warnings } = convert({ name: 'web_app', script: 'node' });
  assert.equal(manifest.metadata.name, 'web-app');
  assert.deepEqual(warnings, [`ecosystem.json: apps[0].name: "web_app" is not a valid berth name (lower case letters, digits and '-', at most 63); using "web-app"`]);
  assert.equal(convert({ name: 'My API', script: 'node' }).manifest.metadata.name, 'my-api');
  assert.match(failure({ name: '***', script: 'node' }), /apps\[0\]\.name: "\*\*\*" cannot be made a berth name/);
});

test('missing name or script: an error with the position the locator gives', () => {
  const locate = (path: (string | number)[]) => ({ line: 3 + path.length, col: 5 });
  assert.equal(failure({ port: 3000 }, { locate }), 'ecosystem.json:5:5: apps[0]: missing required field "name" (and no script to name the app after)');
  assert.equal(failure({ name: 'web' }, { locate, index: 2 }), 'ecosystem.json:5:5: apps[2]: missing required field "script"');
  assert.equal(failure({ name: 'web', script: '' }), 'ecosystem.json:1:1: apps[0].script: must be the program or file to run, got ""');
  assert.equal(failure({ name: 'web' }, { base: [] }), 'ecosystem.json:1:1: (document): missing required field "script"');
});

test('health_check http → readinessProbe.http on 127.0.0.1, seconds as durations', () => {
  const probe = spec({
    name: 'a',
    script: 'node',
    health_check: { check_type: 'http', url: 'http://localhost:3000/health?deep=1', timeout: 5, interval: 30, retries: 3, enabled: true },
  }).readinessProbe;
  assert.deepEqual(probe, { http: { path: '/health?deep=1', port: 3000, host: '127.0.0.1' }, timeout: '5s', interval: '30s', failureThreshold: 3 });
});

test("health_check http on the app's own port range: each instance probes its own port", () => {
  const probe = spec({ name: 'a', script: 'node', instances: 4, port: '3000-3003', health_check: { check_type: 'http', url: 'http://127.0.0.1:3000/health' } }).readinessProbe;
  assert.deepEqual(probe, { http: { path: '/health', host: '127.0.0.1' } });
});

test('health_check script → readinessProbe.exec', () => {
  const probe = spec({ name: 'a', script: 'node', health_check: { check_type: 'script', script: './check.sh', timeout: '10s', retries: 0 } }).readinessProbe;
  assert.deepEqual(probe, { exec: { command: ['./check.sh'] }, timeout: '10s', failureThreshold: 1 });
});

test("health_check as PMDaemon's structs serialise it", () => {
  const probe = spec({
    name: 'a',
    script: 'node',
    health_check: { check_type: { type: 'script', path: '/opt/check' }, timeout: { secs: 2, nanos: 500000000 }, interval: { secs: 30, nanos: 0 }, retries: 2, enabled: true },
  }).readinessProbe;
  assert.deepEqual(probe, { exec: { command: ['/opt/check'] }, timeout: 2500, interval: 30000, failureThreshold: 2 });
});

test('health_check: disabled, remote host, https, bad type', () => {
  const disabled = convert({ name: 'a', script: 'node', health_check: { check_type: 'http', url: 'http://localhost/', enabled: false } });
  assert.equal(disabled.manifest.spec.readinessProbe, undefined);
  assert.deepEqual(disabled.warnings, ['ecosystem.json: apps[0].health_check.enabled: the health check is disabled; not converted']);
  const remote = convert({ name: 'a', script: 'node', health_check: { check_type: 'http', url: 'http://api.example.com:8080/up' } });
  assert.deepEqual(remote.manifest.spec.readinessProbe, { http: { path: '/up', port: 8080, host: '127.0.0.1' } });
  assert.match(remote.warnings[0]!, /apps\[0\]\.health_check\.url: berth probes the app on this host; checking 127\.0\.0\.1 rather than api\.example\.com/);
  const https = convert({ name: 'a', script: 'node', health_check: { check_type: 'http', url: 'https://localhost:8443/health' } });
  assert.deepEqual(https.manifest.spec.readinessProbe, { tcp: { port: 8443, host: '127.0.0.1' } });
  assert.match(failure({ name: 'a', script: 'node', health_check: { check_type: 'grpc' } }), /apps\[0\]\.health_check\.check_type: must be "http" or "script", got "grpc"/);
  assert.match(failure({ name: 'a', script: 'node', health_check: { check_type: 'http', url: 'not a url' } }), /apps\[0\]\.health_check\.url: invalid URL/);
});

test('PM2-only fields are warnings, never errors; defaults say nothing', () => {
  const { manifest, warnings } = convert(
    {
      name: 'web',
      script: 'server.js',
      instances: 4,
      exec_mode: 'cluster',
      watch: true,
      ignore_watch: ['node_modules'],
      merge_logs: true,
      log_date_format: 'YYYY-MM-DD',
      env_production: { NODE_ENV: 'production' },
      pmx: true,
      autostart: true,
      vizion: false,
      wait_ready: false,
      frobnicate: 1,
    },
    { file: 'ecosystem.config.js', format: 'pm2-js' },
  );
  assert.equal(manifest.spec.instances, 4);
  assert.equal(manifest.spec.stopSignal, 'SIGINT');
  assert.deepEqual(manifest.spec.watch, { ignore: ['node_modules'] });
  assert.deepEqual(warnings, [
    'ecosystem.config.js: apps[0].exec_mode: cluster is not supported by berth; running 4 fork-mode instances',
    'ecosystem.config.js: apps[0].merge_logs: berth writes one log file per instance unless out_file/error_file name one; ignored',
    'ecosystem.config.js: apps[0].log_date_format: berth writes app output as it comes, without timestamps or formatting; ignored',
    'ecosystem.config.js: apps[0].env_production: not used; `berth apply --env production` merges it over env, as pm2 --env does',
    'ecosystem.config.js: apps[0].frobnicate: unknown field; ignored',
  ]);
  assert.deepEqual(convert({ name: 'a', script: 'node', exec_mode: 'fork', watch: false }).warnings, []);
});

test('cron_restart (and its alias cron) becomes cronRestart; a bad expression is an error at the field', () => {
  assert.equal(spec({ name: 'a', script: 'node', cron_restart: '0  3 * * *' }).cronRestart, '0 3 * * *');
  assert.equal(spec({ name: 'a', script: 'node', cron: '*/5 * * * * *' }).cronRestart, '*/5 * * * * *');
  assert.equal(
    failure({ name: 'a', script: 'node', cron_restart: '0 3 * *' }),
    'ecosystem.json:1:1: apps[0].cron_restart: invalid cron expression "0 3 * *": has 4 fields; expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. "0 3 * * *"',
  );
  assert.match(failure({ name: 'a', script: 'node', cron_restart: 300 }), /apps\[0\]\.cron_restart: must be a cron expression such as "0 3 \* \* \*", got 300$/);
});

test('watch: true, a path or paths; ignore_watch, watch_delay; off means the others say nothing', () => {
  assert.equal(spec({ name: 'a', script: 'node', watch: true }).watch, true);
  assert.deepEqual(spec({ name: 'a', script: 'node', watch: 'src' }).watch, { paths: ['src'] });
  assert.deepEqual(spec({ name: 'a', script: 'node', watch: ['src', 'config'], ignore_watch: 'src/generated', watch_delay: 1000 }).watch, {
    paths: ['src', 'config'],
    ignore: ['src/generated'],
    debounce: 1000,
  });
  const off = convert({ name: 'a', script: 'node', watch: false, ignore_watch: ['logs'], watch_delay: 500, watch_options: { usePolling: true } });
  assert.equal(off.manifest.spec.watch, undefined);
  assert.deepEqual(off.warnings, []);
  assert.match(failure({ name: 'a', script: 'node', watch: 3 }), /apps\[0\]\.watch: must be a path or a list of paths, got 3$/);
});

test('ignore_watch written as regular expressions, and watch_options, are warnings', () => {
  const dotFiles = String.raw`[\/\\]\./`; // PM2's documented example
  const { manifest, warnings } = convert({ name: 'a', script: 'node', watch: true, ignore_watch: [dotFiles, '*.log'], watch_options: { followSymlinks: false } });
  assert.deepEqual(manifest.spec.watch, { ignore: ['*.log'] });
  assert.deepEqual(warnings, [
    `ecosystem.json: apps[0].ignore_watch[0]: ${JSON.stringify(dotFiles)} is a regular expression; berth reads ignore_watch as globs (dot-files and node_modules are always ignored); left out`,
    'ecosystem.json: apps[0].watch_options: chokidar options are not supported; berth watches with inotify and its own ignores; ignored',
  ]);
});

test('env_file: a path or a list, made absolute against the config folder', () => {
  assert.equal(spec({ name: 'a', script: 'node', cwd: 'app', env_file: '.env' }).envFile, '/srv/app/.env');
  assert.deepEqual(spec({ name: 'a', script: 'node', env_file: ['base.env', '/etc/app.env'] }).envFile, ['/srv/app/base.env', '/etc/app.env']);
  assert.match(failure({ name: 'a', script: 'node', env_file: { path: '.env' } }), /apps\[0\]\.env_file: must be a path or a list of paths, got a map$/);
});
