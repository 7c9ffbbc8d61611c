import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveFromTable,
  ensureGitIgnored,
  escapeGitPattern,
  readLedger,
  releaseGitIgnored,
  releaseManagedFile,
  removeEmptyDirs,
  upsertBlock,
  writeManagedFile,
} from '../src/index.js';

process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ao-kit-'));
  dirs.push(dir);
  return dir;
}
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

const keepAll = { semanticRemove: () => ({ kind: 'keep' as const }) };

describe('managed files and the install ledger', () => {
  it('puts the original bytes and mode back when the file is still what ao wrote', () => {
    const root = temp();
    const aoHome = join(root, 'home');
    const file = join(root, 'settings.json');
    writeFileSync(file, 'original \u00e9 bytes\r\n');
    chmodSync(file, 0o640);
    expect(writeManagedFile(file, 'ao content\n', { aoHome, owner: 'x' })).toBe(true);
    expect(writeManagedFile(file, 'ao content\n', { aoHome, owner: 'x' })).toBe(false);
    expect(readLedger(aoHome, file)).toMatchObject({ existedBefore: true, restorable: true });
    expect(statSync(join(aoHome, 'installs')).mode & 0o777).toBe(0o700);

    const result = releaseManagedFile(file, { aoHome, ...keepAll });
    expect(result).toMatchObject({ changed: true, action: 'restored' });
    expect(readFileSync(file, 'utf8')).toBe('original \u00e9 bytes\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readLedger(aoHome, file)).toBeUndefined();
  });

  it('deletes a file it created and reports the directories it made, deepest first', () => {
    const root = temp();
    const aoHome = join(root, 'home');
    const file = join(root, 'a', 'b', 'f.json');
    writeManagedFile(file, '{}', { aoHome, owner: 'x' });
    const result = releaseManagedFile(file, { aoHome, ...keepAll });
    expect(result.action).toBe('deleted');
    expect(result.createdDirs).toEqual([join(root, 'a', 'b'), join(root, 'a')]);
    expect(removeEmptyDirs(result.createdDirs)).toHaveLength(2);
    expect(existsSync(join(root, 'a'))).toBe(false);
  });

  it('never restores over an edit the user made between two installs', () => {
    const root = temp();
    const aoHome = join(root, 'home');
    const file = join(root, 'f');
    writeFileSync(file, 'v1');
    writeManagedFile(file, 'v1+ao', { aoHome, owner: 'x' });
    writeFileSync(file, 'v1+ao+user');
    writeManagedFile(file, 'v1+ao+user (ao refreshed)', { aoHome, owner: 'x' });
    const result = releaseManagedFile(file, { aoHome, semanticRemove: (current) => ({ kind: 'write', content: `${current}`.replace('ao', '') }) });
    expect(result.action).toBe('edited');
    expect(readFileSync(file, 'utf8')).toBe('v1++user (ao refreshed)');
  });

  it('leaves a non-empty directory the user put things in', () => {
    const root = temp();
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a', 'user.txt'), 'x');
    expect(removeEmptyDirs([join(root, 'a'), root])).toEqual([]);
    expect(existsSync(join(root, 'a', 'user.txt'))).toBe(true);
  });
});

describe('managed gitignore', () => {
  it('uses info/exclude in a linked worktree too, and removes exactly its block', () => {
    const root = temp();
    const main = join(root, 'main');
    mkdirSync(main);
    git(main, 'init', '-q');
    git(main, '-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-q', '--allow-empty', '-m', 'init');
    git(main, 'worktree', 'add', '-q', join(root, 'wt'));
    const configDir = join(root, 'wt', 'conf dir[1]');
    mkdirSync(configDir);
    writeFileSync(join(configDir, '.gitignore'), 'other\n');
    writeFileSync(join(configDir, 'ao.json'), '{}');
    const exclude = join(main, '.git', 'info', 'exclude');
    const before = readFileSync(exclude, 'utf8');

    const result = ensureGitIgnored({ configDir, entries: ['ao.json'] });
    expect(result.files).toEqual([exclude]);
    expect(git(join(root, 'wt'), 'status', '--porcelain', '--untracked-files=all')).toBe('?? "conf dir[1]/.gitignore"\n');
    expect(ensureGitIgnored({ configDir, entries: ['ao.json'] }).changed).toBe(false);
    releaseGitIgnored({ configDir, entries: ['ao.json'] });
    expect(readFileSync(exclude, 'utf8')).toBe(before);
  });

  it('keeps its .gitignore while files the harness wrote because of ao are still there', () => {
    const root = temp();
    git(root, 'init', '-q');
    const configDir = join(root, '.opencode');
    mkdirSync(join(configDir, 'node_modules'), { recursive: true });
    writeFileSync(join(configDir, 'node_modules', 'x'), '');
    const spec = { configDir, entries: ['plugins/ao.js'], lingering: ['node_modules'] };
    ensureGitIgnored(spec);
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    const released = releaseGitIgnored(spec);
    expect(released.notes.join(' ')).toMatch(/node_modules/);
    expect(readFileSync(join(configDir, '.gitignore'), 'utf8')).not.toContain('plugins/ao.js');
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    rmSync(join(configDir, 'node_modules'), { recursive: true });
    releaseGitIgnored(spec);
    expect(existsSync(join(configDir, '.gitignore'))).toBe(false);
  });

  it('edits marked blocks without disturbing the rest', () => {
    const base = '# git comment\n*.tmp\n';
    const once = upsertBlock(base, 'a', '# >>> ao-managed "a" >>>\n/a/x\n# <<< ao-managed "a" <<<');
    expect(once.startsWith(base)).toBe(true);
    const twice = upsertBlock(once, 'b', '# >>> ao-managed "b" >>>\n/b/x\n# <<< ao-managed "b" <<<');
    expect(upsertBlock(upsertBlock(twice, 'a', undefined), 'b', undefined)).toBe(base);
    expect(escapeGitPattern('dir [x]/*?\\ ')).toBe('dir \\[x]/\\*\\?\\\\\\ ');
  });
});

describe('derivation tables', () => {
  const table = {
    stop: { event: 'stop' as const, state: 'idle' as const, facts: (p: unknown) => ({ reason: (p as { r: unknown }).r }) },
    odd: { event: 'notification' as const, state: () => { throw new Error('x'); } },
  };
  it('returns null for events it does not hold, including Object.prototype names', () => {
    for (const event of ['nope', 'toString', '__proto__', 'hasOwnProperty', 'constructor']) expect(deriveFromTable(table, event, {})).toBeNull();
  });
  it('survives rows that throw', () => {
    expect(deriveFromTable(table, 'stop', null)).toEqual({ event: 'stop', state: 'idle', facts: {} });
    expect(deriveFromTable(table, 'odd', {})).toEqual({ event: 'notification', facts: {} });
  });
});
