import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HookContext, HookInstallResult, HookInstaller, HookStatus } from '@ao/registry';
import type { commandHookSettings } from './command-hook-settings.js';
import { hookCommand, hookCommandSessionId } from './hook-command.js';
import { assertDirectory, assertHookContext } from './hook-context-check.js';
import { type JsonObject, detectIndent, parseJsonObject, readJsonObjectFile, stringifyJson } from './json-file.js';
import { removeEmptyDirs } from './managed-file.js';
import { type GitignoreSpec, ensureGitIgnored, gitignoreProblems, releaseGitIgnored } from './managed-gitignore.js';
import { releaseManagedFile, writeManagedFile } from './managed-install.js';

/**
 * The settings file of a harness whose project config takes hooks in Claude Code's shape (Claude
 * Code's `.claude/settings.local.json`, Qwen Code's `.qwen/settings.json`).
 */
export interface ProjectHookInstallerSpec {
  harnessId: string;
  displayName: string;
  events: ReadonlyArray<{ native: string; event: string }>;
  edits: ReturnType<typeof commandHookSettings>;
  /** The project's config directory (`.claude`) and the settings file in it that ao edits. */
  configDir: string;
  fileName: string;
  /** The settings files whose `disableAllHooks: true` would silence ao's hooks too. */
  disableAllHooksFiles: (dir: string) => string[];
}

/**
 * `ao register` and the manual install commands: ao's hooks merged into the project's settings
 * file, kept out of `git status`, and taken out again leaving the user's file as it was (the install
 * ledger, managed-install.ts). Sessions ao starts itself do not come here: they get their hooks
 * through the launch.
 */
