import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './ao-harness.js';

/** A fresh git repository with one commit holding `files` (name → content). */
export function committedRepo(files: Record<string, string>): string {
  const dir = tempDir('ao-repo-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'first');
  return dir;
}
