// The terminal adapter of `berth top` over fake streams: alternate screen
// in and out, raw keys, q and Ctrl-C quit, a resize redraws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { TerminalScreen } from '../../src/cli/top/terminal-screen.js';

class FakeOutput extends EventEmitter {
  columns = 100;
  rows = 30;
  written = '';
  write(text: string): boolean {
    this.written += text;
    return true;
  }
}

class FakeInput extends EventEmitter {
  isTTY = true;
  raw: boolean[] = [];
  flowing = false;
  setRawMode(raw: boolean): this {
    this.raw.push(raw);
    return this;
  }
  resume(): this {
    this.flowing = true;
    return this;
  }
  pause(): this {
    this.flowing = false;
    return this;
  }
}

test('enter/leave restore the terminal; keys quit; resize asks for a redraw at the new size', () => {
  const output = new FakeOutput();
  const input = new FakeInput();
  const screen = new TerminalScreen(output, input);
  let quits = 0;
  const sizes: { columns: number; rows: number }[] = [];
  screen.enter({ onQuit: () => quits++, onResize: () => sizes.push(screen.size) });
  assert.ok(output.written.startsWith('\u001b[?1049h\u001b[?25l'), 'alternate screen, cursor hidden');
  assert.deepEqual(input.raw, [true]);
  assert.equal(input.flowing, true);

  screen.draw(['one', 'two']);
  assert.ok(output.written.endsWith('\u001b[Hone\u001b[K\r\ntwo\u001b[K\u001b[J'));

  input.emit('data', Buffer.from('x'));
  assert.equal(quits, 0);
  input.emit('data', Buffer.from('q'));
  input.emit('data', '\u0003');
  assert.equal(quits, 2);

  output.columns = 60;
  output.rows = 20;
  output.emit('resize');
  assert.deepEqual(sizes, [{ columns: 60, rows: 20 }]);

  screen.leave();
  screen.leave();
  assert.ok(output.written.endsWith('\u001b[?25h\u001b[?1049l'));
  assert.equal(output.written.split('\u001b[?1049l').length, 2, 'left once');
  assert.deepEqual(input.raw, [true, false]);
  assert.equal(input.flowing, false);
  assert.equal(output.listenerCount('resize'), 0);
  assert.equal(input.listenerCount('data'), 0);
  const before = output.written;
  screen.draw(['after']);
  assert.equal(output.written, before, 'no drawing after leave');
});

test('an unsized pty falls back to 80x24', () => {
  const output = new FakeOutput();
  output.columns = 0;
  output.rows = 0;
  assert.deepEqual(new TerminalScreen(output, new FakeInput()).size, { columns: 80, rows: 24 });
});
