import { chmodSync, existsSync, lstatSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AO_BIN, type AoRun, tempDir } from './ao-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitForStatus } from './runtime-harness.js';

/**
 * $AO_HOME holds the user's prompts and tool payloads (keys and tokens among them): whatever the
 * user's umask and whatever the mode of an AO_HOME that already exists, every file ao creates
 * there is 0600 and every directory 0700. What is the user's own (the agent, their project's hook
 * settings, git's work in their repository) keeps the user's umask.
 */
const newHome = aoHomesCleanedAfterEach();
const USER_UMASK = '022';

/** The real launcher under the user's umask 022, as a shell or a harness hook would run it. */
async function ao(aoHome: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<AoRun> {
  const result = await execa('sh', ['-c', `umask ${USER_UMASK} && exec "$0" "$@"`, AO_BIN, ...args], {
    reject: false,
    env: { AO_HOME: aoHome, AO_SESSION_ID: '', AO_LAUNCH_ID: '', ...options.env },
    ...(options.input !== undefined && { input: options.input }),
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

async function aoJson(aoHome: string, args: string[], env: Record<string, string> = {}) {
  const result = await ao(aoHome, [...args, '--json'], { env });
  if (result.exitCode !== 0) throw new Error(`ao ${args.join(' ')} exited ${result.exitCode}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout);
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every path under `root` (root itself excluded) whose mode is not private; sockets aside. */
function walk(root: string): { seen: string[]; notPrivate: string[] } {
  const seen: string[] = [];
  const notPrivate: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue; // a temp file renamed away meanwhile
      }
      if (stat.isSocket()) continue;
      const rel = relative(root, path);
      seen.push(rel);
      const expected = stat.isDirectory() ? 0o700 : 0o600;
      if ((stat.mode & 0o777) !== expected) notPrivate.push(`${rel} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) visit(path);
    }
  };
  visit(root);
  return { seen, notPrivate };
}

/** The umask a running process has, from the kernel. */
function processUmask(pid: number): string | undefined {
  return /^Umask:\s*(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
}

describe('files ao creates under AO_HOME are private', () => {
  it('with a pre-existing 0755 AO_HOME and umask 022: register, hooks, ls, spawn → every file 0600, every dir 0700; the agent keeps umask 022', async () => {
    const aoHome = newHome();
    chmodSync(aoHome, 0o755);
    const project = tempDir('ao-project-');

    const { id: registered } = await aoJson(aoHome, ['register', '--agent', 'claude', '--cwd', project]);
    // The hook settings ao writes into the user's project are the user's file: their umask.
    expect(mode(join(project, '.claude'))).toBe('755');
    expect(mode(join(project, '.claude', 'settings.local.json'))).toBe('644');

    const secret = JSON.stringify({ session_id: 's1', prompt: 'deploy with AKIAIOSFODNN7EXAMPLE and ghp_0123456789abcdef' });
    expect((await ao(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', registered], { input: secret })).exitCode).toBe(0);
    expect((await ao(aoHome, ['hooks', 'claude-code', 'stop', '--session', registered], { input: '{}', env: { AO_HOOKS_NODE: '1' } })).exitCode).toBe(0);
    // A refused hook is logged (logs/hooks.log), on both capture paths.
    await ao(aoHome, ['hooks', 'claude-code', 'stop', '--session', 'not a session id'], { input: '{}' });
    await ao(aoHome, ['hooks', 'claude-code', 'stop', '--session', 'not a session id'], { input: '{}', env: { AO_HOOKS_NODE: '1' } });
    expect((await aoJson(aoHome, ['ls'])).map((session: { id: string }) => session.id)).toEqual([registered]);

    // The daemon too: ao spawn starts it.
    const spawned = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', project, '--prompt', 'list the files'], DEMO_ENV);
    const idle = await waitForStatus(aoHome, spawned.id, (status) => status.activityState === 'idle', 'the first turn to end');
    expect(processUmask(spawned.pid)).toBe(`0${USER_UMASK}`);
    expect(processUmask(spawned.hostPid)).toBe('0077');
    // The demo's transcript lives with its session, not in a shared /tmp.
    expect(idle.transcriptPath).toBe(join(aoHome, 'sessions', spawned.id, 'demo-transcript.jsonl'));
    await aoJson(aoHome, ['ls']);

    const { seen, notPrivate } = walk(aoHome);
    expect(notPrivate).toEqual([]);
    expect(seen).toEqual(
      expect.arrayContaining([
        'ao.db',
        'spool',
        'logs/ao.log',
        'logs/hooks.log',
        'daemon.lock',
        `sessions/${spawned.id}/launch.json`,
        `sessions/${spawned.id}/output.log`,
        `sessions/${spawned.id}/demo-transcript.jsonl`,
      ]),
    );
    expect(mode(aoHome)).toBe('755'); // the user's own directory: ao doctor says what to do about it
  });

  it('ao spawn --worktree: $AO_HOME/worktrees is 0700; the checkout and the repository keep the user umask', async () => {
    const aoHome = newHome();
    chmodSync(aoHome, 0o755);
    const repo = tempDir('ao-repo-');
    await execa('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    writeFileSync(join(repo, 'README'), 'hello\n');
    await execa('git', ['add', '.'], { cwd: repo });
    await execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init'], { cwd: repo });

    const spawned = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', repo, '--worktree', '--no-daemon'], DEMO_ENV);
    expect(mode(join(aoHome, 'worktrees'))).toBe('700');
    expect(mode(join(spawned.worktree, 'README'))).toBe('644');
    expect(mode(join(repo, '.git', 'worktrees', spawned.id))).toBe('755');
    expect(existsSync(join(aoHome, 'sessions', spawned.id, 'worktree.json'))).toBe(true);
    expect(mode(join(aoHome, 'sessions', spawned.id, 'worktree.json'))).toBe('600');
  });
});
