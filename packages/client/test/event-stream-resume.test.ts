import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AoClient, type DisconnectReason, type EventObject } from '../src/index.js';
import { aoJson, runAo, tempDir } from '../../cli/test/ao-harness.js';
import { startApiDaemon } from '../../cli/test/api-harness.js';
import { aoHomesCleanedAfterEach, waitFor } from '../../cli/test/runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

/** Follows the whole log in the background, as a user's program would. */
function follow(client: AoClient) {
  const controller = new AbortController();
  const received: EventObject[] = [];
  const disconnects: DisconnectReason[] = [];
  const done = (async () => {
    for await (const event of client.events.stream({ after: 0, signal: controller.signal, onDisconnect: (reason) => disconnects.push(reason) })) received.push(event);
  })();
  return {
    received,
    disconnects,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

/** A registered Claude Code session and a way to fire its hook the way Claude Code does. */
async function registeredSession(aoHome: string) {
  const { id } = await aoJson<{ id: string }>(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
  let fired = 0;
  return {
    id,
    get fired() {
      return fired;
    },
    fire: async () => {
      const run = await runAo(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: '{"prompt":"x"}' });
      expect(run).toMatchObject({ exitCode: 0, stdout: '' });
      fired += 1;
    },
  };
}

/** Fires signals one after another until stopped: they keep arriving whatever the daemon does. */
function keepFiring(session: { fire: () => Promise<void> }) {
  let firing = true;
  const done = (async () => {
    while (firing) {
      await session.fire();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    firing = false;
    await done;
  };
}

/** The store's whole log once it holds `signals` prompt signals, and the stream has caught up with it. */
async function wholeLogOnceStreamed(client: AoClient, signals: number, received: EventObject[]) {
  return waitFor('every signal in the log, and the stream caught up', async () => {
    const log = await client.events.list({ limit: 10_000 });
    const prompts = log.events.filter((e) => e.event === 'user-prompt-submit').length;
    return prompts === signals && received.at(-1)?.seq === log.events.at(-1)?.seq ? log : undefined;
  }, 30_000);
}

describe('events.stream resumes without a gap or a duplicate', () => {
  it('across a SIGKILLed daemon and a new one on another port, while signals keep arriving', async () => {
    const aoHome = newHome();
    const first = await startApiDaemon(aoHome);
    const session = await registeredSession(aoHome);
    const client = new AoClient({ aoHome });
    const stream = follow(client);
    const stopFiring = keepFiring(session);
    let blocker: Server | undefined;
    try {
      await waitFor('the first events streamed', async () => stream.received.length >= 5);
      first.process.kill('SIGKILL');
      await first.process;
      // Something else takes the old port (it hangs up at once): the new daemon cannot get it, and a
      // client that kept the old URL would never hear from the daemon again.
      blocker = createServer((socket) => socket.destroy()).listen(Number(new URL(first.url).port), '127.0.0.1');
      await once(blocker, 'listening');
      const firedWhileDown = session.fired;
      await waitFor('signals fired while no daemon runs', async () => session.fired >= firedWhileDown + 3);

      const second = await startApiDaemon(aoHome);
      expect(second.url).not.toBe(first.url);
      const firedAtRestart = session.fired;
      await waitFor('signals streamed from the new daemon', async () => stream.received.filter((e) => e.event === 'user-prompt-submit').length >= firedAtRestart + 3);
    } finally {
      await stopFiring();
      blocker?.close();
    }
    const log = await wholeLogOnceStreamed(client, session.fired, stream.received);
    await stream.stop();
    expect(log.nextCursor).toBeNull();
    expect(stream.received.map((e) => e.seq)).toEqual(log.events.map((e) => e.seq));
    expect(stream.received).toEqual(log.events);
    expect(stream.disconnects[0]).toBe('dropped');
    // Plain calls follow the new daemon too.
    expect(await client.sessions.get(session.id)).toMatchObject({ id: session.id, status: 'working' });
  }, 120_000);

  it('abandons a connection silent for 2 × keep-alive (a frozen daemon) and catches up once it thaws', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, { AO_SSE_KEEPALIVE_MS: '200' });
    const pid = daemon.process.pid!;
    const session = await registeredSession(aoHome);
    // No keepAliveMs given: the client takes the daemon's period from its api.json.
    const client = new AoClient({ aoHome });
    const stream = follow(client);
    for (let i = 0; i < 3; i++) await session.fire();
    await wholeLogOnceStreamed(client, 3, stream.received);

    const before = stream.disconnects.length;
    process.kill(pid, 'SIGSTOP');
    try {
      // Written to the spool while the daemon is frozen: ingested only after it thaws.
      for (let i = 0; i < 3; i++) await session.fire();
      await waitFor('the client to abandon the silent connection and try again', async () => stream.disconnects.slice(before).filter((r) => r === 'silent').length >= 2);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const log = await wholeLogOnceStreamed(client, 6, stream.received);
    await stream.stop();
    expect(stream.received.map((e) => e.seq)).toEqual(log.events.map((e) => e.seq));
    expect(stream.received).toEqual(log.events);
  });
});
