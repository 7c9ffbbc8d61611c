/**
 * Every `code` ao answers with, at every door (`--json` errors, `ao json`, the HTTP API): one
 * closed set. A code outside it (a system call's ENOENT, SQLite's SQLITE_BUSY) is no contract of
 * ao's and is reported as `internal_error`, its text kept in the message. The store's and the
 * installers' codes are listed in their packages too; the CLI checks at compile time that this set
 * holds them (packages/cli/src/error-codes.ts).
 */
export const ERROR_CODES = [
  'internal_error',
  'invalid_argument',
  'invalid_request',
  'unknown_action',
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
  'stale_request',
  'changes_since_checkpoint',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'route_not_found',
  'method_not_allowed',
  // The notifications' (`ao notify`, docs/notifications.md).
  'webhook_exists',
  'no_notification_sinks',
  'config_busy',
  'api_unavailable',
  // Commander's refusals of a command line, as `commander.unknownOption` becomes `unknown_option`.
  'unknown_option',
  'unknown_command',
  'missing_argument',
  'option_missing_argument',
  'missing_mandatory_option_value',
  'conflicting_option',
  'excess_arguments',
  // The store's (packages/lifecycle store-errors.ts).
  'store_damaged',
  'store_missing',
  'store_too_new',
  'disk_full',
  'store_busy',
  // The hook installers' (packages/registry/src/install-error.ts).
  'malformed_file',
  'foreign_file',
  'no_such_directory',
  'invalid_context',
  'unsupported_layout',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}

/** The error body of every door: `{"error":{"code","message"}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/**
 * The HTTP status of each code. The request's fault is 4xx, ao's or the machine's 5xx. Codes not
 * listed are 400 when the caller can fix the request, which is the usual case for ao's refusals.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  internal_error: 500,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  api_unavailable: 503,
  name_taken: 409,
  stale_request: 409,
  not_blocked: 409,
  session_blocked: 409,
  not_running: 409,
  still_running: 409,
  not_removable: 409,
  dirty_worktree: 409,
  changes_since_checkpoint: 409,
  idempotency_key_in_use: 409,
  webhook_exists: 409,
  config_busy: 503,
  payload_too_large: 413,
  idempotency_key_reused: 422,
  binary_not_found: 422,
  not_supported: 422,
  no_host: 422,
  not_a_git_repository: 422,
  no_commits: 422,
  launch_failed: 502,
  host_unreachable: 502,
  host_error: 502,
  not_acknowledged: 504,
  not_answered: 504,
  store_damaged: 503,
  store_missing: 503,
  store_too_new: 503,
  disk_full: 507,
  store_busy: 503,
  unsafe_socket_directory: 500,
  invalid_launch_spec: 500,
  invalid_ready_file: 500,
  invalid_worktree_record: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}
