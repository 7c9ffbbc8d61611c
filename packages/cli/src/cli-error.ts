import type { ErrorCode } from './error-codes.js';

/** An error the user sees: a stable machine code from ao's closed set (error-codes.ts) and a sentence. */
export class CliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function notFound(what: string): CliError {
  return new CliError('not_found', what);
}

export function invalidArgument(message: string): CliError {
  return new CliError('invalid_argument', message, 2);
}
