import { ADAPTER_SPECIFICATION_VERSION, type HarnessAdapter } from '@ao/registry';
import { DEMO_EVENTS, HARNESS_ID, nativeEventName } from './demo-events.js';
import { deriveDemo } from './derivation-table.js';
import { demoHookInstaller } from './hook-installer.js';
import { buildDemoLaunch } from './launch-command.js';
import { DEMO_PERMISSION_KEYS } from './permission-keys.js';

/** The demo harness: ao's own scripted agent, for a first look with no API key and for ao's PTY tests. */
export const demoAdapter: HarnessAdapter = {
  specificationVersion: ADAPTER_SPECIFICATION_VERSION,
  id: HARNESS_ID,
  displayName: 'Demo agent',
  aliases: [],
  binary: 'node',
  // ao's own agent, built with ao: no harness version to check.
  versions: null,
  hookCapable: true,
  // SessionStart fires as soon as the agent starts, before any prompt.
  signalsAtStartup: true,
  // Its prompt `demo> `, printed once it reads input.
  inputReadyPattern: /demo>/,
  hooks: demoHookInstaller,
  derive: deriveDemo,
  eventAliases: Object.fromEntries(DEMO_EVENTS.map((event) => [nativeEventName(event), event])),
  buildLaunch: buildDemoLaunch,
  permissionKeys: DEMO_PERMISSION_KEYS,
};

export default demoAdapter;
export { DEMO_EVENTS, type DemoEvent, nativeEventName } from './demo-events.js';
export { deriveDemo } from './derivation-table.js';
export { demoHookInstaller } from './hook-installer.js';
export { DEMO_AGENT_PATH, buildDemoLaunch } from './launch-command.js';
export { DEMO_PERMISSION_KEYS } from './permission-keys.js';
