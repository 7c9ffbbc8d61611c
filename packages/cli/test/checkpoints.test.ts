import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './ao-harness.js';
import { CliError } from '../src/cli-error.js';
import { isErrorCode } from '../src/error-codes.js';
import {
  ChangesSinceCheckpointError,
  listCheckpoints,
  parseTreeChanges,
  plannedChanges,
  planRestore,
  restoreCheckpoint,
  takeCheckpoint,
  type Checkpoint,
} from '../src/checkpoints/index.js';

/**
 * Checkpoints against real git repositories in temporary directories. Every git the checkpoints
 * run inherits this process's environment, so the user's global git config is switched off here:
 * the test repositories refuse to guess an identity (user.useConfigOnly) and want every commit
 * signed by a gpg that always fails, as a user's config might. A checkpoint must work regardless.
 */
beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = join(tempDir('ao-gitconfig-'), 'none');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});

const SESSION = 'sess-1';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The commit HEAD names, or null before the first commit. */
function head(cwd: string): string | null {
  try {
    return git(cwd, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}').trim();
  } catch {
    return null;
  }
}

/** A commit by the test itself (the repository's own config would refuse one). */
function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgSign=false', 'commit', '--quiet', '-m', message);
}

function newRepository(): string {
  const root = tempDir('ao-ckpt-repo-');
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'config', 'user.useConfigOnly', 'true');
  git(root, 'config', 'commit.gpgSign', 'true');
  git(root, 'config', 'gpg.program', 'false');
  return root;
}

function write(root: string, path: string, content: string | Buffer, mode?: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
  if (mode !== undefined) chmodSync(join(root, path), mode);
}

const IGNORED = new Set(['app.log', 'build']);

/**
 * What a user sees on disk under `root` (not .git): each directory, each file's permission bits
 * and content digest, each symlink's target. With `times`, also each file's mtime and inode.
 */
function diskState(root: string, options: { times?: boolean; skipIgnored?: boolean } = {}): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      const path = dir ? `${dir}/${name}` : name;
      if (path === '.git' || (options.skipIgnored && IGNORED.has(path))) continue;
      const stats = lstatSync(join(root, path));
      if (stats.isSymbolicLink()) state[path] = `symlink -> ${readlinkSync(join(root, path))}`;
      else if (stats.isDirectory()) {
        state[path] = 'dir';
        walk(path);
      } else {
        const digest = createHash('sha256').update(readFileSync(join(root, path))).digest('hex');
        state[path] = `file ${(stats.mode & 0o7777).toString(8)} ${digest}${options.times ? ` ${stats.mtimeMs} ${stats.ino}` : ''}`;
      }
    }
  };
  walk('');
  return state;
}

/** Everything git keeps about where the user is: HEAD, branch, index bytes and mtime, HEAD's reflog, status. */
function repositoryState(root: string): Record<string, unknown> {
  const gitPath = (path: string) => resolve(root, git(root, 'rev-parse', '--git-path', path).trim());
  const index = gitPath('index');
  const reflog = gitPath('logs/HEAD');
  return {
    head: head(root),
    branch: git(root, 'symbolic-ref', 'HEAD').trim(),
    index: existsSync(index) ? createHash('sha256').update(readFileSync(index)).digest('hex') : null,
    indexMtime: existsSync(index) ? statSync(index).mtimeMs : null,
    reflog: existsSync(reflog) ? readFileSync(reflog, 'utf8') : null,
  };
}

/** `git status`, taken before the states compared: status may refresh the index's stat data itself. */
function status(root: string): string {
  return git(root, 'status', '--porcelain=v1', '-z', '--untracked-files=all');
}

