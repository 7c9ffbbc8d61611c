/**
 * An installer refusing to act. The message is written for the user (it says what is wrong and what
 * to do); `code` is stable for `--json` callers. Thrown before anything is written, so a refusal
 * never leaves a half-done install behind.
 */
export const INSTALL_ERROR_CODES = ['malformed_file', 'foreign_file', 'no_such_directory', 'invalid_context', 'unsupported_layout'] as const;
export type InstallErrorCode = (typeof INSTALL_ERROR_CODES)[number];

export class HookInstallError extends Error {
  constructor(
    readonly code: InstallErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'HookInstallError';
  }
}