export function projectHookInstaller(spec: ProjectHookInstallerSpec): { installer: HookInstaller; settingsPath: (dir: string) => string } {
  const settingsPath = (dir: string) => join(dir, spec.configDir, spec.fileName);
  const gitignoreSpec = (dir: string): GitignoreSpec => ({ configDir: join(dir, spec.configDir), entries: [spec.fileName] });

  function install(dir: string, context: HookContext): HookInstallResult {
    assertHookContext(context, spec.harnessId);
    assertDirectory(dir);
    const path = settingsPath(dir);
    const current = readJsonObjectFile(path); // a malformed file throws here, before any write
    const merged = spec.edits.mergeAoHooks(current.value ?? {}, path, context.aoCommand, context.sessionId, context.aoHome);
    const files: string[] = [];
    let changed = false;
    if (!current.exists || merged.changed) {
      const content = stringifyJson(merged.settings, detectIndent(current.text));
      changed = writeManagedFile(path, content, {
        aoHome: context.aoHome,
        owner: spec.harnessId,
        // An original that already holds ao hooks (an install ao has no record of) is not worth restoring verbatim.
        originalRestorable: (original) => !spec.edits.inventoryAoHooks(parseJsonObject(original, path)).any,
        meta: { hooksKeyAddedByAo: !current.value || !('hooks' in current.value) },
      });
      if (changed) files.push(path);
    }
    const ignored = ensureGitIgnored(gitignoreSpec(dir));
    files.push(...ignored.files);
    const notes = [
      changed
        ? `Added ao's hooks for ${spec.events.length} ${spec.displayName} events to ${path}; your own hooks and settings are kept.`
        : `ao's hooks were already in ${path}; nothing changed.`,
      ...(context.sessionId ? [`The hooks report to ao session ${context.sessionId}.`] : []),
      `${spec.displayName} reads hook settings when it starts: restart an agent that is already running.`,
      ...ignored.notes,
      ...disabledHooksProblems(dir),
    ];
    return { harness: spec.harnessId, dir, changed: changed || ignored.changed, files, notes };
  }

  function uninstall(dir: string, context: HookContext): HookInstallResult {
    const path = settingsPath(dir);
    const released = releaseManagedFile(path, {
      aoHome: context.aoHome,
      semanticRemove: (current, entry) => {
        const settings = parseJsonObject(current, path); // the user broke it since: refuse, untouched
        const createdByAo = entry !== undefined && !entry.existedBefore;
        const removed = spec.edits.removeAoHooks(settings, path, createdByAo || entry?.meta?.hooksKeyAddedByAo === true);
        if (!removed.changed) return { kind: 'keep' };
        if (createdByAo && Object.keys(removed.settings).length === 0) return { kind: 'delete' };
        return { kind: 'write', content: stringifyJson(removed.settings, detectIndent(current.toString())) };
      },
    });
    const files = released.changed ? [path] : [];
    const unignored = releaseGitIgnored(gitignoreSpec(dir));
    files.push(...unignored.files);
    const removedDirs = removeEmptyDirs(released.createdDirs);
    files.push(...removedDirs);
    const notes = [
      released.action === 'restored'
        ? `Restored ${path} exactly as it was before ao installed its hooks.`
        : released.action === 'deleted'
          ? `Removed ${path}, which ao had created.`
          : released.action === 'edited'
            ? `Removed ao's hooks from ${path}; your later changes are kept.`
            : `No ao hooks found in ${path}; nothing to remove.`,
      ...unignored.notes,
    ];
    return { harness: spec.harnessId, dir, changed: released.changed || unignored.changed || removedDirs.length > 0, files, notes };
  }

  function status(dir: string, context: HookContext): HookStatus {
    const path = settingsPath(dir);
    const problems: string[] = [];
    let settings: JsonObject | undefined;
    try {
      const read = readJsonObjectFile(path);
      settings = read.value;
      if (!read.exists) problems.push(`ao's hooks are not installed: ${path} does not exist.`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    const inventory = spec.edits.inventoryAoHooks(settings ?? {});
    const missing = spec.events.filter(({ native }) => !inventory.commands.has(native)).map(({ native }) => native);
    if (settings && missing.length === spec.events.length) problems.push(`ao's hooks are not installed in ${path}.`);
    else if (missing.length > 0) problems.push(`ao's hooks are missing for ${missing.join(', ')} in ${path}: install again.`);

    const sessions = new Set<string | undefined>();
    for (const { native, event } of spec.events) {
      const commands = inventory.commands.get(native) ?? [];
      if (commands.length > 1) problems.push(`${native} has ${commands.length} ao hooks in ${path}; each event needs one: install again.`);
      for (const command of commands) {
        const session = hookCommandSessionId(command);
        sessions.add(session);
        if (command !== hookCommand(context.aoCommand, spec.harnessId, event, session, context.aoHome)) {
          problems.push(`ao's ${native} hook in ${path} runs \`${command}\`, not this ao installation (${context.aoCommand}, AO_HOME ${context.aoHome}): install again.`);
        }
      }
    }
    const found = [...sessions].filter((id): id is string => id !== undefined);
    if (context.sessionId !== undefined) {
      const others = found.filter((id) => id !== context.sessionId);
      if (others.length > 0) problems.push(`ao's hooks in ${path} report for session ${others.join(', ')}, not ${context.sessionId}.`);
      if (sessions.has(undefined) && inventory.any) {
        problems.push(`Some of ao's hooks in ${path} carry no session id; an agent ao did not start cannot report through them.`);
      }
    }
    if (inventory.any && !existsSync(context.aoCommand)) problems.push(`The ao command ${context.aoCommand} does not exist, so the hooks cannot run.`);
    problems.push(...disabledHooksProblems(dir), ...gitignoreProblems(gitignoreSpec(dir)));
    const result: HookStatus = {
      harness: spec.harnessId,
      dir,
      installed: settings !== undefined && missing.length === 0,
      files: [path],
      problems: [...new Set(problems)],
    };
    if (found.length > 0) result.sessionId = found[0]!;
    return result;
  }

  /** `disableAllHooks: true` in a project settings file silences ao's hooks as well as the user's. */
  function disabledHooksProblems(dir: string): string[] {
    const problems: string[] = [];
    for (const file of spec.disableAllHooksFiles(dir)) {
      try {
        if (readJsonObjectFile(file).value?.disableAllHooks === true) {
          problems.push(`${file} sets "disableAllHooks": true, which silences ao's hooks too: ao cannot see this agent's activity.`);
        }
      } catch {
        // a malformed file is reported elsewhere
      }
    }
    return problems;
  }

  return { installer: { install, uninstall, status }, settingsPath };
}
