import { existsSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gitInfoExcludePath, gitTopLevel, isGitIgnored, isGitTracked } from './git-repo.js';
import { readBytes, removeFile, writeAtomic } from './managed-file.js';

/** First line of a `.gitignore` ao wrote: what marks it as ao's to rewrite or delete. */
export const GITIGNORE_MARKER = '# managed by ao';
const GITIGNORE_NOTE = '# keeps the files ao writes here out of `git status`; ao deletes this file on uninstall';

export interface GitignoreSpec {
  /** The directory holding ao's files, e.g. `<project>/.claude`. */
  configDir: string;
  /** Names, relative to configDir, of the files ao writes there. */
  entries: readonly string[];
  /**
   * Names another tool writes into configDir because of ao's files (OpenCode's npm install of its
   * plugin SDK). Ignored together with ao's; ao's `.gitignore` stays while any of them exists.
   */
  lingering?: readonly string[];
}

export interface GitignoreResult {
  changed: boolean;
  files: string[];
  notes: string[];
}

const none = (): GitignoreResult => ({ changed: false, files: [], notes: [] });

export function isManagedGitignore(content: Buffer | string | undefined): boolean {
  if (content === undefined) return false;
  return content.toString().split('\n', 1)[0]?.trim() === GITIGNORE_MARKER;
}

/**
 * Makes sure ao's files in `configDir` do not show in `git status`. Nothing to do outside a git
 * repository or when they are already ignored. Otherwise: a marked `.gitignore` of ao's own in
 * configDir when there is none; if the user has their own there, ao leaves it alone and adds a
 * marked block to the repository's `info/exclude` instead.
 */
export function ensureGitIgnored(spec: GitignoreSpec): GitignoreResult {
  const repo = locate(spec.configDir);
  if (!repo) return none();
  const result = none();
  const tracked = spec.entries.filter((entry) => isGitTracked(repo.top, join(repo.dir, entry)));
  for (const entry of tracked) {
    result.notes.push(`${join(spec.configDir, entry)} is tracked by git, so ao's changes to it will show in \`git status\`.`);
  }
  const lingering = spec.lingering ?? [];
  const unignored = (names: readonly string[]) =>
    names.filter((name) => !tracked.includes(name) && !isGitIgnored(repo.top, join(repo.dir, name)));
  const needed = unignored([...spec.entries, ...lingering]);
  if (needed.length === 0) return result;

  const gitignorePath = join(spec.configDir, '.gitignore');
  const existing = readBytes(gitignorePath);
  if (existing === undefined || isManagedGitignore(existing)) {
    const kept = existing ? bodyLines(existing) : [];
    const content = renderManagedGitignore(union(kept, spec.entries, lingering, ['.gitignore']));
    if (existing === undefined || !existing.equals(Buffer.from(content))) {
      writeAtomic(gitignorePath, content);
      result.changed = true;
      result.files.push(gitignorePath);
    }
  } else {
    const excludePath = gitInfoExcludePath(spec.configDir);
    const ours = needed.filter((name) => spec.entries.includes(name));
    if (excludePath && ours.length > 0) {
      const relDir = relative(repo.top, repo.dir).split('\\').join('/');
      const block = renderExcludeBlock(relDir, ours.map((name) => `/${escapeGitPattern(relDir ? `${relDir}/${name}` : name)}`));
      const current = readBytes(excludePath)?.toString() ?? '';
      const next = upsertBlock(current, relDir, block);
      if (next !== current) {
        writeAtomic(excludePath, next);
        result.changed = true;
        result.files.push(excludePath);
      }
    }
  }
  const still = unignored(spec.entries);
  if (still.length > 0) {
    result.notes.push(
      `git still shows ${still.map((name) => join(spec.configDir, name)).join(', ')} (a "!" rule in one of your .gitignore files?).`,
    );
  }
  return result;
}

