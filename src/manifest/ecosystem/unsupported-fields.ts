/**
 * PM2 and PMDaemon fields berth has no use for. A config written for them
 * must still convert, so each is a warning saying what happens instead,
 * never an error; a field left at its default (pmx: true) says nothing.
 */
import type { AppFields } from './app-fields.js';

const READY_SIGNAL = "berth decides readiness with probes (health_check), not process.send('ready'); ignored";
const INSTANCE_VARS = 'berth injects NODE_APP_INSTANCE, PM2_INSTANCE_ID and BERTH_INSTANCE_ID; ignored';
const LOG_FORMAT = 'berth writes app output as it comes, without timestamps or formatting; ignored';
const USER = 'berth runs apps as its own user; ignored';
const PM2_RUNTIME = 'PM2 runtime option with no meaning in berth; ignored';

const REASONS: Readonly<Record<string, string>> = {
  merge_logs: 'berth writes one log file per instance unless out_file/error_file name one; ignored',
  combine_logs: 'berth writes one log file per instance unless out_file/error_file name one; ignored',
  log_date_format: LOG_FORMAT,
  time: LOG_FORMAT,
  log_type: LOG_FORMAT,
  log_file: 'a combined stdout+stderr log is not supported; use out_file and error_file',
  log: 'a combined stdout+stderr log is not supported; use out_file and error_file',
  disable_logs: 'berth always keeps logs (with size rotation); ignored',
  pid_file: 'berth keeps PIDs in its state store; ignored',
  pid: 'berth keeps PIDs in its state store; ignored',
  wait_ready: READY_SIGNAL,
  listen_timeout: READY_SIGNAL,
  shutdown_with_message: 'berth stops apps with a signal; ignored',
  instance_var: INSTANCE_VARS,
  increment_var: INSTANCE_VARS,
  uid: USER,
  user: USER,
  gid: USER,
  group: USER,
  username: USER,
  stop_exit_codes: 'not supported; use restartPolicy OnFailure in the manifest for "do not restart after a clean exit"',
  autostart: 'berth starts every app it is given; stop one with `berth stop NAME`',
  treekill: 'berth always stops the whole process group; ignored',
  force: PM2_RUNTIME,
  append_env_to_name: PM2_RUNTIME,
  filter_env: PM2_RUNTIME,
  name_prefix: PM2_RUNTIME,
  source_map_support: PM2_RUNTIME,
  disable_source_map_support: PM2_RUNTIME,
  vizion: PM2_RUNTIME,
  pmx: PM2_RUNTIME,
  automation: PM2_RUNTIME,
  trace: PM2_RUNTIME,
  disable_trace: PM2_RUNTIME,
  v8: PM2_RUNTIME,
  event_loop_inspector: PM2_RUNTIME,
  deep_monitoring: PM2_RUNTIME,
  io: PM2_RUNTIME,
  post_update: PM2_RUNTIME,
  install_url: PM2_RUNTIME,
  kill_retry_time: PM2_RUNTIME,
  windowsHide: PM2_RUNTIME,
  execute_command: PM2_RUNTIME,
  write: PM2_RUNTIME,
};

/** Fields whose default is true: `pmx: true` is as silent as `merge_logs: false`. */
const DEFAULT_TRUE = new Set(['vizion', 'pmx', 'automation', 'treekill', 'source_map_support', 'windowsHide', 'autostart', 'disable_trace']);
/** Editor hints, not configuration. */
const SILENT = new Set(['$schema']);

function isDefault(key: string, value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return true;
  if (Array.isArray(value) && value.length === 0) return true;
  return value === true && DEFAULT_TRUE.has(key);
}

/**
 * Warns for every field nothing converted. Call last: it reads what the
 * other converters left untaken.
 *
 * @example warnUnsupportedFields(fields, 4) // "file: apps[0].exec_mode: cluster is not supported by berth; running 4 fork-mode instances"
 */
export function warnUnsupportedFields(fields: AppFields, instances: number, envName?: string): void {
  const { report } = fields;
  for (const [key, value] of fields.remaining()) {
    if (SILENT.has(key)) continue;
    if (key === 'exec_mode') {
      if (typeof value === 'string' && /^cluster(_mode)?$/.test(value)) {
        report.warn(key, `cluster is not supported by berth; running ${instances} fork-mode instance${instances === 1 ? '' : 's'}`);
      } else if (!(typeof value === 'string' && /^fork(_mode)?$/.test(value))) {
        report.warn(key, 'unknown exec_mode; berth runs every instance as its own process');
      }
      continue;
    }
    if (/^env_\S+$/.test(key)) {
      // with --env, the other variants are simply not chosen
      if (envName === undefined) report.warn(key, `not used; \`berth apply --env ${key.slice(4)}\` merges it over env, as pm2 --env does`);
      continue;
    }
    if (isDefault(key, value)) continue;
    report.warn(key, REASONS[key] ?? 'unknown field; ignored');
  }
}
