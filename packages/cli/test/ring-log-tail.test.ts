import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './ao-harness.js';
import { RingLog, readRingLog } from '../src/host/ring-log.js';
import { formatTailCursor, parseTailCursor, readRingLogAfter, type TailCursor, type TailRead } from '../src/host/ring-log-tail.js';

const bytesOf = (read: TailRead) => Buffer.concat(read.segments.map((segment) => segment.data)).toString();

function ringIn(dir: string, budget: number) {
  const paths = [join(dir, 'output.log'), join(dir, 'output.log.1')] as const;
  return { log: new RingLog(paths[0], paths[1], budget), after: (cursor: TailCursor | null) => readRingLogAfter(paths[0], paths[1], cursor), held: () => readRingLog(paths[0], paths[1]).toString() };
}

describe('following the session output log (output.log, rotated to output.log.1) from a cursor', () => {
  it('a reader that follows every write sees each byte once, in order, across rotations', () => {
    const ring = ringIn(tempDir('ring-'), 64); // rotates past 32 bytes
    let cursor: TailCursor | null = null;
    let seen = '';
    let written = '';
    for (let n = 0; n < 40; n++) {
      const line = `line ${n}\n`;
      ring.log.append(line);
      written += line;
      if (n % 3 === 0) {
        const read = ring.after(cursor);
        expect(read.reset).toBe(false);
        seen += bytesOf(read);
        cursor = read.cursor;
      }
    }
    seen += bytesOf(ring.after(cursor));
    expect(seen).toBe(written);
  });

  it('starts with everything held; resumes exactly from a cursor in the rotated file; says reset when its bytes are gone', () => {
    const ring = ringIn(tempDir('ring-'), 64);
    ring.log.append('first 0123456789\n');
    const start = ring.after(null);
    expect(bytesOf(start)).toBe('first 0123456789\n');
    // One rotation later the cursor names a byte of output.log.1: what follows it is still there.
    ring.log.append('second 0123456789\n');
    ring.log.append('third\n');
    const resumed = ring.after(start.cursor);
    expect(resumed).toMatchObject({ reset: false });
    expect(bytesOf(resumed)).toBe('second 0123456789\nthird\n');
    // Each segment's id is the cursor after it: resuming from any of them repeats nothing.
    const last = resumed.segments.at(-1)!;
    expect(bytesOf(ring.after({ file: last.file, offset: last.from + last.data.length }))).toBe('');
    // Two more rotations: the cursor's file is gone, so everything held comes back, marked reset.
    ring.log.append('fourth 0123456789012345678\n');
    ring.log.append('fifth 01234567890123456789\n');
    const lost = ring.after(start.cursor);
    expect(lost.reset).toBe(true);
    expect(bytesOf(lost)).toBe(ring.held());
    ring.log.close();
  });

  it('no file yet: nothing, and the first bytes written later come from the start', () => {
    const dir = tempDir('ring-');
    const empty = readRingLogAfter(join(dir, 'output.log'), join(dir, 'output.log.1'), null);
    expect(empty).toEqual({ segments: [], cursor: { file: '0', offset: 0 }, reset: false });
    const ring = ringIn(dir, 1024);
    ring.log.append('hello\n');
    expect(bytesOf(ring.after(empty.cursor))).toBe('hello\n');
  });

  it('cursors travel as `<inode>:<offset>`; anything else is no cursor', () => {
    expect(parseTailCursor(formatTailCursor({ file: '123456.1796028465739008512', offset: 42 }))).toEqual({ file: '123456.1796028465739008512', offset: 42 });
    for (const bad of [undefined, '', '12', 'a:b', '1:2:3', '-1:2', '1.2.3:4']) expect(parseTailCursor(bad)).toBeNull();
  });
});
