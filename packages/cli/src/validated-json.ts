import { readFileSync } from 'node:fs';
import type { ZodType } from 'zod';
import { CliError } from './cli-error.js';
import type { ErrorCode } from './error-codes.js';

/**
 * Validation of what crosses a process boundary (a file another process wrote, a socket message).
 * Only this file's callers load zod: the `ao ls` and hook paths must not (it costs ~45 ms to import).
 * This module itself imports zod for types only, so it costs nothing to load.
 */

/** The first problem zod found, as `path: message` (a sentence fragment for an error). */
function firstIssue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
}

/** Checks a decoded message against its schema: the typed value, or a sentence saying what is wrong. */
export function validate<T>(schema: ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: firstIssue(result.error) };
}

/**
 * Reads a JSON file written by another ao process and checks it against its schema. A file that
 * is not JSON or not of the expected shape is a CliError with `code` and a sentence naming the file.
 */
export function readJsonFile<T>(path: string, schema: ZodType<T>, code: ErrorCode, what: string): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error; // a read error: the caller's to handle
    throw new CliError(code, `${what} ${path} is not JSON; it was damaged or written by something else`);
  }
  const checked = validate(schema, decoded);
  if (!checked.ok) throw new CliError(code, `${what} ${path} is not valid (${checked.error}); it was damaged or written by another ao version`);
  return checked.value;
}
