import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { AO_BIN, aoJson, runAo, tempDir } from './ao-harness.js';
import { DEMO_ENV, cleanupAoHome, waitFor } from './runtime-harness.js';

/** sun_path on Linux: 108 bytes with the NUL. */
const SUN_PATH = 108;

const homes: string[] = [];
const placesToRemove: string[] = [];
afterEach(async () => {
  for (const home of homes.splice(0)) await cleanupAoHome(home);
  for (const place of placesToRemove.splice(0)) rmSync(place, { recursive: true, force: true });
});

/** An AO_HOME of `length` characters: far too long for `$AO_HOME/run/<id>.sock` to fit sun_path. */
function longHome(length = 180): string {
  const base = tempDir('ao-long-');
  const home = join(base, 'h'.repeat(length - base.length - 1));
  homes.push(home);
  return home;
}

/** Where ao documents a long AO_HOME's sockets: a directory named by the first 16 hex digits of sha256(AO_HOME). */
const homeHash = (aoHome: string) => createHash('sha256').update(aoHome).digest('hex').slice(0, 16);

function tmpPlace(aoHome: string): string {
  const place = join('/tmp', `ao-${process.getuid!()}`, homeHash(aoHome));
  placesToRemove.push(place);
  return place;
}

/** Paths of the unix sockets bound on this machine (Linux: /proc/net/unix). */
function boundSockets(): string[] {
  return readFileSync('/proc/net/unix', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[7])
    .filter((path): path is string => path !== undefined && path.startsWith('/'));
}

/** The session host's own answer on its socket (`{"op":"status"}`): proof that it serves there. */
function askHostStatus(socketPath: string): Promise<{ ok: boolean; agentPid?: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let buffered = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('\n')) {
        socket.destroy();
        resolve(JSON.parse(buffered.slice(0, buffered.indexOf('\n'))));
      }
    });
    socket.write('{"op":"status"}\n');
  });
}

function privateTempDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o700);
  return dir;
}

const noXdg = { XDG_RUNTIME_DIR: '' };

describe('a long AO_HOME', () => {
  it('spawn works: the sockets live in a short private directory, none at a truncated path', async () => {
    const aoHome = longHome();
    const { id, pid } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-')], { env: { ...DEMO_ENV, ...noXdg } });
    const place = tmpPlace(aoHome);
    const hostSocket = join(place, `${id}.sock`);
    expect(await askHostStatus(hostSocket)).toMatchObject({ ok: true, agentPid: pid });
    // ao's own client finds it there: send is typed in through the host and acknowledged.
    expect(await aoJson(aoHome, ['send', id, 'hello there'], { env: noXdg })).toMatchObject({ id, delivered: true, acknowledged: true });
    const daemonSocket = join(place, 'daemon.sock');
    await waitFor('the daemon socket', async () => existsSync(daemonSocket));
    const bound = boundSockets();
    expect(bound).toEqual(expect.arrayContaining([hostSocket, daemonSocket]));
    for (const path of [hostSocket, daemonSocket]) {
      expect(Buffer.byteLength(path)).toBeLessThan(SUN_PATH);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    for (const dir of [place, dirname(place)]) {
      const stat = statSync(dir);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).toBe(process.getuid!());
    }
    // Nothing bound next to AO_HOME or under it (where truncated paths used to land).
    expect(bound.filter((path) => path.startsWith(dirname(aoHome)))).toEqual([]);
    // The daemon serves the same answer the store gives, once the turn has settled (compared mid-turn,
    // the two reads could straddle a transition).
    await waitFor('the sent turn to end', async () => (await aoJson(aoHome, ['status', id], { env: noXdg })).status === 'idle');
    expect(await aoJson(aoHome, ['ls'], { env: noXdg })).toEqual(await aoJson(aoHome, ['ls'], { env: { ...noXdg, AO_NO_DAEMON_READS: '1' } }));
  });

  it('uses $XDG_RUNTIME_DIR/ao-<hash> when XDG_RUNTIME_DIR is private to this user', async () => {
    const aoHome = longHome();
    const runtime = privateTempDir('ao-xdg-');
    const env = { ...DEMO_ENV, XDG_RUNTIME_DIR: runtime };
    const { id, pid } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), '--no-daemon'], { env });
    const place = join(runtime, `ao-${homeHash(aoHome)}`);
    expect(boundSockets()).toContain(join(place, `${id}.sock`));
    expect(statSync(place).mode & 0o777).toBe(0o700);
    expect(await askHostStatus(join(place, `${id}.sock`))).toMatchObject({ ok: true, agentPid: pid });
    expect(await aoJson(aoHome, ['send', id, 'hello'], { env })).toMatchObject({ id, acknowledged: true });
  });

  it('refuses a socket directory that is not private, before writing anything', async () => {
    const runtime = privateTempDir('ao-xdg-');
    const aoHome = longHome();
    const place = join(runtime, `ao-${homeHash(aoHome)}`);
    for (const make of [() => mkdirSync(place, { mode: 0o755 }), () => symlinkSync(tempDir('ao-elsewhere-'), place)]) {
      rmSync(place, { recursive: true, force: true });
      make();
      chmodSync(runtime, 0o700);
      const result = await runAo(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), '--no-daemon', '--json'], { env: { ...DEMO_ENV, XDG_RUNTIME_DIR: runtime } });
      expect(result.exitCode).toBe(1);
      const { error } = JSON.parse(result.stdout);
      expect(error).toMatchObject({ code: 'unsafe_socket_directory', message: expect.stringContaining(place) });
      expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
      expect(existsSync(join(aoHome, 'sessions')) ? readdirSync(join(aoHome, 'sessions')) : []).toEqual([]);
    }
  });

  it('the daemon neither dies nor binds a truncated path: it keeps ingesting', async () => {
    const aoHome = longHome(250);
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome, ...noXdg }, reject: false });
    try {
      const daemonSocket = join(tmpPlace(aoHome), 'daemon.sock');
      await waitFor('the daemon socket', async () => existsSync(daemonSocket));
      expect(boundSockets()).toContain(daemonSocket);
      expect(daemon.exitCode).toBeNull();
    } finally {
      daemon.kill('SIGTERM');
    }
    const result = await daemon;
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

describe('ao spawn when the session host fails', () => {
  it('says what the host said, not a log file that may not exist', async () => {
    const aoHome = tempDir('ao-home-');
    homes.push(aoHome);
    // A real crash of the host process before it writes its ready file (ao spawn itself is spared).
    const preload = join(tempDir('ao-preload-'), 'crash-host.cjs');
    writeFileSync(preload, "if (process.argv[1] && process.argv[1].endsWith('host-main.js')) throw new Error('the host exploded on purpose');\n");
    const result = await runAo(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), '--no-daemon', '--json'], {
      env: { ...DEMO_ENV, NODE_OPTIONS: `--require ${preload}` },
    });
    expect(result.exitCode).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('launch_failed');
    expect(error.message).toContain('the host exploded on purpose');
    expect(error.message).not.toContain('ao.log');
    expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
  });
});
