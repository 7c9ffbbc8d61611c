import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';

/**
 * A bounded on-disk log of the agent's terminal output: the current file and one previous one,
 * rotated when the current passes half the budget, so disk use stays under the budget and the
 * last half-budget of output is always there to read.
 */
export class RingLog {
  private fd: number;
  private size: number;

  constructor(
    private readonly path: string,
    private readonly previousPath: string,
    private readonly budgetBytes = 2 * 1024 * 1024,
  ) {
    this.fd = openSync(path, 'a', 0o600);
    this.size = statSync(path).size;
  }

  append(data: string | Buffer): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (this.size + bytes.length > this.budgetBytes / 2) this.rotate();
    writeSync(this.fd, bytes);
    this.size += bytes.length;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    renameSync(this.path, this.previousPath);
    this.fd = openSync(this.path, 'w', 0o600);
    this.size = 0;
  }
}

/** Everything still held, oldest first. */
export function readRingLog(path: string, previousPath: string): Buffer {
  const parts = [previousPath, path].filter((file) => existsSync(file)).map((file) => readFileSync(file));
  return Buffer.concat(parts);
}
