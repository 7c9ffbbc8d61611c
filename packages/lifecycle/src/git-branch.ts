import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The git branch checked out in a session's directory, for the session object's `branch`
 * (docs/dashboard.md, "Branch"). Read from the repository's HEAD file, never by running git, and
 * cached by that file's identity and mtime (git replaces HEAD on every checkout), so a list of
 * 1,000 sessions costs one stat per distinct directory. A directory found in no repository is
 * looked at again after NOT_A_REPOSITORY_RECHECK_MS (a `git init` there shows within that).
 */
export const NOT_A_REPOSITORY_RECHECK_MS = 5_000;

interface Known {
  /** The HEAD file that decides the branch; null: not in a work tree. */
  head: string | null;
  version: string;
  branch: string | null;
  checkedAt: number;
}

const known = new Map<string, Known>();

/** stat, or undefined for anything it cannot tell (missing, EACCES, ENOTDIR…): a branch is never worth a failed read. */
function statOrNothing(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function versionOf(path: string): string | null {
  const stat = statOrNothing(path);
  return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : null;
}

/** The HEAD of the work tree holding `dir`: `.git/HEAD`, or for a linked worktree the HEAD its `.git` file points to. */
function findHead(dir: string): string | null {
  let current = resolve(dir);
  for (let depth = 0; depth < 128; depth++) {
    const dotGit = join(current, '.git');
    const stat = statOrNothing(dotGit);
    if (stat?.isDirectory()) return join(dotGit, 'HEAD');
    if (stat?.isFile()) {
      const match = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
      return match ? join(resolve(current, match[1]!), 'HEAD') : null;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** `ref: refs/heads/<branch>`; a detached HEAD (a commit id) has no branch. */
export function branchOfHead(content: string | null): string | null {
  const match = /^ref: refs\/heads\/(.+?)\s*$/.exec(content ?? '');
  return match ? match[1]! : null;
}

/** The branch checked out where `cwd` is; null when it is in no git work tree or HEAD is detached. */
export function gitBranchOf(cwd: string, now: number = Date.now()): string | null {
  const entry = known.get(cwd);
  if (entry?.head) {
    const version = versionOf(entry.head);
    if (version === entry.version) return entry.branch;
    if (version !== null) {
      const branch = branchOfHead(readText(entry.head));
      known.set(cwd, { ...entry, version, branch, checkedAt: now });
      return branch;
    }
    // The repository went away: look again from scratch.
  } else if (entry && now - entry.checkedAt < NOT_A_REPOSITORY_RECHECK_MS) {
    return null;
  }
  const head = findHead(cwd);
  const version = head === null ? null : versionOf(head);
  if (head === null || version === null) {
    known.set(cwd, { head: null, version: '', branch: null, checkedAt: now });
    return null;
  }
  const branch = branchOfHead(readText(head));
  known.set(cwd, { head, version, branch, checkedAt: now });
  return branch;
}
