import type { ErrorCode } from '@ao/protocol';

/**
 * Codes the client itself raises, never the server: `unreachable` (no daemon answers: not running,
 * restarting, or no run/api.json) and `wait_timed_out` (sessions.waitFor gave up).
 */
export type ClientErrorCode = 'unreachable' | 'wait_timed_out';

/** An error the API answered with (its HTTP status and ao's code from the closed set), or the client's own (status 0). */
export class AoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AoApiError';
  }
}
