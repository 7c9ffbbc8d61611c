import { markDead, probeProcess, type SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { findSessionOrThrow } from './session-reads.js';
import { askHost } from '../commands/session-host-client.js';
import { pollUntil } from '../poll.js';

export interface KillInput {
  id: string;
  /** Seconds between SIGTERM and SIGKILL (default 5). */
  graceSeconds?: number;
}

function alive(session: SessionRecord): boolean {
  return session.pid !== null && probeProcess(session.pid, session.pidStartTime) !== 'dead';
}

async function waitForDeath(session: SessionRecord, timeoutMs: number): Promise<boolean> {
  return (await pollUntil(() => (alive(session) ? undefined : true), { timeoutMs, intervalMs: 50 })) ?? false;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * `kill`: asks the agent to stop (SIGTERM), then forces it (SIGKILL) after the grace period;
 * marks the session terminated and keeps its record and log.
 */
export async function killSession(context: CliContext, input: KillInput) {
  const graceMs = (input.graceSeconds ?? 5) * 1000;
  await context.ingest();
  const session = findSessionOrThrow(context, input.id);
  let stopped = !alive(session);
  if (!stopped) {
    let viaHost = false;
    if (session.hostPid !== null) {
      try {
        await askHost(context, session, { op: 'kill', graceMs });
        viaHost = true;
      } catch {
        // the host is gone: signal the agent directly
      }
    }
    if (!viaHost && session.pid !== null) {
      signal(session.pid, 'SIGTERM');
      if (!(await waitForDeath(session, graceMs))) signal(session.pid, 'SIGKILL');
    }
    stopped = await waitForDeath(session, graceMs + 3000);
  }
  // Let the host's exit record land first, so the log says how the process ended.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await context.ingest();
  const current = context.store.getSession(session.id)!;
  if (stopped && !current.terminated) context.store.transaction(() => markDead(context.store, context.store.getSession(session.id)!, context.now(), 'killed'));
  if (!stopped) throw new CliError('still_running', `session ${session.id} did not stop (pid ${session.pid}); it may need root to be killed`);
  return { id: session.id, stopped, terminated: context.store.getSession(session.id)!.terminated };
}
