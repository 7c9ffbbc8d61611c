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

  /**
   * The visible rows as text, trailing blanks trimmed. Resolves after pending writes are parsed.
   * `keepTrailingBlanks` keeps each row's blanks: a prompt pattern such as `demo> ` ends in one,
   * and trimmed it would never match (ao send then waited its whole 30 s deadline).
   */
  text(options: { keepTrailingBlanks?: boolean } = {}): Promise<string> {
    const trim = options.keepTrailingBlanks !== true;
    return new Promise((resolve) => {
      this.terminal.write('', () => {
        const buffer = this.terminal.buffer.active;
        const lines: string[] = [];
        for (let row = 0; row < this.terminal.rows; row++) {
          lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(trim) ?? '');
        }
        const text = lines.join('\n');
        resolve(trim ? text.replace(/\s+$/, '') : text);
      });
    });
  }
}
