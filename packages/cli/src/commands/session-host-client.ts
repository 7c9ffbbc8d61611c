import type { SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { sessionFiles } from '../host/launch-spec.js';
import { requestHost, type HostReply, type HostRequest } from '../host/host-protocol.js';
import { SocketClientError } from '../socket-client.js';

/** A request to a session's host, with errors a user can act on. */
export async function askHost(context: CliContext, session: SessionRecord, request: HostRequest, timeoutMs = 5000): Promise<HostReply & { ok: true }> {
  if (session.hostPid === null) {
    throw new CliError('no_host', `session ${session.id} was not started by ao (it was registered), so ao cannot type into it or attach to it`);
  }
  let reply: HostReply;
  try {
    reply = await requestHost(sessionFiles(context.paths.home, session.id).socket, request, timeoutMs);
  } catch (error) {
    if (error instanceof SocketClientError) throw new CliError('host_unreachable', `session ${session.id}: ${error.message}; is it still running? (ao status ${session.id})`);
    throw error;
  }
  if (!reply.ok) throw new CliError('host_error', `session ${session.id}: ${reply.error}`);
  return reply;
}

export function assertRunning(session: SessionRecord): void {
  if (session.terminated || session.activityState === 'exited') {
    throw new CliError('not_running', `session ${session.id} has ${session.terminated ? 'been terminated' : 'exited'}`);
  }
}
