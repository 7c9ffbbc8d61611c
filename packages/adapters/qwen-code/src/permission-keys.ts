import type { PermissionKeys } from '@ao/registry';

/**
 * Qwen Code 0.24.4's dialog: "Allow execution of: 'touch'? › 1. Yes, allow once  2. Always allow …
 * in this project  3. Always allow … for this user  4. No, suggest changes (esc)".
 * - approve `1`: "Yes, allow once" (checked by hand in its TUI, and by e2e/qwen-code.e2e.test.ts,
 *   permission-approved, through `ao approve`: PreToolUse, PostToolUse, Stop follow).
 * - deny Esc: "No, suggest changes (esc)"; the call is not run and PostToolBatch reports it
 *   `cancelled`, then Notification idle_prompt (e2e permission-denied). Esc rather than `4`: the
 *   "No" option is numbered after however many "Always" options a dialog offers.
 */
export const QWEN_PERMISSION_KEYS: PermissionKeys = { approve: '1', deny: '\u001b' };
