import { projectHookInstaller } from '@ao/adapter-kit';
import { HARNESS_ID, QWEN_HOOK_EVENTS } from './hook-events.js';
import * as edits from './settings-hooks.js';

/**
 * `ao register` and the manual install commands: ao's hooks merged into the project's
 * `.qwen/settings.json` (Qwen Code 0.24 has no per-user project file like Claude's
 * settings.local.json; its workspace settings file is the one place a running-elsewhere Qwen
 * picks hooks up from for this project), kept out of `git status`, and taken out again leaving the
 * user's file as it was. Sessions ao starts itself do not come here: they get their hooks through
 * the per-launch system settings file (launch-command.ts).
 */
const project = projectHookInstaller({
  harnessId: HARNESS_ID,
  displayName: 'Qwen Code',
  events: QWEN_HOOK_EVENTS,
  edits,
  configDir: '.qwen',
  fileName: 'settings.json',
  disableAllHooksFiles: (dir) => [project.settingsPath(dir)],
});

export const settingsPath = project.settingsPath;
export const qwenCodeHookInstaller = project.installer;
