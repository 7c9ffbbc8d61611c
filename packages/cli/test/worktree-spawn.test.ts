import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

async function gitRepo(): Promise<string> {
  const repo = tempDir('ao-repo-');
  await execa('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  writeFileSync(join(repo, 'README'), 'hello\n');
  await execa('git', ['add', '.'], { cwd: repo });
  await execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init'], { cwd: repo });
  return repo;
}

const worktrees = async (repo: string) => (await execa('git', ['worktree', 'list', '--porcelain'], { cwd: repo })).stdout.split('\n').filter((line) => line.startsWith('worktree '));
const branches = async (repo: string) => (await execa('git', ['branch', '--format=%(refname:short)'], { cwd: repo })).stdout.split('\n');

describe('ao spawn --worktree', () => {
  it('runs the agent in a new worktree on ao/<id>, and rm leaves git worktree list clean', async () => {
    const aoHome = newHome();
    const repo = await gitRepo();
    const spawned = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', repo, '--worktree', '--no-daemon'], { env: DEMO_ENV });
    expect(spawned.worktree).toBe(join(aoHome, 'worktrees', spawned.id));
    expect(spawned.cwd).toBe(spawned.worktree);
    expect(await worktrees(repo)).toHaveLength(2);
    expect(await branches(repo)).toContain(`ao/${spawned.id}`);
    expect((await execa('git', ['status', '--porcelain'], { cwd: repo })).stdout).toBe('');

    const running = await runAo(aoHome, ['rm', spawned.id, '--json']);
    expect(JSON.parse(running.stdout).error.code).toBe('not_removable');
    await aoJson(aoHome, ['kill', spawned.id]);
    expect(await aoJson(aoHome, ['rm', spawned.id])).toEqual([{ id: spawned.id, removed: true, worktreeRemoved: true, branchKept: false }]);
    expect(await worktrees(repo)).toEqual([`worktree ${repo}`]);
    expect(await branches(repo)).toEqual(['main']);
    expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
  });

  it('refuses a dirty repository and a directory outside git, writing nothing', async () => {
    const aoHome = newHome();
    const repo = await gitRepo();
    writeFileSync(join(repo, 'README'), 'changed\n');
    const dirty = await runAo(aoHome, ['spawn', '--agent', 'demo', '--cwd', repo, '--worktree', '--json']);
    expect(JSON.parse(dirty.stdout).error.code).toBe('dirty_worktree');
    const plain = await runAo(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('not-git-'), '--worktree', '--json']);
    expect(JSON.parse(plain.stdout).error.code).toBe('not_a_git_repository');
    expect(await worktrees(repo)).toHaveLength(1);
    expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
  });
});