function treePaths(root: string, rev: string): string[] {
  return git(root, 'ls-tree', '-r', '-z', '--name-only', rev).split('\0').filter(Boolean);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** A repository with commits, uncommitted work of every kind, and ignored files. */
function repositoryWithWork(): string {
  const root = newRepository();
  write(root, '.gitignore', '*.log\nbuild/\n');
  write(root, 'README.md', 'read me\n');
  write(root, 'src/main.js', 'console.log(1);\n');
  write(root, 'bin/run.sh', '#!/bin/sh\necho run\n', 0o755);
  write(root, 'gone.txt', 'to be deleted\n');
  commitAll(root, 'first');
  write(root, 'README.md', 'read me, edited and not staged\n');
  write(root, 'staged.txt', 'staged, never committed\n');
  git(root, 'add', 'staged.txt');
  unlinkSync(join(root, 'gone.txt'));
  write(root, 'docs/deep/nested/dir/note.txt', 'deep\n');
  write(root, 'with space.txt', 'space\n');
  write(root, 'ünïcødé-日本.txt', 'unicode\n');
  write(root, 'new\nline.txt', 'newline in the name\n');
  symlinkSync('README.md', join(root, 'link-to-readme'));
  write(root, 'assets/big.bin', randomBytes(8 * 1024 * 1024));
  write(root, 'app.log', 'ignored log\n');
  write(root, 'build/cache.bin', randomBytes(1024));
  return root;
}

describe('taking a checkpoint', () => {
  it('records tracked, untracked and deleted files but not ignored ones, and changes nothing the user can see', () => {
    const root = repositoryWithWork();
    const statusBefore = status(root);
    const repoBefore = repositoryState(root);
    const diskBefore = diskState(root, { times: true });
    const now = Date.parse('2025-03-04T05:06:07.890Z');

    const checkpoint = takeCheckpoint(root, SESSION, { reason: 'before Bash: rm -rf docs', now });

    expect(repositoryState(root)).toEqual(repoBefore);
    expect(diskState(root, { times: true })).toEqual(diskBefore);
    expect(status(root)).toBe(statusBefore);
    const headCommit = head(root);
    expect(checkpoint).toEqual({
      n: 1,
      ref: `refs/ao/checkpoints/${SESSION}/1`,
      commit: git(root, 'rev-parse', `refs/ao/checkpoints/${SESSION}/1`).trim(),
      parent: headCommit,
      takenAt: '2025-03-04T05:06:07.000Z',
      reason: 'before Bash: rm -rf docs',
      files: 11,
    });
    const paths = treePaths(root, checkpoint.ref);
    expect(paths).toEqual(
      [
        '.gitignore',
        'README.md',
        'assets/big.bin',
        'bin/run.sh',
        'docs/deep/nested/dir/note.txt',
        'link-to-readme',
        'new\nline.txt',
        'src/main.js',
        'staged.txt',
        'with space.txt',
        'ünïcødé-日本.txt',
      ].sort(),
    );
    expect(checkpoint.files).toBe(paths.length);
    expect(git(root, 'show', `${checkpoint.ref}:README.md`)).toBe('read me, edited and not staged\n');
    expect(git(root, 'ls-tree', checkpoint.ref, 'link-to-readme')).toMatch(/^120000 blob /);
    expect(git(root, 'ls-tree', checkpoint.ref, 'bin/run.sh')).toMatch(/^100755 blob /);
    expect(git(root, 'log', '-1', '--format=%an <%ae>|%cn|%P|%B', checkpoint.ref)).toBe(
      `ao <ao@checkpoints.invalid>|ao|${headCommit}|ao checkpoint 1 of session ${SESSION}\n\nbefore Bash: rm -rf docs\n\nAo-Checkpoint-Files: 11\n\n`,
    );
  });
});

describe('checkpoints in a linked worktree (as ao spawn --worktree makes)', () => {
  it('snapshot and restore that worktree\'s files, leaving its index and the main work tree\'s alone', () => {
    const main = repositoryWithWork();
    commitAll(main, 'second');
    const linked = join(tempDir('ao-ckpt-linked-'), 'wt');
    git(main, 'worktree', 'add', '--quiet', '-b', 'feature', linked);
    write(linked, 'README.md', 'edited in the linked worktree\n');
    write(linked, 'only-here.txt', 'untracked in the linked worktree\n');
    const mainBefore = { repo: repositoryState(main), disk: diskState(main, { times: true }) };
    status(linked);
    const linkedBefore = repositoryState(linked);
    expect(linkedBefore.branch).toBe('refs/heads/feature');

    const checkpoint = takeCheckpoint(linked, SESSION);
    expect(checkpoint.parent).toBe(head(linked));
    expect(git(linked, 'show', `${checkpoint.ref}:README.md`)).toBe('edited in the linked worktree\n');
    expect(treePaths(linked, checkpoint.ref)).toContain('only-here.txt');
    expect(repositoryState(linked)).toEqual(linkedBefore);

    const atCheckpoint = diskState(linked);
    rmSync(join(linked, 'only-here.txt'));
    write(linked, 'src/main.js', 'broken\n');
    expect(restoreCheckpoint(linked, SESSION, checkpoint.n, { force: true }).changed).toEqual(['only-here.txt', 'src/main.js']);
    expect(diskState(linked)).toEqual(atCheckpoint);
    expect(repositoryState(linked)).toEqual(linkedBefore);
    expect({ repo: repositoryState(main), disk: diskState(main, { times: true }) }).toEqual(mainBefore);
    // The refs are the repository's: visible from the main work tree too.
    expect(listCheckpoints(main, SESSION).map((listed) => listed.n)).toEqual([1, 2]);
  });
});

describe('numbering and listing checkpoints', () => {
  it('numbers each session\'s checkpoints 1, 2, 3 and lists them in order with what taking them returned', () => {
    const root = repositoryWithWork();
    const taken: Checkpoint[] = [];
    taken.push(takeCheckpoint(root, SESSION, { reason: 'first', now: Date.parse('2025-01-01T00:00:01Z') }));
    write(root, 'more.txt', 'more\n');
    taken.push(takeCheckpoint(root, SESSION, { now: Date.parse('2025-01-01T00:00:02Z') }));
    const other = takeCheckpoint(root, 'other-session', { reason: 'another session' });
    taken.push(takeCheckpoint(root, SESSION, { reason: '  multi-line\nreason, kept whole  ', now: Date.parse('2025-01-01T00:00:03Z') }));

    expect(taken.map((checkpoint) => checkpoint.n)).toEqual([1, 2, 3]);
    expect(other.n).toBe(1);
    expect(taken[0]!.files + 1).toBe(taken[1]!.files);
    expect(taken.map((checkpoint) => checkpoint.reason)).toEqual(['first', null, 'multi-line\nreason, kept whole']);
    expect(listCheckpoints(root, SESSION)).toEqual(taken);
    expect(listCheckpoints(root, 'other-session')).toEqual([other]);
    expect(listCheckpoints(root, 'no-such-session')).toEqual([]);
  });

  it('lists by number, not by name: checkpoint 10 comes after 9', () => {
    const root = repositoryWithWork();
    for (let i = 0; i < 10; i++) takeCheckpoint(root, SESSION);
    expect(listCheckpoints(root, SESSION).map((checkpoint) => checkpoint.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('sees an edit git could only tell by content: same size, same mtime, made in the second the index was written', () => {
    const root = newRepository();
    git(root, 'config', 'core.trustctime', 'false');
    const past = '@1700000000.5';
    write(root, 'racy.txt', 'before\n');
    execFileSync('touch', ['-d', past, join(root, 'racy.txt')]);
    git(root, 'update-index', '--add', 'racy.txt');
    // Same size, and the file and the index dated the same instant: only git's racy check, which
    // compares the entry with the index file's own mtime, makes it look at the content.
    write(root, 'racy.txt', 'after!\n');
    execFileSync('touch', ['-d', past, join(root, 'racy.txt'), join(root, '.git', 'index')]);
    const checkpoint = takeCheckpoint(root, SESSION);
    expect(git(root, 'show', `${checkpoint.ref}:racy.txt`)).toBe('after!\n');
  });

  it('works in a repository with no commits yet: no parent, and nothing else appears', () => {
    const root = newRepository();
    write(root, 'first.txt', 'first\n');
    const checkpoint = takeCheckpoint(root, SESSION);
    expect(checkpoint.parent).toBeNull();
    expect(checkpoint.files).toBe(1);
    expect(head(root)).toBeNull();
    expect(existsSync(join(root, '.git', 'index'))).toBe(false);
    expect(status(root)).toBe('?? first.txt\0');
    expect(listCheckpoints(root, SESSION)).toEqual([checkpoint]);
  });

  it('from a subdirectory snapshots the whole work tree of the repository', () => {
    const root = repositoryWithWork();
    const checkpoint = takeCheckpoint(join(root, 'docs', 'deep'), SESSION);
    expect(treePaths(root, checkpoint.ref)).toContain('README.md');
    expect(treePaths(root, checkpoint.ref)).toContain('docs/deep/nested/dir/note.txt');
    expect(listCheckpoints(join(root, 'src'), SESSION)).toEqual([checkpoint]);
  });

  it('a taker that finds its number held by another moves on to the next one, never overwriting it', () => {
    const root = repositoryWithWork();
    const first = takeCheckpoint(root, SESSION);
    // Another taker is creating checkpoint 2 right now: git's lock on the ref is held.
    writeFileSync(join(root, '.git', 'refs', 'ao', 'checkpoints', SESSION, '2.lock'), '');
    const second = takeCheckpoint(root, SESSION, { reason: 'raced' });
    expect(second.n).toBe(3);
    expect(git(root, 'log', '-1', '--format=%s', second.ref).trim()).toBe(`ao checkpoint 3 of session ${SESSION}`);
    expect(git(root, 'rev-parse', first.ref).trim()).toBe(first.commit);
    expect(listCheckpoints(root, SESSION).map((checkpoint) => checkpoint.n)).toEqual([1, 3]);
  });

  it('concurrent takers in separate processes each get a number of their own', async () => {
    const root = repositoryWithWork();
    const built = fileURLToPath(new URL('../dist/checkpoints/index.js', import.meta.url));
    expect(existsSync(built), 'build first: npx turbo run build').toBe(true);
    const script = `
      const { takeCheckpoint } = await import(${JSON.stringify(built)});
      const numbers = [];
      for (let i = 0; i < 3; i++) numbers.push(takeCheckpoint(process.argv[1], 'race').n);
      console.log(JSON.stringify(numbers));`;
    const takers = await Promise.all(Array.from({ length: 4 }, () => execa('node', ['--input-type=module', '-e', script, root])));
    const numbers = takers.flatMap((taker) => JSON.parse(taker.stdout) as number[]);
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const listed = listCheckpoints(root, 'race');
    expect(listed.map((checkpoint) => checkpoint.n)).toEqual(numbers);
    for (const checkpoint of listed) {
      expect(git(root, 'log', '-1', '--format=%s', checkpoint.ref).trim()).toBe(`ao checkpoint ${checkpoint.n} of session race`);
    }
    expect(new Set(listed.map((checkpoint) => checkpoint.commit)).size).toBe(12);
  });
});

describe('what checkpoints refuse', () => {
  it('outside a git work tree: not_a_git_repository', () => {
    const plain = tempDir('ao-not-git-');
    for (const run of [() => takeCheckpoint(plain, SESSION), () => listCheckpoints(plain, SESSION), () => restoreCheckpoint(plain, SESSION, 1)]) {
      const error = thrown(run);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).code).toBe('not_a_git_repository');
      expect((error as CliError).message).toContain(plain);
    }
  });

  it('a session id that is not one of ao\'s, or a number that is not a checkpoint number: invalid_argument', () => {
    const root = repositoryWithWork();
    for (const run of [() => takeCheckpoint(root, '../../heads/main'), () => listCheckpoints(root, 'a b'), () => restoreCheckpoint(root, SESSION, 0), () => restoreCheckpoint(root, SESSION, 1.5)]) {
      expect((thrown(run) as CliError).code).toBe('invalid_argument');
    }
    expect(git(root, 'for-each-ref', 'refs/ao')).toBe('');
  });

  it('restoring a checkpoint the session does not have: not_found', () => {
    const root = repositoryWithWork();
    takeCheckpoint(root, SESSION);
    takeCheckpoint(root, 'other-session');
    const error = thrown(() => restoreCheckpoint(root, SESSION, 2)) as CliError;
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(`session ${SESSION} has no checkpoint 2 in ${root}`);
    expect((thrown(() => restoreCheckpoint(root, 'no-such-session', 1)) as CliError).code).toBe('not_found');
  });

  it('the refusal code is one of ao\'s error codes', () => {
    expect(isErrorCode('changes_since_checkpoint')).toBe(true);
  });
});

/** What an agent might do to the work tree after the checkpoint: delete, edit, chmod, retype, add; and touch ignored files. */
function damage(root: string): void {
  rmSync(join(root, 'docs'), { recursive: true });
  unlinkSync(join(root, 'with space.txt'));
  unlinkSync(join(root, 'new\nline.txt'));
  write(root, 'README.md', 'overwritten by the agent\n');
  write(root, 'assets/big.bin', randomBytes(5 * 1024 * 1024));
  chmodSync(join(root, 'bin', 'run.sh'), 0o644);
  unlinkSync(join(root, 'link-to-readme'));
  write(root, 'link-to-readme', 'a file where a symlink was\n');
  write(root, 'added/new-dir/file.txt', 'added\n');
  write(root, 'extra.txt', 'extra\n');
  write(root, 'app.log', 'ignored log, changed after the checkpoint\n');
  write(root, 'build/new.bin', randomBytes(64));
}

const DAMAGED_PATHS = [
  'README.md',
  'added/new-dir/file.txt',
  'assets/big.bin',
  'bin/run.sh',
  'docs/deep/nested/dir/note.txt',
  'extra.txt',
  'link-to-readme',
  'new\nline.txt',
  'with space.txt',
];

describe('restoring a checkpoint', () => {
  it('refuses when the work tree changed since, naming the changes and changing nothing; forced, it saves the current state first and puts every file back', () => {
    const root = repositoryWithWork();
    const atCheckpoint = diskState(root, { skipIgnored: true });
    const checkpoint = takeCheckpoint(root, SESSION, { reason: 'before the agent ran' });
    damage(root);
    const damagedStatus = status(root);
    const damagedRepo = repositoryState(root);
    const damagedDisk = diskState(root, { times: true });
    const damagedFiles = diskState(root);

    const refusal = thrown(() => restoreCheckpoint(root, SESSION, checkpoint.n));
    expect(refusal).toBeInstanceOf(ChangesSinceCheckpointError);
    expect((refusal as ChangesSinceCheckpointError).code).toBe('changes_since_checkpoint');
    expect([...(refusal as ChangesSinceCheckpointError).paths]).toEqual(DAMAGED_PATHS);
    expect((refusal as Error).message).toBe(
      'the work tree has changed since checkpoint 1 (9 paths: README.md, added/new-dir/file.txt, assets/big.bin, bin/run.sh, docs/deep/nested/dir/note.txt, extra.txt, link-to-readme, "new\\nline.txt", with space.txt); ' +
        'pass --force to restore it anyway: a forced restore first saves the current state as a new checkpoint, so it can be undone',
    );
    expect(diskState(root, { times: true })).toEqual(damagedDisk);
    expect(repositoryState(root)).toEqual(damagedRepo);
    expect(listCheckpoints(root, SESSION)).toEqual([checkpoint]);

    const ignoredBefore = { log: readFileSync(join(root, 'app.log')), cache: readFileSync(join(root, 'build/cache.bin')), added: readFileSync(join(root, 'build/new.bin')) };
    const untouched = statSync(join(root, 'src', 'main.js'));
    const result = restoreCheckpoint(root, SESSION, checkpoint.n, { force: true });

    expect(result).toEqual({
      n: 1,
      restored: true,
      changed: DAMAGED_PATHS,
      savedAs: { ...listCheckpoints(root, SESSION)[1]!, n: 2, reason: 'saved before restoring checkpoint 1' },
    });
    // Every file as it was, with its mode; added files and the directories they made gone.
    expect(diskState(root, { skipIgnored: true })).toEqual(atCheckpoint);
    expect(existsSync(join(root, 'added'))).toBe(false);
    expect(readlinkSync(join(root, 'link-to-readme'))).toBe('README.md');
    expect(statSync(join(root, 'bin', 'run.sh')).mode & 0o111).toBe(0o111);
    // Ignored files are the agent's versions still; unchanged files were not rewritten.
    expect(readFileSync(join(root, 'app.log'))).toEqual(ignoredBefore.log);
    expect(readFileSync(join(root, 'build/cache.bin'))).toEqual(ignoredBefore.cache);
    expect(readFileSync(join(root, 'build/new.bin'))).toEqual(ignoredBefore.added);
    const after = statSync(join(root, 'src', 'main.js'));
    expect([after.ino, after.mtimeMs]).toEqual([untouched.ino, untouched.mtimeMs]);
    // HEAD, branch, index and HEAD's reflog as the user left them.
    expect(repositoryState(root)).toEqual(damagedRepo);

    // The forced restore lost nothing: restoring what it saved brings the agent's work back.
    expect(restoreCheckpoint(root, SESSION, 2, { force: true }).changed).toEqual(DAMAGED_PATHS);
    expect(diskState(root)).toEqual(damagedFiles);
    expect(status(root)).toBe(damagedStatus);
    expect(listCheckpoints(root, SESSION).map((listed) => listed.n)).toEqual([1, 2, 3]);
  });

  it('when nothing changed since the checkpoint, succeeds without writing anything or saving a checkpoint', () => {
    const root = repositoryWithWork();
    const checkpoint = takeCheckpoint(root, SESSION);
    const disk = diskState(root, { times: true });
    expect(restoreCheckpoint(root, SESSION, checkpoint.n)).toEqual({ n: 1, restored: false, changed: [], savedAs: null });
    expect(restoreCheckpoint(root, SESSION, checkpoint.n, { force: true })).toEqual({ n: 1, restored: false, changed: [], savedAs: null });
    expect(diskState(root, { times: true })).toEqual(disk);
    expect(listCheckpoints(root, SESSION)).toEqual([checkpoint]);
  });

  it('puts a file back where a directory is now, and a directory where a file is', () => {
    const root = newRepository();
    write(root, 'was-file', 'a file\n');
    write(root, 'was-dir/inside.txt', 'inside\n');
    const checkpoint = takeCheckpoint(root, SESSION);
    const atCheckpoint = diskState(root);
    rmSync(join(root, 'was-file'));
    write(root, 'was-file/now-inside.txt', 'x\n');
    rmSync(join(root, 'was-dir'), { recursive: true });
    write(root, 'was-dir', 'now a file\n');
    const result = restoreCheckpoint(root, SESSION, checkpoint.n, { force: true });
    expect(result.changed).toEqual(['was-dir', 'was-dir/inside.txt', 'was-file', 'was-file/now-inside.txt']);
    expect(diskState(root)).toEqual(atCheckpoint);
  });

  it('in a repository with no commits, and from a subdirectory', () => {
    const root = newRepository();
    write(root, 'top.txt', 'top\n');
    write(root, 'sub/dir/low.txt', 'low\n');
    const checkpoint = takeCheckpoint(join(root, 'sub', 'dir'), SESSION);
    const atCheckpoint = diskState(root);
    write(root, 'top.txt', 'changed\n');
    rmSync(join(root, 'sub', 'dir', 'low.txt'));
    write(root, 'sub/dir/other.txt', 'other\n');
    const refusal = thrown(() => restoreCheckpoint(join(root, 'sub', 'dir'), SESSION, checkpoint.n)) as ChangesSinceCheckpointError;
    expect([...refusal.paths]).toEqual(['sub/dir/low.txt', 'sub/dir/other.txt', 'top.txt']);
    const result = restoreCheckpoint(join(root, 'sub', 'dir'), SESSION, checkpoint.n, { force: true });
    expect(result.savedAs?.parent).toBeNull();
    expect(diskState(root)).toEqual(atCheckpoint);
    expect(head(root)).toBeNull();
    expect(existsSync(join(root, '.git', 'index'))).toBe(false);
  });

  it('refuses, changing nothing, rather than replace an ignored file the checkpoint has a file at', () => {
    const root = newRepository();
    write(root, 'notes.log', 'notes, not ignored yet\n');
    const checkpoint = takeCheckpoint(root, SESSION);
    // The agent ignores *.log and writes a notes.log of its own: git now ignores it.
    write(root, '.gitignore', '*.log\n');
    write(root, 'notes.log', 'ignored now, and precious\n');
    const disk = diskState(root, { times: true });
    const error = thrown(() => restoreCheckpoint(root, SESSION, checkpoint.n, { force: true })) as CliError;
    expect(error.code).toBe('not_supported');
    expect(error.message).toContain('(notes.log)');
    expect(diskState(root, { times: true })).toEqual(disk);
    expect(listCheckpoints(root, SESSION)).toEqual([checkpoint]);
  });

  it('refuses, changing nothing, rather than delete ignored files in a directory where the checkpoint has a file, or write through an ignored file', () => {
    const root = newRepository();
    write(root, 'out', 'a file called out\n');
    write(root, 'cache/data.txt', 'data\n');
    const checkpoint = takeCheckpoint(root, SESSION);
    rmSync(join(root, 'out'));
    rmSync(join(root, 'cache'), { recursive: true });
    write(root, '.gitignore', 'out/\ncache\n');
    write(root, 'out/generated.bin', 'ignored output\n');
    write(root, 'cache', 'an ignored file where a directory was\n');
    const disk = diskState(root, { times: true });
    const error = thrown(() => restoreCheckpoint(root, SESSION, checkpoint.n, { force: true })) as CliError;
    expect(error.code).toBe('not_supported');
    expect(error.message).toContain('(cache, out)');
    expect(diskState(root, { times: true })).toEqual(disk);
  });

  it('leaves a nested repository alone: a checkpoint records only the commit it was at', () => {
    const root = newRepository();
    write(root, 'top.txt', 'top\n');
    const nested = join(root, 'vendor', 'lib');
    mkdirSync(nested, { recursive: true });
    git(nested, 'init', '--quiet');
    write(nested, 'lib.txt', 'v1\n');
    commitAll(nested, 'v1');
    const checkpoint = takeCheckpoint(root, SESSION);
    expect(git(root, 'ls-tree', checkpoint.ref, 'vendor/lib')).toMatch(/^160000 commit /);
    write(nested, 'lib.txt', 'v2\n');
    commitAll(nested, 'v2');
    const disk = diskState(root, { times: true });
    expect(restoreCheckpoint(root, SESSION, checkpoint.n)).toEqual({ n: 1, restored: false, changed: [], savedAs: null });
    expect(diskState(root, { times: true })).toEqual(disk);
    write(root, 'top.txt', 'edited\n');
    expect(restoreCheckpoint(root, SESSION, checkpoint.n, { force: true }).changed).toEqual(['top.txt']);
    expect(readFileSync(join(nested, 'lib.txt'), 'utf8')).toBe('v2\n');
  });

  it('names at most ten changed paths in its refusal, and counts the rest', () => {
    const root = newRepository();
    const checkpoint = takeCheckpoint(root, SESSION);
    for (let i = 0; i < 12; i++) write(root, `f${String(i).padStart(2, '0')}.txt`, `${i}\n`);
    const refusal = thrown(() => restoreCheckpoint(root, SESSION, checkpoint.n)) as ChangesSinceCheckpointError;
    expect(refusal.paths).toHaveLength(12);
    expect(refusal.message).toContain('(12 paths: f00.txt, f01.txt, f02.txt, f03.txt, f04.txt, f05.txt, f06.txt, f07.txt, f08.txt, f09.txt and 2 more)');
  });
});

describe('planning a restore (no git)', () => {
  const ZERO = '0'.repeat(40);
  const OID = 'a'.repeat(40);
  const raw = (modeNow: string, modeThen: string, status: string, path: string) => `:${modeNow} ${modeThen} ${OID} ${ZERO} ${status}\0${path}\0`;

  it('writes what the checkpoint has, deletes what it lacks, and leaves nested repositories alone', () => {
    const changes = parseTreeChanges(
      raw('100644', '100644', 'M', 'edited.txt') +
        raw('000000', '100755', 'A', 'dir/removed since\n.sh') +
        raw('100644', '000000', 'D', 'added-since.txt') +
        raw('100644', '120000', 'T', 'was-a-link') +
        raw('160000', '160000', 'M', 'vendor/nested-repo') +
        raw('000000', '160000', 'A', 'other-repo'),
    );
    expect(changes[1]).toEqual({ status: 'A', path: 'dir/removed since\n.sh', modeNow: '000000', modeInCheckpoint: '100755' });
    const plan = planRestore(changes);
    expect(plan).toEqual({
      write: ['dir/removed since\n.sh', 'edited.txt', 'was-a-link'],
      create: ['dir/removed since\n.sh'],
      delete: ['added-since.txt'],
      skipped: ['other-repo', 'vendor/nested-repo'],
    });
    expect(plannedChanges(plan)).toEqual(['added-since.txt', 'dir/removed since\n.sh', 'edited.txt', 'was-a-link']);
  });

  it('an empty diff plans nothing; output it does not understand is an error, not a guess', () => {
    expect(planRestore(parseTreeChanges(''))).toEqual({ write: [], create: [], delete: [], skipped: [] });
    expect(() => parseTreeChanges(raw('100644', '100644', 'R', 'renamed'))).toThrow(/unexpected git diff-tree output/);
    expect(() => parseTreeChanges('M\0name-status only\0')).toThrow(/unexpected git diff-tree output/);
  });
});
