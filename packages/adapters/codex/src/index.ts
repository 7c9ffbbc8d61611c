import { ADAPTER_SPECIFICATION_VERSION, type HarnessAdapter } from '@ao/registry';
import { CODEX_BINARY } from './binary.js';
import { deriveCodex } from './derivation-table.js';
import { CODEX_HOOK_EVENTS, HARNESS_ID } from './hook-events.js';
import { codexHookInstaller } from './hook-installer.js';
import { buildCodexLaunch } from './launch-command.js';
import { CODEX_PERMISSION_KEYS } from './permission-keys.js';
import { CODEX_VERSIONS } from './harness-versions.js';
import { probeCodexRollout } from './transcript-probe.js';
import { readCodexUsage } from './usage-reader.js';

export const codexAdapter: HarnessAdapter = {
  specificationVersion: ADAPTER_SPECIFICATION_VERSION,
  id: HARNESS_ID,
  displayName: 'Codex CLI',
  aliases: ['codex-cli'],
  binary: CODEX_BINARY,
  versions: CODEX_VERSIONS,
  hookCapable: true,
  signalsAtStartup: false,
  hooks: codexHookInstaller,
  derive: deriveCodex,
  eventAliases: Object.fromEntries(CODEX_HOOK_EVENTS.map(({ native, event }) => [native, event])),
  buildLaunch: buildCodexLaunch,
  permissionKeys: CODEX_PERMISSION_KEYS,
  // The TUI fires no hook when the model API fails; its rollout records the failed turn.
  readTurnOutcome: (transcriptPath) => probeCodexRollout(transcriptPath),
  readUsage: readCodexUsage,
  // The TUI's input prompt (0.169.0).
  inputReadyPattern: /›/,
  statusNotes: [
    'Codex fires no hook before the first prompt of a session, so ao shows no signal until one is sent.',
    'Codex fires no hook when the model API fails: ao reads the end of that turn from its transcript when it next reads state.',
  ],
};

export default codexAdapter;
export { codexDerivationTable, deriveCodex } from './derivation-table.js';
export { CODEX_HOOK_EVENTS } from './hook-events.js';
export { codexHookInstaller } from './hook-installer.js';
export { HOOK_TRUST_BYPASS_FLAG, codexHookArgs, codexHookOverrides } from './hook-overrides.js';
export { buildCodexLaunch } from './launch-command.js';
export { tomlBasicString } from './toml-string.js';
export { CODEX_PERMISSION_KEYS } from './permission-keys.js';
export { CODEX_BINARY } from './binary.js';
export { CODEX_VERSIONS } from './harness-versions.js';
export { ROLLOUT_TAIL_BYTES, lastCodexTurn, probeCodexRollout, type CodexTurnOutcome } from './transcript-probe.js';
export { foldCodexRecord, readCodexUsage, type CodexUsageState } from './usage-reader.js';
