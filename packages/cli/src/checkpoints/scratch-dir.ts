import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private directory outside the user's work tree for the temporary index files checkpoints use
 * instead of the repository's own index, removed afterwards whatever happens.
 */
export function withScratchDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ao-checkpoint-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
