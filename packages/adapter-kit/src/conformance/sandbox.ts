import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Throw-away directories for the conformance checks. Git answers as if the machine had no global
 * or system config: a global excludesFile could otherwise hide exactly the files under test.
 */
export class Sandbox {
  private readonly dirs: string[] = [];

  dir(prefix = 'ao-conformance-'): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  /** A real repository with one commit, so that `git status` starts clean. */
  gitRepo(files: Record<string, string> = {}): string {
    const repo = join(this.dir(), 'project');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'README.md'), '# project\n');
    git(repo, 'add', 'README.md');
    git(repo, '-c', 'user.name=ao', '-c', 'user.email=ao@example.invalid', 'commit', '-q', '-m', 'init');
    writeFiles(repo, files);
    return repo;
  }

  /**
   * An executable named `name` in a directory whose name holds a space, both quote characters and
   * `$`: whatever runs it must quote every layer. It appends its argv as one JSON line to `log`.
   */
  recorder(name: string): { path: string; log: string; calls: () => string[][] } {
    const dir = join(this.dir(), `bin dir 'single' "double" $HOME x`);
    mkdirSync(dir);
    const path = join(dir, name);
    const log = join(this.dir(), 'argv.jsonl');
    writeFileSync(
      path,
      `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`,
    );
    chmodSync(path, 0o755);
    const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]) : []);
    return { path, log, calls };
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` with a sandbox that is removed afterwards, whatever happens. */
export function inSandbox<T>(fn: (sandbox: Sandbox) => T): T {
  const sandbox = new Sandbox();
  try {
    return withIsolatedGit(() => fn(sandbox));
  } finally {
    sandbox.cleanup();
  }
}

const ISOLATED_GIT: Record<string, string> = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** Installers run git themselves, inheriting the environment: isolate it for the duration. */
function withIsolatedGit<T>(fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(ISOLATED_GIT).map((key) => [key, process.env[key]]));
  Object.assign(process.env, ISOLATED_GIT);
  try {
    return fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...ISOLATED_GIT } });
}

export const gitStatus = (repo: string): string => git(repo, 'status', '--porcelain', '--untracked-files=all');

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/**
 * Every file (its text) and directory (null) under `root`, by relative path. Of `.git` only
 * `info/exclude` counts: it is the one file there an installer may touch.
 */
export function snapshotTree(root: string): Record<string, string | null> {
  const tree: Record<string, string | null> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (path === '.git') continue;
      if (lstatSync(join(root, path)).isDirectory()) {
        tree[`${path}/`] = null;
        walk(path);
      } else {
        tree[path] = readFileSync(join(root, path), 'utf8');
      }
    }
  };
  if (existsSync(root)) walk('');
  const exclude = join(root, '.git', 'info', 'exclude');
  if (existsSync(exclude)) tree['.git/info/exclude'] = readFileSync(exclude, 'utf8');
  return tree;
}
