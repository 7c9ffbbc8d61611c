import { INSTALL_ERROR_CODES, type InstallErrorCode } from '@ao/registry';
import { STORE_ERROR_CODES, type StoreErrorCode } from '@ao/lifecycle';

/**
 * Every `code` ao prints in `{"error":{"code","message"}}` (the CLI contract): one closed set. A
 * code outside it (a system call's ENOENT, SQLite's SQLITE_BUSY, a library's ERR_…) is no contract
 * of ao's and is printed as `internal_error`, its text kept in the message.
 */
export const COMMAND_ERROR_CODES = [
  'internal_error',
  'invalid_argument',
  'not_found',
  'unknown_harness',
  'name_taken',
  'binary_not_found',
  'launch_failed',
  'invalid_launch_spec',
  'invalid_ready_file',
  'invalid_worktree_record',
  'unsafe_socket_directory',
  'no_host',
  'host_unreachable',
  'host_error',
  'not_running',
  'still_running',
  'not_removable',
  'dirty_worktree',
  'not_a_git_repository',
  'no_commits',
  'not_a_terminal',
  'not_supported',
  'session_blocked',
  'not_acknowledged',
  'not_blocked',
  'not_answered',
  'changes_since_checkpoint',
] as const;

/** Commander's own refusals, as `commander.unknownOption` becomes `unknown_option`. */
export const USAGE_ERROR_CODES = [
  'unknown_option',
  'unknown_command',
  'missing_argument',
  'option_missing_argument',
  'missing_mandatory_option_value',
  'conflicting_option',
  'excess_arguments',
] as const;


export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];
export type UsageErrorCode = (typeof USAGE_ERROR_CODES)[number];
export type ErrorCode = CommandErrorCode | UsageErrorCode | StoreErrorCode | InstallErrorCode;

const ALL_CODES: ReadonlySet<string> = new Set<string>([...COMMAND_ERROR_CODES, ...USAGE_ERROR_CODES, ...STORE_ERROR_CODES, ...INSTALL_ERROR_CODES]);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && ALL_CODES.has(code);
}
