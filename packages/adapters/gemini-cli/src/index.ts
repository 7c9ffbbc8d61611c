import { ADAPTER_SPECIFICATION_VERSION, type HarnessAdapter } from '@ao/registry';
import { GEMINI_BINARY } from './binary.js';
import { GEMINI_VERSIONS } from './harness-versions.js';
import { readGeminiUsage } from './usage-reader.js';
import { checkGeminiSettings } from './settings-doctor-check.js';
import { deriveGeminiCli } from './derivation-table.js';
import { GEMINI_HOOK_EVENTS, HARNESS_ID } from './hook-events.js';
import { geminiCliHookInstaller } from './hook-installer.js';
import { buildGeminiCliLaunch } from './launch-command.js';
import { GEMINI_PERMISSION_KEYS } from './permission-keys.js';

export const geminiCliAdapter: HarnessAdapter = {
  specificationVersion: ADAPTER_SPECIFICATION_VERSION,
  id: HARNESS_ID,
  displayName: 'Gemini CLI',
  aliases: ['gemini'],
  binary: GEMINI_BINARY,
  versions: GEMINI_VERSIONS,
  hookCapable: true,
  // SessionStart fires as the TUI starts, before any prompt.
  signalsAtStartup: true,
  hooks: geminiCliHookInstaller,
  derive: deriveGeminiCli,
  eventAliases: Object.fromEntries(GEMINI_HOOK_EVENTS.map(({ native, event }) => [native, event])),
  buildLaunch: (options) => buildGeminiCliLaunch(options),
  permissionKeys: GEMINI_PERMISSION_KEYS,
  // The TUI's input box placeholder (0.61.0): drawn once it takes input.
  inputReadyPattern: /Type your message/,
  doctorChecks: (env) => [checkGeminiSettings(env)],
  statusNotes: [
    'Gemini CLI fires no hook when its confirmation dialog is denied (ao deny records the answer) and reports no API error: a failed turn shows idle without lastError.',
  ],
  readUsage: readGeminiUsage,
};

export default geminiCliAdapter;
export { geminiCliDerivationTable, deriveGeminiCli } from './derivation-table.js';
export { GEMINI_HOOK_EVENTS, HOOK_TIMEOUT_MS } from './hook-events.js';
export { geminiCliHookInstaller } from './hook-installer.js';
export { buildGeminiCliLaunch, geminiHomeOf } from './launch-command.js';
export { readUserSettings, userGeminiDir, userGeminiEntries } from './gemini-home.js';
export { OFFLINE_SWITCHES, aoHookGroups, withAoLayer } from './settings-layer.js';
export { GEMINI_PERMISSION_KEYS } from './permission-keys.js';
export { GEMINI_BINARY } from './binary.js';
export { checkGeminiSettings } from './settings-doctor-check.js';
export { GEMINI_VERSIONS } from './harness-versions.js';
export { CHAT_RECORDING_MAX_BYTES, readGeminiUsage, usageFromChatRecording, type GeminiSessionUsage } from './usage-reader.js';
