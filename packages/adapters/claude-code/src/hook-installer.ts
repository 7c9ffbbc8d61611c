import { join } from 'node:path';
import { projectHookInstaller } from '@ao/adapter-kit';
import { CLAUDE_HOOK_EVENTS, HARNESS_ID } from './hook-events.js';
import * as edits from './settings-hooks.js';

/**
 * `ao register` and the manual install commands: ao's hooks merged into the project's
 * `.claude/settings.local.json` (the per-user, not-committed settings file), kept out of
 * `git status`, and taken out again leaving the user's file as it was. Sessions ao starts itself
 * do not come here: they get their hooks through `--settings` (launch-command.ts).
 */
const project = projectHookInstaller({
  harnessId: HARNESS_ID,
  displayName: 'Claude Code',
  events: CLAUDE_HOOK_EVENTS,
  edits,
  configDir: '.claude',
  fileName: 'settings.local.json',
  // The shared project file counts too: `disableAllHooks` there silences every hook.
  disableAllHooksFiles: (dir) => [join(dir, '.claude', 'settings.local.json'), join(dir, '.claude', 'settings.json')],
});

export const settingsPath = project.settingsPath;
export const claudeCodeHookInstaller = project.installer;
