import { execa } from 'execa';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AO_BIN, aoJson, runAo, tempDir } from './ao-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

/**
 * What one ao process hands another (a socket request, a file it wrote) is checked before it is
 * used: a malformed message gets a clear refusal, never a crash of the receiver.
 */
const newHome = aoHomesCleanedAfterEach();
const HOST_MAIN = fileURLToPath(new URL('../dist/bundle/host-main.js', import.meta.url));

/** Sends raw lines on a unix socket and collects everything until the other side closes or `lines` lines arrived. */
function exchange(path: string, lines: string[], replies: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let text = '';
    socket.on('error', reject);
    const finish = () => resolve(text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line)));
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      if (text.split('\n').length > replies) {
        socket.end();
        finish();
      }
    });
    socket.on('end', finish);
    socket.write(lines.map((line) => `${line}\n`).join(''));
  });
}

describe('messages between ao processes are validated', () => {
  it('the session host refuses a malformed request with {ok:false} and keeps serving', async () => {
    const aoHome = newHome();
    const { id, pid: agentPid } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('p-'), '--no-daemon'], { env: DEMO_ENV });
    const socket = join(aoHome, 'run', `${id}.sock`);
    const replies = await exchange(socket, ['{"op":"send"}', '{"op":"resize","cols":"wide","rows":10}', '{"op":"dance"}', '{"op":"status"}'], 4);
    expect(replies.slice(0, 3)).toEqual([
      { ok: false, error: expect.stringMatching(/^invalid request: text: /) },
      { ok: false, error: expect.stringMatching(/^invalid request: cols: /) },
      { ok: false, error: expect.stringMatching(/^invalid request: op: /) },
    ]);
    expect(replies[3]).toMatchObject({ ok: true, agentPid, alive: true });
  });

  it('the daemon refuses a malformed sessions request with {ok:false}', async () => {
    const aoHome = newHome();
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false });
    try {
      const socket = join(aoHome, 'run', 'daemon.sock');
      await waitFor('the daemon socket', async () => existsSync(socket));
      const [reply] = await exchange(socket, ['{"op":"sessions","all":"yes","build":"x","staleAfterMs":1,"noSignalAfterMs":1}'], 1);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^unsupported request: all: /) });
    } finally {
      daemon.kill('SIGTERM');
      await daemon;
    }
  });

  it('a damaged launch spec is reported in the ready file, in words', async () => {
    const sessionDir = tempDir('session-');
    writeFileSync(join(sessionDir, 'launch.json'), JSON.stringify({ sessionId: 's1', command: 'true' }));
    const host = await execa(process.execPath, [HOST_MAIN, sessionDir], { reject: false });
    expect(host.exitCode).toBe(1);
    const ready = JSON.parse(readFileSync(join(sessionDir, 'host-ready.json'), 'utf8'));
    expect(ready.error).toMatch(/^the launch spec .*launch\.json is not valid \(launchId: /);
  });

  it('ao rm of a session whose worktree record is damaged says so with invalid_worktree_record', async () => {
    const aoHome = newHome();
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
    await aoJson(aoHome, ['kill', id]);
    const sessionDir = join(aoHome, 'sessions', id);
    mkdirSync(sessionDir, { recursive: true });
    // `ao rm` runs git on the paths in this record: a relative one is refused, not used.
    writeFileSync(join(sessionDir, 'worktree.json'), JSON.stringify({ path: 'relative/dir', branch: 'ao/x', repoRoot: tempDir('ao-repo-') }));
    const removed = await runAo(aoHome, ['rm', id, '--json']);
    expect(removed.exitCode).toBe(1);
    expect(JSON.parse(removed.stdout)).toMatchObject({ error: { code: 'invalid_worktree_record', message: expect.stringMatching(/worktree\.json is not valid \(path: /) } });
  });
});
