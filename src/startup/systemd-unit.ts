/**
 * The systemd unit `berth startup` installs: it runs `berth up` at boot with
 * absolute paths (node, berth, home, manifest directory), so nothing depends
 * on a login shell's PATH or the folder it was typed in (PM2's nvm trouble).
 * KillMode=process: systemd stops only the controller, and the apps outlive
 * a `systemctl restart` to be adopted by the next controller, as they
 * outlive a SIGTERM to `berth up`. Pure: text in, text out.
 */

export interface UnitOptions {
  /** Absolute path of the node binary (process.execPath). */
  node: string;
  /** Absolute path of berth's bin, dist/src/cli/main.cjs. */
  main: string;
  home: string;
  dir: string;
  user: string;
}

/** A word of ExecStart=, quoted as systemd reads it: %, $ and \ escaped, quotes around spaces. */
export function quoteExecArg(word: string): string {
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (/^[A-Za-z0-9_\-.,/:=@+%$]+$/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An Environment= assignment: specifiers escaped, quoted when it has spaces ($ means nothing there). */
export function quoteEnvironment(assignment: string): string {
  const escaped = assignment.replace(/%/g, '%%');
  if (/^[A-Za-z0-9_\-.,/:=@+%$]+$/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A path in a setting that takes the rest of the line (WorkingDirectory=): only specifiers need escaping. */
function escapeSpecifiers(text: string): string {
  return text.replace(/%/g, '%%');
}

/**
 * @example systemdUnit({node: '/usr/bin/node', main: '/opt/berth/dist/src/cli/main.cjs', home: '/srv/berth', dir: '/srv/berth/manifests', user: 'deploy'})
 */
export function systemdUnit({ node, main, home, dir, user }: UnitOptions): string {
  const exec = [node, main, 'up', '--dir', dir, '--home', home].map(quoteExecArg).join(' ');
  return [
    '# Written by `berth startup`; remove with `berth unstartup`.',
    '[Unit]',
    `Description=berth controller (home ${escapeSpecifiers(home)})`,
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    // berth up stays in the foreground: no forking, no PID file
    'Type=exec',
    `User=${user}`,
    `WorkingDirectory=${escapeSpecifiers(dir)}`,
    `Environment=${quoteEnvironment(`BERTH_HOME=${home}`)}`,
    `ExecStart=${exec}`,
    // only the controller: apps keep running across a restart and are adopted (berth down stops them)
    'KillMode=process',
    'KillSignal=SIGTERM',
    'Restart=always',
    'RestartSec=1s',
    'TimeoutStopSec=30s',
    // the apps inherit the controller's limits; systemd's default soft limit is 1024
    'LimitNOFILE=1048576',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/** unit file name for a user: berth-USER.service (one controller per user and home, as pm2-USER). */
export function unitName(user: string): string {
  return `berth-${user.replace(/[^A-Za-z0-9_.-]/g, '_')}.service`;
}
