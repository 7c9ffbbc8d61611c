import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../validated-json.js';

/**
 * `worktree.json` in a session's directory: the git worktree `ao spawn --worktree` made for it,
 * written by spawn and read by `ao rm`/`ao prune` (a later process, maybe of a later ao): checked
 * on reading, since `ao rm` runs git on the paths it names.
 */
const worktreeSchema = z.object({
  path: z.string().startsWith('/'),
  branch: z.string().min(1),
  repoRoot: z.string().startsWith('/'),
});

export type Worktree = z.infer<typeof worktreeSchema>;

export function worktreeRecordPath(sessionDir: string): string {
  return join(sessionDir, 'worktree.json');
}

/** The session's worktree, or null when it has none; a damaged record is `invalid_worktree_record`. */
export function readWorktreeRecord(sessionDir: string): Worktree | null {
  const path = worktreeRecordPath(sessionDir);
  return existsSync(path) ? readJsonFile(path, worktreeSchema, 'invalid_worktree_record', 'the worktree record') : null;
}
