/**
 * Lines and single keys from the terminal. Not node:readline: the permission dialog reads one key
 * in raw mode, and readline would keep that key in its line buffer and glue it to the next prompt.
 * One buffer serves both, so nothing typed is lost or read twice.
 *
 * The terminal stays in cooked mode except while a key is awaited: the kernel echoes and edits the
 * line, Enter ends it, and Ctrl-D on an empty line is end of input.
 */
export class InputReader {
  private buffer = '';
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly input: NodeJS.ReadStream) {
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.notify();
    });
    // EIO when the terminal goes away is an end like any other.
    const end = () => {
      this.ended = true;
      this.notify();
    };
    input.on('end', end);
    input.on('error', end);
  }

  /** The next line without its line ending; null at end of input. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const newline = this.buffer.indexOf('\n');
      if (newline >= 0) {
        const line = this.buffer.slice(0, newline).replace(/\r$/, '');
        this.buffer = this.buffer.slice(newline + 1);
        return line;
      }
      if (this.ended) {
        // Text then Ctrl-D twice: like readline, the unfinished line still counts.
        const rest = this.buffer;
        this.buffer = '';
        return rest === '' ? null : rest;
      }
      await this.next();
    }
  }

  /**
   * The next key press: one character, or a whole escape sequence (so an arrow key is not taken
   * for Esc). On a terminal it reads in raw mode; from a pipe it reads a line and takes its first
   * character ('\r' for an empty line, as Enter would give). Null at end of input.
   */
  async readKey(): Promise<string | null> {
    if (!this.input.isTTY) {
      const line = await this.readLine();
      return line === null ? null : (line[0] ?? '\r');
    }
    while (this.buffer === '') {
      if (this.ended) return null;
      await this.next();
    }
    const key = this.buffer.startsWith('\u001b') ? this.buffer : [...this.buffer][0]!;
    this.buffer = this.buffer.slice(key.length);
    return key;
  }

  /** Raw mode on or off, when the input is a terminal; never throws (a hung-up terminal refuses). */
  setRaw(raw: boolean): void {
    if (!this.input.isTTY) return;
    try {
      this.input.setRawMode(raw);
    } catch {
      // The terminal is gone; the read that follows ends.
    }
  }

  private next(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
