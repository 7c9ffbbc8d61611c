import type { PermissionKeys } from '@ao/registry';

/**
 * Codex 0.169.0's approval dialog: "Would you like to run the following command? … › 1. Yes,
 * proceed (y)  2. Yes, and don't ask again … (p)  3. No, and tell Codex what to do differently (esc)".
 * - approve `y`: e2e/record/codex.mjs (tui-permission-approved) and `ao approve` in
 *   e2e/record/answer-dialogs.mjs: PostToolUse, Stop follow.
 * - deny Esc: tui-permission-denied and `ao deny` in e2e/record/answer-dialogs.mjs: Codex fires
 *   Interrupt (no Stop), the command does not run.
 */
export const CODEX_PERMISSION_KEYS: PermissionKeys = { approve: 'y', deny: '\u001b' };
