import { ADAPTER_SPECIFICATION_VERSION, type HarnessAdapter } from '@ao/registry';
import { QWEN_BINARY } from './binary.js';
import { QWEN_VERSIONS } from './harness-versions.js';
import { deriveQwenCode } from './derivation-table.js';
import { HARNESS_ID, QWEN_HOOK_EVENTS } from './hook-events.js';
import { qwenCodeHookInstaller } from './hook-installer.js';
import { buildQwenCodeLaunch } from './launch-command.js';
import { QWEN_PERMISSION_KEYS } from './permission-keys.js';
import { readQwenUsage } from './usage-reader.js';

export const qwenCodeAdapter: HarnessAdapter = {
  specificationVersion: ADAPTER_SPECIFICATION_VERSION,
  id: HARNESS_ID,
  displayName: 'Qwen Code',
  aliases: ['qwen'],
  binary: QWEN_BINARY,
  versions: QWEN_VERSIONS,
  hookCapable: true,
  // SessionStart fires as the TUI starts, before any prompt.
  signalsAtStartup: true,
  hooks: qwenCodeHookInstaller,
  derive: deriveQwenCode,
  eventAliases: Object.fromEntries(QWEN_HOOK_EVENTS.map(({ native, event }) => [native, event])),
  buildLaunch: buildQwenCodeLaunch,
  permissionKeys: QWEN_PERMISSION_KEYS,
  // The TUI's input box placeholder (0.24.4): drawn once it takes input.
  inputReadyPattern: /Type your message/,
  statusNotes: [
    'Qwen Code reports a refused dialog itself (its tool batch ends cancelled, then it goes idle): ao deny records nothing of its own.',
  ],
  readUsage: readQwenUsage,
};

export default qwenCodeAdapter;
export { qwenCodeDerivationTable, deriveQwenCode } from './derivation-table.js';
export { HOOK_TIMEOUT_SECONDS, QWEN_HOOK_EVENTS, type QwenHookName } from './hook-events.js';
export { qwenCodeHookInstaller, settingsPath as qwenProjectSettingsPath } from './hook-installer.js';
export { OFFLINE_SETTINGS, SYSTEM_SETTINGS_ENV, buildQwenCodeLaunch, helperFiredHookCommand } from './launch-command.js';
export { aoHooksBlock, inventoryAoHooks, mergeAoHooks, removeAoHooks } from './settings-hooks.js';
export { QWEN_PERMISSION_KEYS } from './permission-keys.js';
export { readQwenUsage } from './usage-reader.js';
export { QWEN_BINARY } from './binary.js';
export { QWEN_VERSIONS } from './harness-versions.js';
