import { existsSync } from 'node:fs';
import {
  type HookContext,
  type HookInstallResult,
  type HookInstaller,
  type HookStatus,
} from '@ao/registry';
import { assertDirectory, assertHookContext, shellJoin } from '@ao/adapter-kit';
import { CODEX_BINARY } from './binary.js';
import { HARNESS_ID } from './hook-events.js';
import { HOOK_TRUST_BYPASS_FLAG, codexHookArgs } from './hook-overrides.js';

/**
 * Codex gets its hooks with each launch, so nothing is written anywhere: a project
 * `.codex/hooks.json` is not loaded in linked worktrees and needs the project trusted, and the
 * user's `~/.codex` is theirs. `install` hands back the arguments the agent must be started with.
 */

function install(dir: string, context: HookContext): HookInstallResult {
  assertHookContext(context, HARNESS_ID);
  assertDirectory(dir);
  const launchArgs = codexHookArgs(context.aoCommand, context.sessionId, context.aoHome);
  return {
    harness: HARNESS_ID,
    dir,
    changed: false,
    files: [],
    launchArgs,
    notes: [
      'Nothing was written: Codex takes ao\'s hooks from its command line, not from a file.',
      `Start Codex in ${dir} with these arguments (an agent already running must be restarted):`,
      shellJoin([CODEX_BINARY, ...launchArgs]),
      `Warning: ${HOOK_TRUST_BYPASS_FLAG} is required for these hooks to run, and it also lets any untrusted hooks of a trusted project run without review.`,
    ],
  };
}

function uninstall(dir: string, _context: HookContext): HookInstallResult {
  return {
    harness: HARNESS_ID,
    dir,
    changed: false,
    files: [],
    notes: ['Nothing to remove: ao never writes Codex hooks into a directory; they live only on the command line of a launch.'],
  };
}

function status(dir: string, context: HookContext): HookStatus {
  const problems = [
    'Codex hooks travel with the launch, not with the directory: an agent reports to ao only if it was started with the arguments `install` prints (ao spawn does this itself).',
  ];
  if (!existsSync(context.aoCommand)) problems.push(`The ao command ${context.aoCommand} does not exist, so the hooks cannot run.`);
  const result: HookStatus = { harness: HARNESS_ID, dir, installed: false, files: [], problems };
  if (context.sessionId !== undefined) result.sessionId = context.sessionId;
  return result;
}

export const codexHookInstaller: HookInstaller = { install, uninstall, status };
