/**
 * `berth startup [--print]`: installs and enables a systemd unit that runs
 * `berth up` at boot (PM2's `pm2 startup`, without a `save` step: the
 * manifests already are the desired state). `--print` only shows the unit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, CommandContext } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { systemdUnit, unitName } from '../../startup/systemd-unit.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { BerthError } from '../../errors.js';
import { examplesHelp } from '../format/examples.js';

export const SYSTEM_UNIT_DIR = '/etc/systemd/system';

export interface UnitPlace {
  name: string;
  dir: string;
  /** Run systemctl (daemon-reload, enable/disable --now). */
  enable: boolean;
}

/** Where the unit goes: --unit-dir (e.g. a test's temp folder, or a staging tree), else /etc/systemd/system. */
export function unitPlace(values: Record<string, unknown>, ctx: CommandContext, user: string): UnitPlace {
  const dir = values['unit-dir'] ? path.resolve(ctx.cwd, values['unit-dir'] as string) : SYSTEM_UNIT_DIR;
  return { name: (values.name as string | undefined) ?? unitName(user), dir, enable: !values['no-enable'] };
}

/** Refuses what cannot work here, with what to do instead. */
export function checkCanInstall(place: UnitPlace, retry: string): void {
  if (!place.enable) return;
  // what sd_booted() checks
  if (!existsSync('/run/systemd/system')) throw new BerthError('USAGE', `systemd is not running on this host (no /run/systemd/system); see the unit with \`berth startup --print\` and install it with your init system`);
  if (place.dir === SYSTEM_UNIT_DIR && process.getuid?.() !== 0) throw new BerthError('USAGE', `writing ${SYSTEM_UNIT_DIR} needs root; run: sudo ${retry}`);
}

export function systemctl(args: string[]): void {
  execFileSync('systemctl', args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

export const command: Command = {
  name: 'startup',
  summary: 'Start berth at boot: write a systemd unit that runs `berth up` (absolute node and berth paths, this home, the manifest directory) and enable it. --print only shows it.',
  usage: 'berth startup [--print] [--dir DIR] [--user USER] [--name UNIT] [--unit-dir DIR] [--no-enable]',
  help: [
    '--dir DIR        the manifest directory (default: the one the controller last watched, else ./manifests)',
    '--user USER      User= of the unit (default: you)',
    '--name UNIT      unit file name (default berth-USER.service)',
    '--unit-dir DIR   write the unit there instead of /etc/systemd/system',
    '--no-enable      write the unit only; no systemctl daemon-reload / enable --now',
    'KillMode=process: `systemctl stop/restart` stops the controller only; the apps keep running and the next',
    'controller adopts them. `berth down` stops everything. No `pm2 save` step: the manifests are the state.',
    '',
    examplesHelp(['berth startup --print', 'sudo berth startup --home /srv/berth --dir /srv/berth/manifests --user deploy', 'berth unstartup']),
  ].join('\n'),
  options: {
    print: { type: 'boolean' },
    dir: { type: 'string' },
    user: { type: 'string' },
    name: { type: 'string' },
    'unit-dir': { type: 'string' },
    'no-enable': { type: 'boolean' },
  },
  async run({ values, argv }, ctx) {
    const user = (values.user as string | undefined) ?? userInfo().username;
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    // the bin package.json names, main.cjs: an installed package has no main.js (npm pack leaves out symbolic links)
    const main = path.join(realpathSync(fileURLToPath(new URL('..', import.meta.url))), 'main.cjs');
    const unit = systemdUnit({ node: realpathSync(process.execPath), main, home: ctx.home, dir, user });
    if (/\/\.(nvm|volta|asdf|fnm)\//.test(process.execPath)) {
      ctx.err(`Warning: node runs from ${process.execPath}; the unit keeps this path, so run \`berth startup\` again after switching Node versions`);
    }
    if (values.print) {
      ctx.out(unit.trimEnd());
      return 0;
    }
    const place = unitPlace(values, ctx, user);
    checkCanInstall(place, `env PATH=${path.dirname(process.execPath)}:$PATH ${process.execPath} ${main} --home ${ctx.home} startup ${argv.join(' ')}`.trim());
    const file = path.join(place.dir, place.name);
    await writeFileAtomic(file, unit, { mode: 0o644 });
    ctx.out(`wrote ${file}`);
    if (!place.enable) return 0;
    systemctl(['daemon-reload']);
    systemctl(['enable', '--now', place.name]);
    ctx.out(`enabled and started ${place.name}; \`systemctl status ${place.name}\` shows it, \`berth unstartup\` removes it`);
    return 0;
  },
};
