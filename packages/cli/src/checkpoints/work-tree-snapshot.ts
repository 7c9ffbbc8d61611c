import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { git, type Repository } from './repository.js';

/** The work tree as a git tree: what is on disk, minus what git ignores. */
export interface WorkTreeSnapshot {
  tree: string;
  /** Entries in the tree (files, symlinks, nested repositories). */
  files: number;
}

/**
 * Writes the work tree's files into the repository's object store and returns their tree, without
 * touching the repository's index, HEAD or any file: `git add -A` and `write-tree` run on a
 * temporary index in `scratchDir` (GIT_INDEX_FILE).
 *
 * The temporary index starts as a copy of the repository's index: its stat data lets `add -A` hash
 * only the files that changed since git last looked. Seeding it with `read-tree HEAD` instead
 * (entries without stat data) makes git hash every file: on 20,000 small files that measured
 * 0.5 s against 0.15 s for the copy, and the gap grows with file sizes. The seed cannot change the
 * result, since `add -A` makes the index match the disk either way. core.splitIndex is off so
 * that writing the temporary index never adds a shared index file to the user's .git.
 */
export function snapshotWorkTree(repo: Repository, scratchDir: string, name = 'snapshot-index'): WorkTreeSnapshot {
  const tempIndex = join(scratchDir, name);
  if (existsSync(repo.indexFile)) copyFileSync(repo.indexFile, tempIndex);
  const options = { env: { GIT_INDEX_FILE: tempIndex } };
  git(repo, ['-c', 'core.splitIndex=false', 'add', '--all'], options);
  const tree = git(repo, ['write-tree'], options);
  const listing = git(repo, ['ls-files', '-z'], options);
  return { tree, files: countEntries(listing) };
}

function countEntries(nulTerminated: string): number {
  let count = 0;
  for (let i = nulTerminated.indexOf('\0'); i !== -1; i = nulTerminated.indexOf('\0', i + 1)) count++;
  return count;
}
