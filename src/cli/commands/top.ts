/**
 * `berth top`: a live terminal view (pm2 monit, htop): one row per instance
 * with CPU and memory bars, refreshed every second from the controller; `q`
 * quits and the view follows the window's size. With stdout not a terminal
 * (a pipe, a file) it prints one frame and exits, as `top -b -n 1` does.
 */
import type { Command } from '../command.js';
import { ApiClient } from '../../api/api-client.js';
import type { InstanceView } from '../../api/api-types.js';
import { renderTop } from '../top/render-top.js';
import { TerminalScreen } from '../top/terminal-screen.js';

const REFRESH_MS = 1_000;

export const command: Command = {
  name: 'top',
  summary: 'Live view of every instance: status, PID, CPU and memory bars, restarts, uptime; refreshed every second, q quits. Without a terminal, prints one frame.',
  usage: 'berth top [--once]',
  help: ['CPU bars are percent of one core; memory bars are relative to the largest instance.', '', 'Examples:', '  berth top', '  berth top --once | grep crashloop'].join('\n'),
  options: { once: { type: 'boolean' } },
  async run({ values }, ctx) {
    const client = new ApiClient(ctx.home, 5_000);
    // Fails with "no controller is running" before taking over the terminal.
    let instances: InstanceView[] = await client.listInstances();
    const colour = ctx.isTTY && !ctx.env.NO_COLOR;
    if (values.once || !ctx.isTTY) {
      const columns = Number(ctx.env.COLUMNS) || 100;
      ctx.out(renderTop({ instances, columns, rows: Number.MAX_SAFE_INTEGER, now: new Date(), colour }).join('\n'));
      return 0;
    }

    const screen = new TerminalScreen(process.stdout, process.stdin);
    let note: string | undefined;
    const draw = () => screen.draw(renderTop({ instances, ...screen.size, now: new Date(), colour, note }));
    let busy = false;
    const refresh = async () => {
      if (busy) return;
      busy = true;
      try {
        instances = await client.listInstances();
        note = undefined;
      } catch (err) {
        note = `controller unreachable: ${(err as Error).message}; retrying`;
      } finally {
        busy = false;
      }
      draw();
    };
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      const quit = () => {
        clearInterval(timer);
        process.off('SIGTERM', quit);
        process.off('SIGHUP', quit);
        screen.leave();
        resolve();
      };
      process.once('SIGTERM', quit);
      process.once('SIGHUP', quit);
      screen.enter({ onQuit: quit, onResize: draw });
      draw();
      timer = setInterval(() => void refresh(), REFRESH_MS);
    });
    return 0;
  },
};