/** Removes what ensureGitIgnored added, and nothing else. */
export function releaseGitIgnored(spec: GitignoreSpec): GitignoreResult {
  const result = none();
  const gitignorePath = join(spec.configDir, '.gitignore');
  const existing = readBytes(gitignorePath);
  if (isManagedGitignore(existing)) {
    const lingering = spec.lingering ?? [];
    const ours = new Set([...spec.entries, ...lingering, '.gitignore']);
    const userLines = bodyLines(existing!).filter((line) => !ours.has(line));
    const present = lingering.filter((name) => existsSync(join(spec.configDir, name)));
    let next: string | undefined;
    if (userLines.length > 0) {
      // The user added their own rules to ao's file: it is theirs now, minus ao's lines.
      next = `${[...userLines, ...present].join('\n')}\n`;
    } else if (present.length > 0) {
      next = renderManagedGitignore([...present, '.gitignore']);
      result.notes.push(
        `Kept ${gitignorePath} because ${present.join(', ')} (written there by the harness) still exist; delete them and this file when you no longer need them.`,
      );
    }
    if (next === undefined) removeFile(gitignorePath);
    else if (next !== existing!.toString()) writeAtomic(gitignorePath, next);
    if (next === undefined || next !== existing!.toString()) {
      result.changed = true;
      result.files.push(gitignorePath);
    }
  }
  const repo = locate(spec.configDir, true);
  const excludePath = repo ? gitInfoExcludePath(repo.top) : undefined;
  if (repo && excludePath) {
    const relDir = relative(repo.top, repo.dir).split('\\').join('/');
    const current = readBytes(excludePath)?.toString();
    if (current !== undefined) {
      const next = upsertBlock(current, relDir, undefined);
      if (next !== current) {
        // An exclude file that held nothing but ao's block was created by ao: remove it.
        if (next.trim() === '') removeFile(excludePath);
        else writeAtomic(excludePath, next);
        result.changed = true;
        result.files.push(excludePath);
      }
    }
  }
  return result;
}

/** Sentences for `status`: ao's files that would show in `git status`. */
export function gitignoreProblems(spec: GitignoreSpec): string[] {
  const repo = locate(spec.configDir);
  if (!repo) return [];
  const problems: string[] = [];
  for (const name of spec.entries) {
    const path = join(repo.dir, name);
    if (!existsSync(path)) continue;
    if (isGitTracked(repo.top, path)) problems.push(`${join(spec.configDir, name)} is tracked by git: ao's changes to it show in \`git status\`.`);
    else if (!isGitIgnored(repo.top, path)) problems.push(`${join(spec.configDir, name)} is not git-ignored: it shows in \`git status\` (install again to fix).`);
  }
  return problems;
}

function locate(configDir: string, fromParentIfGone = false): { top: string; dir: string } | undefined {
  let dir: string;
  try {
    dir = realpathSync(configDir);
  } catch {
    if (!fromParentIfGone) return undefined;
    // The directory was removed already: resolve its parent and keep the name.
    try {
      dir = join(realpathSync(join(configDir, '..')), configDir.split(/[\\/]/).filter(Boolean).pop() ?? '');
    } catch {
      return undefined;
    }
  }
  const top = gitTopLevel(existsSync(dir) ? dir : join(dir, '..'));
  return top ? { top, dir } : undefined;
}

export function renderManagedGitignore(entries: readonly string[]): string {
  return `${[GITIGNORE_MARKER, GITIGNORE_NOTE, ...entries].join('\n')}\n`;
}

function bodyLines(content: Buffer | string): string[] {
  return content
    .toString()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== GITIGNORE_MARKER && line !== GITIGNORE_NOTE);
}

function union(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

const beginMarker = (relDir: string) => `# >>> ao-managed ${JSON.stringify(relDir)} >>>`;
const endMarker = (relDir: string) => `# <<< ao-managed ${JSON.stringify(relDir)} <<<`;

function renderExcludeBlock(relDir: string, patterns: string[]): string {
  return [beginMarker(relDir), ...patterns, endMarker(relDir)].join('\n');
}

/** Replaces (or with `block` undefined, removes) the marked block for relDir; appends when absent. */
export function upsertBlock(content: string, relDir: string, block: string | undefined): string {
  const lines = content.split('\n');
  const begin = lines.indexOf(beginMarker(relDir));
  const end = begin === -1 ? -1 : lines.indexOf(endMarker(relDir), begin);
  if (begin !== -1 && end !== -1) {
    const replacement = block === undefined ? [] : block.split('\n');
    lines.splice(begin, end - begin + 1, ...replacement);
    return lines.join('\n');
  }
  if (block === undefined) return content;
  const separator = content === '' || content.endsWith('\n') ? '' : '\n';
  return `${content}${separator}${block}\n`;
}

/** Escapes a literal path for a gitignore pattern: glob characters and trailing spaces. */
export function escapeGitPattern(path: string): string {
  return path.replace(/[\\*?[]/g, '\\$&').replace(/ +$/, (spaces) => spaces.replace(/ /g, '\\ '));
}
