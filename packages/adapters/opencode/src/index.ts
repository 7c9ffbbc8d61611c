import { ADAPTER_SPECIFICATION_VERSION, type HarnessAdapter } from '@ao/registry';
import { OPENCODE_BINARY } from './binary.js';
import { deriveOpencode } from './derivation-table.js';
import { HARNESS_ID, opencodeHookInstaller } from './hook-installer.js';
import { buildOpencodeLaunch } from './launch-command.js';
import { OPENCODE_PERMISSION_KEYS } from './permission-keys.js';
import { OPENCODE_VERSIONS } from './harness-versions.js';
import { readOpenCodeUsage } from './usage-reader.js';

export const opencodeAdapter: HarnessAdapter = {
  specificationVersion: ADAPTER_SPECIFICATION_VERSION,
  id: HARNESS_ID,
  displayName: 'OpenCode',
  aliases: ['open-code'],
  binary: OPENCODE_BINARY,
  versions: OPENCODE_VERSIONS,
  hookCapable: true,
  signalsAtStartup: true,
  // Observed on 1.18: the TUI takes ~4 s before it accepts typed input.
  inputReadyDelayMs: 4500,
  // The TUI's empty input box (1.18.33).
  inputReadyPattern: /Ask anything|ctrl\+p commands/,
  hooks: opencodeHookInstaller,
  derive: deriveOpencode,
  buildLaunch: buildOpencodeLaunch,
  permissionKeys: OPENCODE_PERMISSION_KEYS,
  statusNotes: [
    'OpenCode ignores typed input for about 4 s after it starts: ao send waits for its input box first.',
  ],
  readUsage: readOpenCodeUsage,
};

export default opencodeAdapter;
export { FORWARDED_BUS_EVENTS, deriveOpencode, opencodeDerivationTable } from './derivation-table.js';
export { configContentWithPlugin, type PluginEntry } from './config-content.js';
export { opencodeHookInstaller, pluginPath as opencodePluginPath } from './hook-installer.js';
export { buildOpencodeLaunch } from './launch-command.js';
export { NPM_FETCH_RETRIES, OPENCODE_NPM_FILES, PLUGIN_SDK, globalConfigDir, launchNpmEnv, npmInstallSkipped } from './npm-install-trap.js';
export { PLUGIN_MARKER, isAoPlugin, readPluginSettings, renderOpencodePlugin, shippedPluginPath, type ProjectPluginOptions } from './plugin-source.js';
export { OPENCODE_PERMISSION_KEYS } from './permission-keys.js';
export { OPENCODE_BINARY } from './binary.js';
export { OPENCODE_VERSIONS } from './harness-versions.js';
export { readOpenCodeUsage } from './usage-reader.js';
