import type { PermissionKeys } from '@ao/registry';

/**
 * The demo's dialog "Allow Bash: touch demo.txt?  1. Yes  2. No" reads one key: 1 / y / Enter
 * approve, 2 / n refuse, Esc cancels (demo-turns.ts readAnswer; test/scenarios.ts drives both).
 */
export const DEMO_PERMISSION_KEYS: PermissionKeys = { approve: '1', deny: 'n' };
