/**
 * The terminal side of `berth top`: the alternate screen (the shell's
 * scrollback is untouched), no cursor, keys one at a time, a redraw when
 * the window is resized, and the terminal restored however top ends.
 */
import type { EventEmitter } from 'node:events';

export interface ScreenOutput extends Pick<EventEmitter, 'on' | 'off'> {
  columns?: number;
  rows?: number;
  write(text: string): unknown;
}

export interface ScreenInput extends Pick<EventEmitter, 'on' | 'off'> {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  resume(): unknown;
  pause(): unknown;
}

const ENTER = '\u001b[?1049h\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';
// Redraw in place (home, each line then erase its rest, then erase below): no flicker of a full clear.
const HOME = '\u001b[H';
const ERASE_LINE_END = '\u001b[K';
const ERASE_BELOW = '\u001b[J';
const CTRL_C = '\u0003';

export class TerminalScreen {
  private readonly onKeyData = (data: Buffer | string) => {
    for (const key of data.toString()) this.onKey(key);
  };
  private readonly onResize = () => this.onResizeHandler();
  private onResizeHandler: () => void = () => {};
  private onKey: (key: string) => void = () => {};
  private open = false;

  constructor(private readonly output: ScreenOutput, private readonly input: ScreenInput) {}

  get size(): { columns: number; rows: number } {
    // A pty nobody sized reports 0: fall back to the classic 80x24.
    return { columns: this.output.columns || 80, rows: this.output.rows || 24 };
  }

  /** Takes over the terminal; `onQuit` runs on q, Q or Ctrl-C, `onResize` when the window changes. */
  enter({ onQuit, onResize }: { onQuit: () => void; onResize: () => void }): void {
    this.open = true;
    this.onKey = (key) => {
      if (key === 'q' || key === 'Q' || key === CTRL_C) onQuit();
    };
    this.onResizeHandler = onResize;
    this.output.write(ENTER);
    if (this.input.isTTY) this.input.setRawMode?.(true);
    this.input.on('data', this.onKeyData);
    this.input.resume();
    this.output.on('resize', this.onResize);
  }

  /** Replaces the whole screen with `lines`. */
  draw(lines: readonly string[]): void {
    if (this.open) this.output.write(`${HOME}${lines.map((line) => `${line}${ERASE_LINE_END}`).join('\r\n')}${ERASE_BELOW}`);
  }

  /** Gives the terminal back as it was. Safe to call twice. */
  leave(): void {
    if (!this.open) return;
    this.open = false;
    this.output.off('resize', this.onResize);
    this.input.off('data', this.onKeyData);
    if (this.input.isTTY) this.input.setRawMode?.(false);
    this.input.pause();
    this.output.write(LEAVE);
  }
}
