import { resolveAoHome } from '@ao/lifecycle';
import { daemonHealth, rememberUnresponsive } from './daemon/daemon-health.js';
import { buildId, daemonSocketPath, type SessionsRequest } from './daemon/daemon-protocol.js';
import { displayOptions } from './display-settings.js';
import { renderSessionTable } from './session-table.js';
import { requestBody, SocketClientError } from './socket-client.js';

/**
 * How long `ao ls` waits for the daemon's answer. It answers 1,000 sessions in a few tens of
 * milliseconds; one that takes longer is stuck (or stopped), and reading the store directly is
 * both correct and faster than waiting.
 */
const DAEMON_ANSWER_TIMEOUT_MS = 300;

/**
 * `ao ls [--all] [--json]` answered by a running daemon. Returns false (and prints nothing) when
 * no daemon of this build answers quickly; the caller then runs the ordinary command. A daemon
 * that is stopped is not asked at all; one that does not answer in time is remembered, and not
 * asked again for a few seconds (see daemon-health.ts).
 */
export async function tryDaemonList(args: string[]): Promise<boolean> {
  const aoHome = resolveAoHome();
  const health = daemonHealth(aoHome);
  if (health.state !== 'running') return false;
  const all = args.includes('--all');
  const json = args.includes('--json');
  let display;
  try {
    display = displayOptions(process.env, Date.now());
  } catch {
    return false; // the ordinary command reports the bad setting
  }
  const request: SessionsRequest = {
    op: 'sessions',
    all,
    build: buildId(),
    staleAfterMs: display.staleAfterMs as number,
    noSignalAfterMs: display.noSignalAfterMs as number,
  };
  let body: Buffer | null;
  try {
    body = await requestBody(daemonSocketPath(aoHome), request, { peer: 'the daemon', timeoutMs: DAEMON_ANSWER_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof SocketClientError && error.failure === 'timeout') rememberUnresponsive(aoHome, health.owner);
    return false;
  }
  if (body === null) return false;
  if (json) process.stdout.write(body);
  else process.stdout.write(renderSessionTable(JSON.parse(body.toString('utf8')), all, Date.now()));
  return true;
}
