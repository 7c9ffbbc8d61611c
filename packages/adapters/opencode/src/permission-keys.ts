import type { PermissionKeys } from '@ao/registry';

/**
 * OpenCode 1.18.33's dialog: "△ Permission required … Allow once  Allow always  Reject", with
 * "Allow once" selected.
 * - approve Enter: e2e/record/opencode.mjs (tui-permission-approved) and `ao approve` in
 *   e2e/record/answer-dialogs.mjs: permission.replied {reply: "once"}, the tool runs.
 * - deny Right, Right, Enter (move to "Reject", choose it; `ao` types them 200 ms apart):
 *   tui-permission-denied and `ao deny` in e2e/record/answer-dialogs.mjs: permission.replied
 *   {reply: "reject"}, the tool does not run, the session goes idle. The arrows are sent as
 *   `ESC [ C`, which OpenCode takes (verified there).
 */
export const OPENCODE_PERMISSION_KEYS: PermissionKeys = { approve: '\r', deny: '\u001b[C\u001b[C\r' };
