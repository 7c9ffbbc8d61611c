/**
 * An installer refusing to act. The message is written for the user (it says what is wrong and what
 * to do); `code` is stable for `--json` callers. Thrown before anything is written, so a refusal
 * never leaves a half-done install behind.
 */
export class HookInstallError extends Error {
  constructor(
    readonly code:
      | 'malformed_file'
      | 'foreign_file'
      | 'no_such_directory'
      | 'invalid_context'
      | 'unsupported_layout',
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'HookInstallError';
  }
}
