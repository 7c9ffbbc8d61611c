import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { Store, aoPaths } from '@ao/lifecycle';
import { AO_BIN, aoJson, runAo, tempDir } from './ao-harness.js';

/**
 * A file in the spool named like a record that ao cannot read as one (a directory, a FIFO, a
 * symlink, a file bigger than any record, a record owned by root after an agent ran under sudo):
 * it is set aside and every other record is applied, in order; no command hangs or fails; doctor
 * names it. Every command here has a deadline: before the fix a FIFO made them all hang.
 */
const DEADLINE = { timeout: 30_000 };

interface Scene {
  aoHome: string;
  id: string;
  spool: string;
  /** A record name sorting between the first signal and the later ones. */
  badName: string;
}

/** A registered session with one prompt spooled, a bad entry's name after it, then a tool and a stop. */
async function scene(makeBad: (path: string) => void): Promise<Scene> {
  const aoHome = tempDir('ao-home-');
  const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
  const spool = aoPaths(aoHome).spool;
  await runAo(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: '{"prompt":"first"}' });
  const [first] = readdirSync(spool).filter((name) => name.endsWith('.sig'));
  const ns = BigInt(first!.split('-')[0]!) + 1n;
  const badName = `${ns.toString().padStart(19, '0')}-1.sig`;
  makeBad(join(spool, badName));
  await runAo(aoHome, ['hooks', 'claude-code', 'pre-tool-use', '--session', id], { input: '{"tool_name":"Bash","tool_use_id":"t1"}' });
  await runAo(aoHome, ['hooks', 'claude-code', 'stop', '--session', id], { input: '{}' });
  return { aoHome, id, spool, badName };
}

async function appliedEvents(aoHome: string, id: string, options = {}): Promise<string[]> {
  const events = await aoJson(aoHome, ['events', id], { ...DEADLINE, ...options });
  return events.filter((event: { type: string }) => event.type !== 'lifecycle').map((event: { type: string; event: string }) => `${event.type}:${event.event}`);
}

const EXPECTED_EVENTS = ['transition:user-prompt-submit', 'signal:pre-tool-use', 'transition:stop'];

interface Check {
  name: string;
  status: string;
  message: string;
}
async function doctorChecks(aoHome: string, options = {}): Promise<{ exitCode: number; checks: Check[] }> {
  const result = await runAo(aoHome, ['doctor', '--json'], { ...DEADLINE, ...options, env: { PATH: '/usr/bin:/bin' } });
  return { exitCode: result.exitCode, checks: (JSON.parse(result.stdout) as { checks: Check[] }).checks };
}

const badEntries: { kind: string; make: (path: string) => void; reason: RegExp }[] = [
  { kind: 'a directory', make: (path) => mkdirSync(path), reason: /directory/ },
  { kind: 'a FIFO', make: (path) => execFileSync('mkfifo', [path]), reason: /FIFO/ },
  { kind: 'a symlink', make: (path) => symlinkSync('/etc/hostname', path), reason: /symbolic link/ },
  { kind: 'a file bigger than any record', make: (path) => writeFileSync(path, Buffer.alloc(5 * 1024 * 1024, 0x20)), reason: /bigger than/ },
];

