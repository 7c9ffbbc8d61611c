import { existsSync } from 'node:fs';
import { type HookContext, type HookInstallResult, type HookInstaller, type HookStatus } from '@ao/registry';
import { assertDirectory, assertHookContext } from '@ao/adapter-kit';
import { HARNESS_ID } from './hook-events.js';

/**
 * Gemini CLI gets its hooks with each launch only (launch-command.ts): it reads hooks from settings
 * files and installed extensions, and every place an agent ao did not start would look at is the
 * user's (`<project>/.gemini/settings.json`, `~/.gemini`) or needs root (a system settings file
 * must be owned by root, as must every directory above it). So `ao register` writes nothing and
 * says so: an adopted Gemini is watched by its process only (alive or exited), not by hooks.
 */

function install(dir: string, context: HookContext): HookInstallResult {
  assertHookContext(context, HARNESS_ID);
  assertDirectory(dir);
  return {
    harness: HARNESS_ID,
    dir,
    changed: false,
    files: [],
    notes: [
      "Nothing was written: Gemini CLI reads hooks only from its settings files and extensions, which are yours (the project's .gemini/settings.json, ~/.gemini) or must be owned by root (a system settings file), so ao wires Gemini only in the sessions it starts itself.",
      `Start Gemini with \`ao spawn --agent ${HARNESS_ID} --cwd ${dir}\` to have it reported; an agent started otherwise reports nothing to ao.`,
    ],
  };
}

function uninstall(dir: string, _context: HookContext): HookInstallResult {
  return {
    harness: HARNESS_ID,
    dir,
    changed: false,
    files: [],
    notes: ['Nothing to remove: ao never writes Gemini CLI hooks into a directory; they live only in the settings of a launch ao starts.'],
  };
}

function status(dir: string, context: HookContext): HookStatus {
  const problems = [
    `Gemini CLI hooks travel with the launch, not with the directory: only an agent started with \`ao spawn --agent ${HARNESS_ID}\` reports to ao.`,
  ];
  if (!existsSync(context.aoCommand)) problems.push(`The ao command ${context.aoCommand} does not exist, so the hooks cannot run.`);
  const result: HookStatus = { harness: HARNESS_ID, dir, installed: false, files: [], problems };
  if (context.sessionId !== undefined) result.sessionId = context.sessionId;
  return result;
}

export const geminiCliHookInstaller: HookInstaller = { install, uninstall, status };
