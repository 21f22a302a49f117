/**
 * berth's error classes. Every error a user can meet has a stable `code`, a
 * one-line message they can act on, and knows how it renders on the CLI
 * (`Error: <message>`, exit code 1), so no command formats errors by hand.
 */

export type ErrorCode =
  | 'MANIFEST_INVALID'
  | 'MANIFEST_CONFLICT'
  | 'PORT_SPEC_INVALID'
  | 'PORT_RANGE_TOO_SHORT'
  | 'PORT_ASSIGNED'
  | 'PORT_IN_USE'
  | 'PORT_EXHAUSTED'
  | 'NOT_FOUND'
  | 'CONTROLLER_UNAVAILABLE'
  | 'USAGE'
  | 'STORE'
  | 'UNSAFE_HOME'
  | 'SPAWN_FAILED'
  | 'SPAWN_CANCELLED'
  | 'SYNC_FAILED'
  | 'SOCKET_FAILED'
  | 'SOCKET_ADOPT_FAILED'
  | 'MANIFEST_DIR'
  | 'CONTROLLER_RUNNING'
  | 'STORE_CORRUPT'
  | 'INTERNAL';

export class BerthError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options.exitCode ?? 1;
  }

  /** The line the CLI prints on stderr. */
  toCliLine(): string {
    return `Error: ${this.message}`;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Where in a manifest file something is wrong (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

/**
 * A manifest that does not parse or validate. The message starts with
 * `file:line:col:` so editors and terminals can jump to it.
 *
 * @example new ManifestError({file: 'm/web.yaml', line: 4, col: 14}, 'spec.instances: must be an integer')
 */
export class ManifestError extends BerthError {
  readonly position: SourcePosition;
  readonly detail: string;

  constructor(position: SourcePosition, detail: string, code: ErrorCode = 'MANIFEST_INVALID') {
    super(code, `${position.file}:${position.line}:${position.col}: ${detail}`);
    this.position = position;
    this.detail = detail;
  }
}

/**
 * Every problem found in the manifests given to apply/diff, one line each
 * (at most `perFile` per file, then a count of the rest), so a file is fixed
 * in one round rather than one error per run.
 */
export class ManifestErrorList extends BerthError {
  readonly errors: ManifestError[];

  constructor(errors: ManifestError[], perFile = 20) {
    const shown: string[] = [];
    const byFile = new Map<string, ManifestError[]>();
    for (const error of errors) byFile.set(error.position.file, [...(byFile.get(error.position.file) ?? []), error]);
    for (const [file, list] of byFile) {
      shown.push(...list.slice(0, perFile).map((e) => e.message));
      if (list.length > perFile) shown.push(`${file}: and ${list.length - perFile} more problem${list.length - perFile === 1 ? '' : 's'}`);
    }
    super(errors[0]?.code ?? 'MANIFEST_INVALID', shown.join('\n'));
    this.errors = errors;
  }

  /** One `Error: ` line per problem. */
  override toCliLine(): string {
    return this.message.split('\n').map((line) => `Error: ${line}`).join('\n');
  }
}

export class UsageError extends BerthError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

export class NotFoundError extends BerthError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

/** Anything thrown that is not a BerthError becomes one, keeping the original as cause. */
export function toBerthError(err: unknown): BerthError {
  if (err instanceof BerthError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new BerthError('INTERNAL', message, { cause: err });
}
