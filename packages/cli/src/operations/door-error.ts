import { z } from 'zod';
import { storeErrorFrom } from '@ao/lifecycle';
import { isErrorCode, type ErrorCode } from '@ao/protocol';
import { CliError } from '../cli-error.js';

export interface DoorError {
  code: ErrorCode;
  message: string;
}

const MAX_MESSAGE_LENGTH = 500;

/**
 * What a JSON door (`ao json`, the HTTP API) answers for an error thrown by an operation: ao's own
 * code from the closed set, a sentence, never a stack trace. Input the caller can fix is
 * `invalid_request`, the code of the seed protocol.
 */
export function doorErrorFrom(error: unknown, databasePath: string): DoorError {
  const cap = (message: string) => (message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message);
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return { code: 'invalid_request', message: cap(`input${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`) };
  }
  if (error instanceof CliError) return { code: error.code === 'invalid_argument' ? 'invalid_request' : error.code, message: cap(error.message) };
  const storeError = storeErrorFrom(error, databasePath);
  if (storeError) return { code: storeError.code, message: cap(storeError.message) };
  const code = (error as { code?: unknown } | null)?.code;
  if (isErrorCode(code)) return { code, message: cap((error as Error).message) };
  return { code: 'internal_error', message: cap(error instanceof Error ? error.message : String(error)) };
}
