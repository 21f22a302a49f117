/**
 * The log files of running instances, held open by the controller: opened
 * (created the first time) as berth's own before a spawn, shared by the
 * instances that name the same file (spec.logs.out, PM2's merge_logs), and
 * checked on every sweep tick through the held descriptor (a one-byte read
 * at the size limit, isLargerThan), so rotation keeps an instance's files within
 * maxSize × (maxFiles + 1) plus about one tick of its output.
 */
import { fstatSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { BerthError } from '../errors.js';
import { createAppendFile, isLargerThan, openExistingFile } from '../process/log-file-io.js';
import type { LogPaths } from '../process/log-paths.js';
import { rotateOpenLog, type OpenLog as RotatableLog } from '../process/rotate-log.js';

type OpenLog = RotatableLog<FileHandle>;
import type { LogOwnership } from './log-ownership.js';

export interface LogLimits {
  maxSizeBytes: number;
  maxFiles: number;
}

/** The descriptors one process writes to; release() once it is gone. */
export interface InstanceLogs {
  out: number;
  err: number;
  release(): void;
}

interface Slot {
  refs: number;
  opened: Promise<OpenLog>;
  log?: OpenLog;
  rotating: boolean;
  closing: boolean;
}

/** Log files whose size one sweep tick looks at (two per instance: 250 instances a tick, as the sweep's stat reads). */
export const MAX_SIZE_CHECKS_PER_TICK = 500;

export class LogFiles {
  private readonly slots = new Map<string, Slot>();
  /** Where the size checks resume next tick. */
  private turn: IterableIterator<Slot> | undefined;

  constructor(private readonly ownership: LogOwnership, private readonly onError: (err: unknown) => void = () => {}) {}

  /**
   * Opens the instance's log files for a spawn. Rejects with SPAWN_FAILED
   * `logs.out: FILE exists and was not created by berth` when a path holds
   * anything berth does not own.
   *
   * @example const logs = await logFiles.acquire({ out, err }, spec.logs); spawn({ ..., stdout: logs.out, stderr: logs.err }); // later: logs.release()
   */
  async acquire(paths: LogPaths, limits: LogLimits): Promise<InstanceLogs> {
    const out = this.ref(paths.out, 'out', limits);
    const err = this.ref(paths.err, 'err', limits);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.unref(paths.out);
      this.unref(paths.err);
    };
    try {
      const [outLog, errLog] = await Promise.all([out.opened, err.opened]);
      return { out: outLog.handle.fd, err: errLog.handle.fd, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * A sweep tick: open logs over their size are rotated (in the background;
   * one rotation per file at a time). At most `maxChecks` files are looked
   * at per tick, taking turns: at 1000 instances, 2000 reads a second were a
   * third of the controller's idle CPU; 500 a tick checks each file every
   * 4 s (pm2-logrotate checks every 30 s).
   */
  checkSizes(maxChecks = MAX_SIZE_CHECKS_PER_TICK): void {
    const count = Math.min(maxChecks, this.slots.size);
    for (let i = 0; i < count; i++) {
      let next = this.turn?.next();
      if (!next || next.done) {
        // a Map iterator is live: files opened since are reached in this round, closed ones skipped
        this.turn = this.slots.values();
        next = this.turn.next();
        if (next.done) return;
      }
      this.checkSize(next.value);
    }
  }

  private checkSize(slot: Slot): void {
    const log = slot.log;
    if (!log || slot.rotating) return;
    let size: number;
    try {
      if (!isLargerThan(log.handle.fd, log.maxSizeBytes)) return;
      size = fstatSync(log.handle.fd).size;
    } catch (err) {
      this.onError(err);
      return;
    }
    slot.rotating = true;
    rotateOpenLog(log, size, this.ownership)
      .catch((err: unknown) => this.onError(err))
      .finally(() => {
        slot.rotating = false;
        if (slot.closing) void closeQuietly(log.handle);
      });
  }

  /** Open files, for tests and `berth info`. */
  get openFiles(): string[] {
    return [...this.slots.keys()];
  }

  private ref(file: string, stream: 'out' | 'err', limits: LogLimits): Slot {
    let slot = this.slots.get(file);
    if (!slot) {
      const created: Slot = { refs: 0, rotating: false, closing: false, opened: this.open(file, stream, limits) };
      created.opened.then((log) => (created.log = log), () => {});
      this.slots.set(file, (slot = created));
    }
    slot.refs++;
    return slot;
  }

  private unref(file: string): void {
    const slot = this.slots.get(file);
    if (!slot || --slot.refs > 0) return;
    this.slots.delete(file);
    slot.closing = true;
    slot.opened.then((log) => (slot.rotating ? undefined : closeQuietly(log.handle)), () => {});
  }

  private async open(file: string, stream: 'out' | 'err', { maxSizeBytes, maxFiles }: LogLimits): Promise<OpenLog> {
    const log = (handle: FileHandle): OpenLog => ({ file, handle, maxSizeBytes, maxFiles });
    // A path berth never recorded is most likely new: create it straight away (O_EXCL: whatever
    // is already there makes it fail), one step less in libuv's pool than looking first.
    if (!this.ownership.isRecorded(file)) {
      const handle = await this.create(file);
      if (handle) return log(handle);
    }
    const found = await openExistingFile(file);
    if (found.kind === 'missing') {
      const handle = await this.create(file);
      if (handle) return log(handle);
    } else if (found.kind === 'regular') {
      if (this.ownership.owns(file, found)) return log(found.handle);
      await closeQuietly(found.handle);
    }
    throw new BerthError('SPAWN_FAILED', `logs.${stream}: ${file} exists and was not created by berth`);
  }

  /** A new file at `file`, recorded as berth's; undefined when something is already there. */
  private async create(file: string): Promise<FileHandle | undefined> {
    try {
      const { handle, identity } = await createAppendFile(file);
      try {
        this.ownership.created(file, identity);
      } catch (err) {
        await closeQuietly(handle);
        throw err;
      }
      return handle;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined; // not ours (or appeared meanwhile)
      throw err;
    }
  }
}

async function closeQuietly(handle: FileHandle): Promise<void> {
  await handle.close().catch(() => {});
}
