/** `berth unstartup`: disables and removes the unit `berth startup` installed. The apps keep running. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Command } from '../command.js';
import { checkCanInstall, systemctl, unitPlace } from './startup.js';
import { examplesHelp } from '../format/examples.js';

export const command: Command = {
  name: 'unstartup',
  summary: 'Stop starting berth at boot: disable and remove the systemd unit `berth startup` wrote. The controller stops (systemctl disable --now); the apps keep running.',
  usage: 'berth unstartup [--user USER] [--name UNIT] [--unit-dir DIR] [--no-enable]',
  help: examplesHelp(['sudo berth unstartup', 'berth unstartup --unit-dir ./units --no-enable']),
  options: { user: { type: 'string' }, name: { type: 'string' }, 'unit-dir': { type: 'string' }, 'no-enable': { type: 'boolean' } },
  async run({ values, argv }, ctx) {
    const place = unitPlace(values, ctx, (values.user as string | undefined) ?? userInfo().username);
    const file = path.join(place.dir, place.name);
    if (!existsSync(file)) {
      ctx.out(`no ${place.name} in ${place.dir}; nothing to remove`);
      return 0;
    }
    checkCanInstall(place, `${process.execPath} ${process.argv[1]} --home ${ctx.home} unstartup ${argv.join(' ')}`.trim());
    if (place.enable) systemctl(['disable', '--now', place.name]);
    await rm(file);
    if (place.enable) systemctl(['daemon-reload']);
    ctx.out(`removed ${file}`);
    return 0;
  },
};
