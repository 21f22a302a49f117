/**
 * `berth dashboard`: prints the dashboard's URL with its token, ready to
 * paste into a browser (or `xdg-open "$(berth dashboard)"`). It checks that
 * the running controller serves it, so the URL it prints works.
 */
import http from 'node:http';
import type { Command } from '../command.js';
import { ApiClient } from '../../api/api-client.js';
import { BerthError } from '../../errors.js';
import { readWebToken } from '../../web/web-token.js';
import { withExistingStore } from '../../store/with-existing-store.js';

/** The pid answering GET /healthz at `url`, or undefined when nothing answers. */
function healthzPid(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(new URL('healthz', url), { timeout: 2_000, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        try {
          resolve((JSON.parse(body) as { pid?: number }).pid);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

export const command: Command = {
  name: 'dashboard',
  summary: 'Print the URL of the web dashboard with its token (the controller serves it with `berth up --web`).',
  usage: 'berth dashboard',
  help: ['Examples:', '  berth dashboard', '  xdg-open "$(berth dashboard)"', '  berth up --web 127.0.0.1:9615   # the controller that serves it'].join('\n'),
  options: {},
  async run(_args, ctx) {
    const notServed = `the controller for ${ctx.home} does not serve the dashboard; start it with \`berth up --web [HOST:]PORT\``;
    const status = await new ApiClient(ctx.home).status();
    const url = await withExistingStore(ctx.home, (store) => store.meta.get('web_url'), () => undefined);
    const token = readWebToken(ctx.home);
    if (!url || !token || (await healthzPid(url)) !== status.pid) throw new BerthError('NOT_FOUND', notServed);
    ctx.out(`${url}?token=${encodeURIComponent(token)}`);
    return 0;
  },
};
