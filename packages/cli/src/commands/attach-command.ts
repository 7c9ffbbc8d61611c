import type { Socket } from 'node:net';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { sessionFiles } from '../host/launch-spec.js';
import type { HostEvent, HostReply } from '../host/host-protocol.js';
import { encodeLine, lineReader, openSocket } from '../socket-client.js';
import { findSessionOrThrow } from './session-commands.js';
import { assertRunning } from './session-host-client.js';

/** Ctrl-] detaches, as in telnet: a key no agent TUI uses. */
const DETACH_KEY = 0x1d;

/** `ao attach <id>`: your terminal becomes the agent's, until you press Ctrl-] or the agent exits. */
export async function attachSession(context: CliContext, idOrName: string): Promise<void> {
  await context.ingest();
  const session = findSessionOrThrow(context, idOrName);
  assertRunning(session);
  if (session.hostPid === null) throw new CliError('no_host', `session ${session.id} was not started by ao, so there is no terminal to attach to`);
  if (!process.stdin.isTTY) throw new CliError('not_a_terminal', 'ao attach needs a terminal on stdin; use ao send to type into a session from a script');

  let socket: Socket;
  try {
    socket = await openSocket(sessionFiles(context.paths.home, session.id).socket, `the session host of ${session.id}`);
  } catch {
    process.stderr.write(`\r\ncannot reach the session host of ${session.id}\n`);
    return;
  }
  const stdin = process.stdin;
  let done: (message: string) => void = () => {};
  const finished = new Promise<string>((resolve) => (done = resolve));

  socket.on('error', () => done(`cannot reach the session host of ${session.id}`));
  socket.on('close', () => done('[detached: the session host closed the connection]'));
  let attached = false;
  socket.on(
    'data',
    lineReader((message) => {
      if (!attached) {
        const reply = message as HostReply;
        if (!reply.ok) return done(`attach refused: ${reply.error}`);
        attached = true;
        return;
      }
      const event = message as HostEvent;
      if (event.ev === 'output') process.stdout.write(Buffer.from(event.data, 'base64'));
      if (event.ev === 'exit') done(`[the agent exited${event.signal ? ` on ${event.signal}` : ` with code ${event.exitCode}`}]`);
    }),
  );
  socket.write(encodeLine({ op: 'attach', replay: true }));
  const resize = () => socket.write(encodeLine({ op: 'resize', cols: process.stdout.columns ?? 120, rows: process.stdout.rows ?? 40 }));
  resize();
  process.stdout.on('resize', resize);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.on('data', (chunk: Buffer) => {
    const detachAt = chunk.indexOf(DETACH_KEY);
    const input = detachAt >= 0 ? chunk.subarray(0, detachAt) : chunk;
    if (input.length > 0) socket.write(encodeLine({ op: 'write', data: input.toString('base64') }));
    if (detachAt >= 0) done('[detached]');
  });
  process.stderr.write(`[attached to ${session.id}; Ctrl-] detaches]\r\n`);

  const message = await finished;
  stdin.setRawMode(false);
  stdin.pause();
  process.stdout.off('resize', resize);
  socket.destroy();
  process.stderr.write(`\r\n${message}\n`);
}
