/**
 * The error a failed sync raises: one line for the CLI and the store, plus
 * every manifest problem as `details` (the line names the first and counts
 * the rest), and the revision it concerns when one was fetched.
 */
import { BerthError } from '../errors.js';

export class SyncError extends BerthError {
  readonly details: string[];
  readonly rev: string | undefined;
  /** What the source's status keeps: the line, with every detail rather than a count. */
  readonly fullMessage: string;

  /** @example new SyncError('revision 3f2a1b0 not applied: deploy/web.yaml:4:14: spec.instances: must be integer', { details, rev }) */
  constructor(message: string, { details = [], rev, cause, fullMessage }: { details?: string[]; rev?: string; cause?: unknown; fullMessage?: string } = {}) {
    super('SYNC_FAILED', message, { cause });
    this.details = details;
    this.rev = rev;
    this.fullMessage = fullMessage ?? message;
  }
}

export function shortRev(rev: string): string {
  return rev.slice(0, 7);
}
