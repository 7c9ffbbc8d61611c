import xterm from '@xterm/headless';

/**
 * A headless terminal fed with the agent's output, so ao can read the screen as a person sees it
 * (what `ao send` checks, what `ao status --screen` would show) rather than raw escape codes.
 */
export class Screen {
  private readonly terminal: InstanceType<typeof xterm.Terminal>;

  constructor(cols: number, rows: number) {
    this.terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 200 });
  }

  write(data: string): void {
    this.terminal.write(data);
  }

  resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
  }

  /** The visible rows as text, trailing blanks trimmed. Resolves after pending writes are parsed. */
  text(): Promise<string> {
    return new Promise((resolve) => {
      this.terminal.write('', () => {
        const buffer = this.terminal.buffer.active;
        const lines: string[] = [];
        for (let row = 0; row < this.terminal.rows; row++) {
          lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
        }
        resolve(lines.join('\n').replace(/\s+$/, ''));
      });
    });
  }
}
