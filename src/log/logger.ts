/**
 * The controller's logger: pino JSON lines to <home>/logs/controller.log,
 * and, when the controller runs in the foreground on a terminal, a concise
 * "HH:MM:SS level app/instance message" line on stderr. Child loggers carry
 * bindings (app, instance) rather than string prefixes.
 */
import pino, { type Logger } from 'pino';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { useColour } from '../util/use-colour.js';
import { openControllerLog } from './open-controller-log.js';

export type { Logger };

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A stream that renders pino's JSON lines as short human lines. */
function conciseStream(out: NodeJS.WritableStream, colour: boolean): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as { time: number; level: number; msg: string; app?: string; instance?: number; err?: { message: string } };
          const time = new Date(entry.time).toTimeString().slice(0, 8);
          const level = LEVEL_NAMES[entry.level] ?? String(entry.level);
          const who = entry.app === undefined ? '' : `${entry.app}${entry.instance === undefined ? '' : `/${entry.instance}`} `;
          const tint = colour && entry.level >= 50 ? '\u001b[31m' : colour && entry.level >= 40 ? '\u001b[33m' : '';
          out.write(`${time} ${tint}${level.padEnd(5)}${tint ? '\u001b[0m' : ''} ${who}${entry.msg}${entry.err ? `: ${entry.err.message}` : ''}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

export interface LoggerOptions {
  home?: string;
  level?: string;
  /** Also print concise lines to this stream (foreground controller). */
  console?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Tests: capture the JSON lines here instead of a file. */
  destination?: NodeJS.WritableStream;
}

export function createLogger({ home, level = process.env.BERTH_LOG_LEVEL ?? 'info', console, destination }: LoggerOptions): Logger {
  const streams: pino.StreamEntry[] = [];
  if (destination) streams.push({ level: level as pino.Level, stream: destination });
  else if (home) {
    mkdirSync(path.join(home, 'logs'), { recursive: true, mode: 0o700 });
    streams.push({ level: level as pino.Level, stream: pino.destination({ fd: openControllerLog(path.join(home, 'logs', 'controller.log')), sync: false }) });
  }
  if (console) streams.push({ level: level as pino.Level, stream: conciseStream(console, useColour(console)) });
  return pino({ level, base: { pid: process.pid } }, pino.multistream(streams));
}
