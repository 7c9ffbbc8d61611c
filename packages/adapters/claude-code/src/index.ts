import { ADAPTER_SPECIFICATION_VERSION, type HarnessAdapter } from '@ao/registry';
import { CLAUDE_BINARY } from './binary.js';
import { deriveClaudeCode } from './derivation-table.js';
import { CLAUDE_HOOK_EVENTS, HARNESS_ID } from './hook-events.js';
import { claudeCodeHookInstaller } from './hook-installer.js';
import { buildClaudeCodeLaunch } from './launch-command.js';
import { trustClaudeFolder } from './folder-trust.js';
import { CLAUDE_PERMISSION_KEYS } from './permission-keys.js';
import { CLAUDE_VERSIONS } from './harness-versions.js';
import { checkClaudeSettings } from './settings-doctor-check.js';
import { readClaudeUsage } from './usage-reader.js';

export const claudeCodeAdapter: HarnessAdapter = {
  specificationVersion: ADAPTER_SPECIFICATION_VERSION,
  id: HARNESS_ID,
  displayName: 'Claude Code',
  aliases: ['claude'],
  binary: CLAUDE_BINARY,
  versions: CLAUDE_VERSIONS,
  hookCapable: true,
  signalsAtStartup: true,
  hooks: claudeCodeHookInstaller,
  derive: deriveClaudeCode,
  eventAliases: Object.fromEntries(CLAUDE_HOOK_EVENTS.map(({ native, event }) => [native, event])),
  buildLaunch: buildClaudeCodeLaunch,
  permissionKeys: CLAUDE_PERMISSION_KEYS,
  trustCreatedDirectory: trustClaudeFolder,
  // The TUI's input prompt (2.1.197): drawn once it takes input.
  inputReadyPattern: /❯/,
  doctorChecks: (env) => [checkClaudeSettings(env)],
  statusNotes: [
    'Claude Code fires no hook when its permission dialog is denied or cancelled: ao deny records the answer, but a denial typed in its terminal leaves the session blocked until the next prompt.',
  ],
  readUsage: readClaudeUsage,
};

export default claudeCodeAdapter;
export { claudeCodeDerivationTable, deriveClaudeCode } from './derivation-table.js';
export { CLAUDE_HOOK_EVENTS, HOOK_TIMEOUT_SECONDS } from './hook-events.js';
export { claudeCodeHookInstaller, settingsPath as claudeSettingsPath } from './hook-installer.js';
export { buildClaudeCodeLaunch } from './launch-command.js';
export { aoHooksBlock, inventoryAoHooks, mergeAoHooks, removeAoHooks } from './settings-hooks.js';
export { claudeStatePath, trustClaudeFolder } from './folder-trust.js';
export { CLAUDE_PERMISSION_KEYS } from './permission-keys.js';
export { CLAUDE_BINARY } from './binary.js';
export { CLAUDE_VERSIONS } from './harness-versions.js';
export { checkClaudeSettings, userSettingsPath as claudeUserSettingsPath } from './settings-doctor-check.js';
export { foldClaudeLine, readClaudeUsage, type ClaudeUsageState } from './usage-reader.js';
