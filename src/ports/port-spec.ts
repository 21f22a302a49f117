/**
 * Port specs as manifests and `--port` write them: 3000, "3000",
 * "3000-3003", "auto:5000-5100". Pure parsing and the checks that need no
 * state (range bounds, range long enough for the instances).
 */
import { BerthError } from '../errors.js';

export type PortSpec =
  | { type: 'single'; port: number }
  | { type: 'range'; start: number; end: number }
  | { type: 'auto'; start: number; end: number };

const PORT_SPEC = /^(auto:)?([0-9]+)(?:-([0-9]+))?$/;

export class PortSpecError extends BerthError {
  constructor(message: string, code: 'PORT_SPEC_INVALID' | 'PORT_RANGE_TOO_SHORT' = 'PORT_SPEC_INVALID') {
    super(code, message);
  }
}

function checkPortNumber(port: number, text: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PortSpecError(`Invalid port "${text}": ports are 1-65535`);
  }
}

/**
 * @example parsePortSpec('3000-3003') → {type: 'range', start: 3000, end: 3003}
 * @example parsePortSpec('auto:5000-5100') → {type: 'auto', start: 5000, end: 5100}
 */
export function parsePortSpec(value: string | number): PortSpec {
  const text = String(value).trim();
  const match = PORT_SPEC.exec(text);
  if (!match) {
    throw new PortSpecError(`Invalid port "${text}": expected 3000, "3000-3003" or "auto:5000-5100"`);
  }
  const [, auto, startText, endText] = match;
  const start = Number(startText);
  checkPortNumber(start, text);
  if (auto && endText === undefined) {
    throw new PortSpecError(`Invalid port "${text}": auto needs a range, e.g. "auto:5000-5100"`);
  }
  if (endText === undefined) return { type: 'single', port: start };
  const end = Number(endText);
  checkPortNumber(end, text);
  if (end < start) throw new PortSpecError(`Invalid port range "${text}": ${end} is below ${start}`);
  return { type: auto ? 'auto' : 'range', start, end };
}

/** The canonical text of a spec, as stored and shown. */
export function formatPortSpec(spec: PortSpec): string {
  if (spec.type === 'single') return String(spec.port);
  return `${spec.type === 'auto' ? 'auto:' : ''}${spec.start}-${spec.end}`;
}

/**
 * Throws SPEC's messages when a spec cannot serve `instances` instances.
 * `shared` (spec.socket.shared): one socket, so one port, serves them all:
 * a single port or one port of an auto range; a fixed range is refused.
 */
export function checkPortSpecFits(spec: PortSpec, instances: number, { shared = false }: { shared?: boolean } = {}): void {
  if (shared) {
    if (spec.type === 'range') {
      throw new PortSpecError(`Port range ${spec.start}-${spec.end} cannot be shared: a shared socket (socket.shared: true) serves every instance on one port, such as ${spec.start}`);
    }
    return;
  }
  if (spec.type === 'single' && instances > 1) {
    throw new PortSpecError(
      `Port ${spec.port} is a single port but ${instances} instances requested; use a range such as "${spec.port}-${spec.port + instances - 1}"`,
      'PORT_RANGE_TOO_SHORT',
    );
  }
  if (spec.type === 'range') {
    const size = spec.end - spec.start + 1;
    if (size < instances) {
      throw new PortSpecError(
        `Port range ${spec.start}-${spec.end} has only ${size} ports but ${instances} instances requested`,
        'PORT_RANGE_TOO_SHORT',
      );
    }
  }
  if (spec.type === 'auto') {
    const size = spec.end - spec.start + 1;
    if (size < instances) {
      throw new PortSpecError(
        `Port range auto:${spec.start}-${spec.end} has only ${size} ports but ${instances} instances requested`,
        'PORT_RANGE_TOO_SHORT',
      );
    }
  }
}
