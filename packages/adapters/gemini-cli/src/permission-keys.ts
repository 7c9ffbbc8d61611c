import type { PermissionKeys } from '@ao/registry';

/**
 * Gemini CLI 0.61.0's confirmation dialog lists "Allow once" first, highlighted: Enter takes it.
 * Esc cancels (the tool does not run and no hook fires: `ao deny` records the denial itself).
 * Verified by e2e/gemini-cli.e2e.test.ts (permission-approved, permission-denied).
 */
export const GEMINI_PERMISSION_KEYS: PermissionKeys = { approve: '\r', deny: '\u001b' };
