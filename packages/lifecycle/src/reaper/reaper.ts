import type { Store } from '../store/store.js';
import type { SessionRecord } from '../store/session-record.js';
import type { TerminationReason } from '../store/event-names.js';
import { listProbeTargets } from '../store/session-queries.js';
import { silentLogger, type LifecycleLogger } from '../logger.js';
import { probeProcess, type ProbeResult } from './process-probe.js';
import { DEFAULT_BREAKER, judgeReapPass, type BreakerPolicy, type SessionProbe } from './reap-judgement.js';

export interface ReaperOptions {
  store: Store;
  probe?: (pid: number, startTime: string | null) => ProbeResult;
  /** Pause before the confirming probe of a session that looked dead. */
  confirmDelayMs?: number;
  breaker?: BreakerPolicy;
  logger?: LifecycleLogger;
  now?: () => number;
}

export interface ReapReport {
  probed: number;
  alive: number;
  failed: number;
  inconclusive: boolean;
  reaped: { id: string; from: string | null }[];
}

const BREAKER_KEY = 'reaper.breakerTrips';

type ProcessIdentity = Pick<SessionRecord, 'pid' | 'pidStartTime' | 'hostPid' | 'hostStartTime'>;

/** A session is dead when every process ao knows for it (its host, its agent) is dead. */
export function probeSession(session: ProcessIdentity, probe: ReaperOptions['probe'] = probeProcess): ProbeResult {
  const results: ProbeResult[] = [];
  if (session.hostPid !== null) results.push(probe(session.hostPid, session.hostStartTime));
  // A live host settles it: the agent's probe can only add "alive" or "dead" to an alive session.
  if (results[0] !== 'alive' && session.pid !== null) results.push(probe(session.pid, session.pidStartTime));
  if (results.length === 0 || results.includes('alive')) return 'alive';
  if (results.includes('failed')) return 'failed';
  return 'dead';
}

/** One reaper pass (docs/reaper.md): probe, confirm, judge, and mark confirmed deaths. */
export async function reapOnce(options: ReaperOptions): Promise<ReapReport> {
  const { store } = options;
  const probe = options.probe ?? probeProcess;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const sessions = listProbeTargets(store);

  const probes: SessionProbe[] = sessions.map((session) => ({
    sessionId: session.id,
    first: probeSession(session, probe),
    hostExitRecorded: session.exitRecorded,
  }));
  const suspects = probes.filter((entry) => entry.first === 'dead' && !entry.hostExitRecorded);
  if (suspects.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, options.confirmDelayMs ?? 100));
    const byId = new Map(sessions.map((session) => [session.id, session]));
    for (const suspect of suspects) suspect.second = probeSession(byId.get(suspect.sessionId)!, probe);
  }

  const report: ReapReport = {
    probed: probes.length,
    alive: probes.filter((entry) => entry.first === 'alive').length,
    failed: probes.filter((entry) => entry.first === 'failed').length,
    inconclusive: false,
    reaped: [],
  };
  const policy = options.breaker ?? DEFAULT_BREAKER;
  // A pass with nothing to write takes no write lock: every read without a daemon runs one.
  const seenTrips = Number(store.getMeta(BREAKER_KEY) ?? '0');
  const preview = judgeReapPass(probes, seenTrips, policy);
  if (preview.confirmedDead.length === 0 && preview.breakerTrips === seenTrips) return report;
  store.transaction(() => {
    const previousTrips = Number(store.getMeta(BREAKER_KEY) ?? '0');
    const judgement = judgeReapPass(probes, previousTrips, policy);
    report.inconclusive = judgement.inconclusive;
    if (judgement.breakerTrips !== previousTrips) store.setMeta(BREAKER_KEY, String(judgement.breakerTrips));
    if (judgement.inconclusive) logger.warn({ probed: probes.length, trips: judgement.breakerTrips }, 'reaper pass inconclusive: too many sessions look dead at once');
    for (const id of judgement.confirmedDead) {
      const session = store.getSession(id);
      if (!session || session.terminated) continue;
      markDead(store, session, now());
      report.reaped.push({ id, from: session.activityState });
      logger.info({ sessionId: id, from: session.activityState }, 'session reaped: process is dead');
    }
  });
  return report;
}

/** Marks a session exited + terminated whatever its activity state, and logs both facts. */
export function markDead(store: Store, session: SessionRecord, at: number, reason: TerminationReason = 'process-dead'): void {
  if (session.activityState !== 'exited') {
    store.appendEvent({ sessionId: session.id, type: 'transition', event: reason, from: session.activityState, to: 'exited', at, launchId: session.launchId });
  }
  store.appendEvent({ sessionId: session.id, type: 'lifecycle', event: 'terminated', at, launchId: session.launchId, data: { reason } });
  store.saveSession({
    ...session,
    activityState: 'exited',
    terminated: true,
    terminatedAt: at,
    terminatedReason: reason,
    toolsInFlight: [],
    blockedTool: null,
    openRequest: null,
    lastTransitionAt: session.activityState !== 'exited' ? at : session.lastTransitionAt,
    updatedAt: at,
  });
}
