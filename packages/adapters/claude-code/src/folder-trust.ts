import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseJsonObject, readBytes, stringifyJson, detectIndent, writeAtomic } from '@ao/adapter-kit';

/** Claude Code's own state file: `$CLAUDE_CONFIG_DIR/.claude.json`, else `~/.claude.json`. */
export function claudeStatePath(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_CONFIG_DIR ? join(env.CLAUDE_CONFIG_DIR, '.claude.json') : join(env.HOME ?? homedir(), '.claude.json');
}

/**
 * Pre-accepts Claude Code's folder-trust dialog for a directory ao created (a worktree), the way
 * Claude records it itself: `projects[<dir>].hasTrustDialogAccepted = true`. Additive (every
 * other key is kept), atomic, and a no-op when already accepted. A state file that is not JSON
 * is left alone (the user then sees the dialog once).
 */
export function trustClaudeFolder(dir: string, env: NodeJS.ProcessEnv): string[] {
  const path = claudeStatePath(env);
  const bytes = readBytes(path);
  let state: Record<string, unknown> = {};
  if (bytes !== undefined) {
    try {
      state = parseJsonObject(bytes, path);
    } catch {
      return [];
    }
  }
  const projects = (typeof state.projects === 'object' && state.projects !== null && !Array.isArray(state.projects) ? state.projects : {}) as Record<string, unknown>;
  const entry = (typeof projects[dir] === 'object' && projects[dir] !== null ? projects[dir] : {}) as Record<string, unknown>;
  if (entry.hasTrustDialogAccepted === true) return [];
  const next = { ...state, projects: { ...projects, [dir]: { ...entry, hasTrustDialogAccepted: true } } };
  writeAtomic(path, stringifyJson(next, detectIndent(bytes?.toString('utf8'))), bytes === undefined ? 0o600 : undefined);
  return [path];
}