describe('a spool entry named like a record that is not one', () => {
  it.each(badEntries)('$kind is set aside; the other records apply in order; doctor names it', async ({ make, reason }) => {
    const { aoHome, id, spool, badName } = await scene(make);
    const listed = await runAo(aoHome, ['ls', '--json'], DEADLINE);
    expect(listed.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({ id, activityState: 'idle' });
    expect(await appliedEvents(aoHome, id)).toEqual(EXPECTED_EVENTS);
    expect(existsSync(join(spool, badName))).toBe(false);
    expect(lstatSync(join(spool, 'rejected', badName))).toBeTruthy();
    expect(readFileSync(join(aoPaths(aoHome).logs, 'ao.log'), 'utf8')).toContain(badName);

    const { checks } = await doctorChecks(aoHome);
    const check = checks.find((candidate) => candidate.name === 'spool set aside');
    expect(check).toMatchObject({ status: 'warn', message: expect.stringContaining(join(spool, 'rejected')) });
    expect(check!.message).toContain(badName);
    expect(check!.message).toMatch(reason);
  });

  it.each([['ls'], ['status'], ['events'], ['json']])('a FIFO does not hang ao %s', async (command) => {
    const { aoHome, id, spool, badName } = await scene((path) => execFileSync('mkfifo', [path]));
    const args = command === 'status' ? ['status', id, '--json'] : command === 'json' ? ['json'] : [command, '--json'];
    const input = command === 'json' ? JSON.stringify({ version: 'v1', action: 'status', input: { id } }) : undefined;
    const result = await runAo(aoHome, args, { ...DEADLINE, ...(input !== undefined && { input }) });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('"idle"');
    expect(lstatSync(join(spool, 'rejected', badName)).isFIFO()).toBe(true);
  });

  it('a FIFO does not stop the daemon from applying the records after it', async () => {
    const { aoHome, id } = await scene((path) => execFileSync('mkfifo', [path]));
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false, timeout: 60_000 });
    try {
      // The daemon ingests when it starts, then serves its socket. Read the store itself, without
      // ingesting, to see what the daemon applied.
      let state: string | null | undefined;
      for (let attempt = 0; attempt < 200 && state !== 'idle'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (!existsSync(join(aoHome, 'run', 'daemon.sock'))) continue;
        const store = Store.open(aoPaths(aoHome).database);
        state = store.getSession(id)?.activityState;
        store.close();
      }
      expect(state).toBe('idle');
      expect(readFileSync(join(aoPaths(aoHome).logs, 'ao.log'), 'utf8')).not.toContain('daemon ingestion failed');
    } finally {
      daemon.kill('SIGTERM');
      await daemon;
    }
  });

  it('a record owned by root after an agent ran under sudo is set aside, and doctor says how to get it back', async () => {
    // The real situation: the record is root's, mode 0600, and ao runs as the user. When the tests
    // run as root, ao runs as nobody over an AO_HOME that nobody owns; otherwise the record is made
    // unreadable to the user running the tests.
    const asRoot = process.getuid?.() === 0;
    // A copy of the first record under the bad name: were it read, it would show as a second prompt.
    const { aoHome, id, spool, badName } = await scene((path) => {
      const first = readdirSync(join(path, '..')).find((name) => name.endsWith('.sig'))!;
      writeFileSync(path, readFileSync(join(path, '..', first)), { mode: 0o600 });
    });
    const options = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) chownTree(aoHome, 65534, 65534, join(spool, badName));
    else chmodSync(join(spool, badName), 0o000);

    expect((await aoJson(aoHome, ['ls'], { ...DEADLINE, ...options }))[0]).toMatchObject({ id, activityState: 'idle' });
    expect(await appliedEvents(aoHome, id, options)).toEqual(EXPECTED_EVENTS);
    expect(existsSync(join(spool, 'rejected', badName))).toBe(true);
    const { checks } = await doctorChecks(aoHome, options);
    const check = checks.find((candidate) => candidate.name === 'spool set aside');
    expect(check?.status).toBe('warn');
    expect(check!.message).toContain(badName);
    expect(check!.message).toMatch(/cannot read it/);
    expect(check!.message).toContain(`move it back into ${spool}`);
  });

  it('an entry that cannot be set aside is skipped with a logged reason, and doctor says what to do', async () => {
    // spool/rejected is a file: nothing can be moved into it.
    const { aoHome, id, spool, badName } = await scene((path) => {
      execFileSync('mkfifo', [path]);
      writeFileSync(join(path, '..', 'rejected'), '');
    });
    expect((await aoJson(aoHome, ['ls'], DEADLINE))[0]).toMatchObject({ id, activityState: 'idle' });
    expect(await appliedEvents(aoHome, id)).toEqual(EXPECTED_EVENTS);
    expect(lstatSync(join(spool, badName)).isFIFO()).toBe(true);
    const log = readFileSync(join(aoPaths(aoHome).logs, 'ao.log'), 'utf8');
    expect(log).toMatch(new RegExp(`${badName}.*cannot be set aside|cannot be set aside.*${badName}`));

    const { exitCode, checks } = await doctorChecks(aoHome);
    expect(exitCode).toBe(1);
    const check = checks.find((candidate) => candidate.name === 'spool');
    expect(check).toMatchObject({ status: 'fail' });
    expect(check!.message).toContain(join(spool, badName));
    expect(check!.message).toMatch(/FIFO/);
    expect(check!.message).toContain(`rm ${join(spool, badName)}`);
  });
});

/** chown every entry under dir except `keep` (the record that stays root's). */
function chownTree(dir: string, uid: number, gid: number, keep: string): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep) continue;
    if (lstatSync(path).isDirectory()) chownTree(path, uid, gid, keep);
    else chownSync(path, uid, gid);
  }
}
