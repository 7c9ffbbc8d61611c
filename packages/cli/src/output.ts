import { CliError } from './cli-error.js';
import { isErrorCode } from './error-codes.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error the way the contract says: JSON on stdout with --json, a sentence on stderr otherwise. */
export function printError(error: unknown, json: boolean): number {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const cliError =
    error instanceof CliError
      ? error
      : isErrorCode(code)
        ? new CliError(code, message)
        : // A foreign code (a system call's, SQLite's) is no contract of ao's: keep it in the sentence only.
          new CliError('internal_error', typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message);
  if (json) printJson({ error: { code: cliError.code, message: cliError.message } });
  else process.stderr.write(`ao: ${cliError.message}\n`);
  return cliError.exitCode;
}

/** A plain text table: left-aligned columns, two spaces apart. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** "3s", "5m", "2h", "4d" ago. */
export function formatAge(fromMs: number | null, now: number): string {
  if (fromMs === null) return '-';
  const seconds = Math.max(0, Math.round((now - fromMs) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
