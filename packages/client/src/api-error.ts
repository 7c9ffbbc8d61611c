import type { ErrorCode } from '@ao/protocol';

/** An error the API answered with: its HTTP status and ao's code from the closed set. */
export class AoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'AoApiError';
  }
}
