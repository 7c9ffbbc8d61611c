import type { PermissionKeys } from '@ao/registry';

/**
 * Claude Code 2.1.197's dialog: "Do you want to proceed? ❯ 1. Yes  2. Yes, and always allow …
 * 3. No   Esc to cancel · Tab to amend".
 * - approve `1`: option 1 is "Yes" (once). e2e/record/claude-code.mjs (tui-permission-approved)
 *   presses 1, and e2e/record/answer-dialogs.mjs does it through `ao approve`: PostToolUse, Stop follow.
 * - deny Esc: tui-permission-cancelled, and `ao deny` in e2e/record/answer-dialogs.mjs: "Interrupted ·
 *   What should Claude do instead?", the tool does not run. Esc rather than `3`: "No" is numbered
 *   after however many "Yes" options a dialog offers, while its footer says "Esc to cancel". No
 *   hook fires after a denial (e2e/record/README.md "Surprises"): `ao deny` records it itself.
 */
export const CLAUDE_PERMISSION_KEYS: PermissionKeys = { approve: '1', deny: '\u001b' };
