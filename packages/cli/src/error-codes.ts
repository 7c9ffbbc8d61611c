import type { InstallErrorCode } from '@ao/registry';
import type { StoreErrorCode } from '@ao/lifecycle';
import type { ErrorCode } from '@ao/protocol/error-codes';

/**
 * Every `code` ao prints in `{"error":{"code","message"}}` (the CLI contract) is one of the closed
 * set in @ao/protocol, which `ao json` and the HTTP API answer with too. A code outside it (a
 * system call's ENOENT, SQLite's SQLITE_BUSY, a library's ERR_…) is no contract of ao's and is
 * printed as `internal_error`, its text kept in the message. Imported from the protocol's
 * error-codes entry, which holds no schema: `ao ls` loads this module and must not load zod.
 */
export { ERROR_CODES, isErrorCode, type ErrorCode } from '@ao/protocol/error-codes';

// The store's and the installers' codes must be in the set: the build fails when one is not.
type Includes<Subset extends string> = [Subset] extends [ErrorCode] ? true : never;
const storeCodesAreListed: Includes<StoreErrorCode> = true;
const installCodesAreListed: Includes<InstallErrorCode> = true;
void storeCodesAreListed;
void installCodesAreListed;
