import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type HookContext,
  type HookInstallResult,
  type HookInstaller,
  type HookStatus,
  HookInstallError,
} from '@ao/registry';
import {
  type GitignoreSpec,
  assertDirectory,
  assertHookContext,
  ensureGitIgnored,
  gitignoreProblems,
  readBytes,
  releaseGitIgnored,
  releaseManagedFile,
  removeEmptyDirs,
  writeManagedFile,
} from '@ao/adapter-kit';
import { OPENCODE_NPM_FILES, globalConfigDir, npmInstallSkipped, npmTrapSentence } from './npm-install-trap.js';
import { isAoPlugin, readPluginSettings, renderOpencodePlugin } from './plugin-source.js';

export const HARNESS_ID = 'opencode';

/**
 * `ao register` and the manual install commands: a copy of ao's plugin in
 * `<project>/.opencode/plugins/ao.js` (OpenCode has no shell hooks), kept out of `git status`. The
 * file is ao's by its first line; a file there without that line is the user's and is never
 * touched. Sessions ao starts itself load the shipped plugin by path instead (launch-command.ts).
 */
export const pluginPath = (dir: string) => join(dir, '.opencode', 'plugins', 'ao.js');
const gitignoreSpec = (dir: string): GitignoreSpec => ({
  configDir: join(dir, '.opencode'),
  entries: ['plugins/ao.js'],
  // OpenCode's npm install of its SDK writes these next to ao's plugin.
  lingering: OPENCODE_NPM_FILES,
});

/** The config dirs an OpenCode started in `dir` with this plugin would wait for (npm-install-trap.ts), as one sentence. */
function trapNotes(dir: string): string[] {
  const trapped = [join(dir, '.opencode'), globalConfigDir()].filter((configDir) => !npmInstallSkipped(configDir));
  return trapped.length > 0 ? [npmTrapSentence(trapped)] : [];
}

function install(dir: string, context: HookContext): HookInstallResult {
  assertHookContext(context, HARNESS_ID);
  assertDirectory(dir);
  const path = pluginPath(dir);
  const existing = readBytes(path);
  if (existing !== undefined && !isAoPlugin(existing)) {
    throw new HookInstallError('foreign_file', `${path} exists and is not ao's plugin (its first line lacks ao's marker); ao leaves it untouched. Move it away, then try again.`, path);
  }
  const content = renderOpencodePlugin({
    aoCommand: context.aoCommand,
    ...(context.sessionId ? { sessionId: context.sessionId, aoHome: context.aoHome } : {}),
  });
  // An older ao plugin found there is never worth restoring: uninstall deletes ao's plugin.
  const changed = writeManagedFile(path, content, { aoHome: context.aoHome, owner: HARNESS_ID, originalRestorable: () => false });
  const ignored = ensureGitIgnored(gitignoreSpec(dir));
  return {
    harness: HARNESS_ID,
    dir,
    changed: changed || ignored.changed,
    files: [...(changed ? [path] : []), ...ignored.files],
    notes: [
      changed ? `Wrote ao's OpenCode plugin to ${path}.` : `ao's plugin was already in ${path}; nothing changed.`,
      ...(context.sessionId ? [`The plugin reports to ao session ${context.sessionId}.`] : []),
      'OpenCode loads plugins when it starts: restart an agent that is already running.',
      ...trapNotes(dir),
      ...ignored.notes,
    ],
  };
}

function uninstall(dir: string, context: HookContext): HookInstallResult {
  const path = pluginPath(dir);
  const released = releaseManagedFile(path, {
    aoHome: context.aoHome,
    semanticRemove: (current) => (isAoPlugin(current) ? { kind: 'delete' } : { kind: 'keep' }),
  });
  const unignored = releaseGitIgnored(gitignoreSpec(dir));
  const removedDirs = removeEmptyDirs(released.createdDirs);
  const foreign = !released.changed && existsSync(path);
  return {
    harness: HARNESS_ID,
    dir,
    changed: released.changed || unignored.changed || removedDirs.length > 0,
    files: [...(released.changed ? [path] : []), ...unignored.files, ...removedDirs],
    notes: [
      released.changed
        ? `Removed ao's OpenCode plugin ${path}.`
        : foreign
          ? `${path} is not ao's plugin; left untouched.`
          : `No ao plugin in ${path}; nothing to remove.`,
      ...unignored.notes,
    ],
  };
}

function status(dir: string, context: HookContext): HookStatus {
  const path = pluginPath(dir);
  const content = readBytes(path);
  const problems: string[] = [];
  const result: HookStatus = { harness: HARNESS_ID, dir, installed: false, files: [path], problems };
  if (content === undefined) {
    problems.push(`ao's plugin is not installed: ${path} does not exist.`);
    return result;
  }
  if (!isAoPlugin(content)) {
    problems.push(`${path} is not ao's plugin (it lacks ao's marker on its first line).`);
    return result;
  }
  result.installed = true;
  const settings = readPluginSettings(content.toString());
  if (settings.sessionId !== undefined) result.sessionId = settings.sessionId;
  if (context.sessionId !== undefined && settings.sessionId !== context.sessionId) {
    problems.push(
      settings.sessionId === undefined
        ? `ao's plugin in ${path} carries no session id; an agent ao did not start cannot report through it.`
        : `ao's plugin in ${path} reports for session ${settings.sessionId}, not ${context.sessionId}.`,
    );
  }
  const expected = renderOpencodePlugin({
    aoCommand: context.aoCommand,
    ...(settings.sessionId !== undefined ? { sessionId: settings.sessionId, aoHome: context.aoHome } : {}),
  });
  if (content.toString() !== expected) {
    problems.push(`ao's plugin in ${path} was written by another ao version or installation (${settings.aoCommand ?? 'unknown'}): install again.`);
  }
  if (!existsSync(context.aoCommand)) problems.push(`The ao command ${context.aoCommand} does not exist, so the plugin stays silent.`);
  problems.push(...trapNotes(dir));
  problems.push(...gitignoreProblems(gitignoreSpec(dir)));
  return result;
}

export const opencodeHookInstaller: HookInstaller = { install, uninstall, status };
