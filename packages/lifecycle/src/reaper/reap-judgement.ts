import type { ProbeResult } from './process-probe.js';

export interface SessionProbe {
  sessionId: string;
  first: ProbeResult;
  /** The confirming probe, taken a moment later, for sessions that looked dead. */
  second?: ProbeResult;
  /** The session host already recorded the agent's exit (one dead probe then suffices). */
  hostExitRecorded: boolean;
}

export interface BreakerPolicy {
  /** The breaker only considers passes that probed at least this many sessions. */
  minProbed: number;
  /** … and trips when more than this fraction of them look dead. */
  deadFraction: number;
  /**
   * After this many consecutive tripped passes the deaths are taken as real: a user who killed
   * all their agents must not see them alive forever. (An addition to the original design: docs/reaper.md.)
   */
  trustAfterTrips: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { minProbed: 5, deadFraction: 0.5, trustAfterTrips: 3 };

export interface Judgement {
  /** Sessions to mark exited + terminated. */
  confirmedDead: string[];
  /** The pass looked like a probe failure, not a mass death: nothing is written. */
  inconclusive: boolean;
  /** The breaker counter to persist for the next pass. */
  breakerTrips: number;
}

function isConfirmed(probe: SessionProbe): boolean {
  if (probe.first !== 'dead') return false;
  return probe.hostExitRecorded || probe.second === 'dead';
}

/**
 * Pure: which sessions a reaper pass may mark dead. Stickiness is not an input on purpose: a
 * session blocked on a permission dialog dies like any other (the peer's bug we must not have).
 */
export function judgeReapPass(probes: SessionProbe[], previousTrips: number, policy: BreakerPolicy = DEFAULT_BREAKER): Judgement {
  const probed = probes.filter((probe) => probe.first !== 'failed');
  const confirmed = probes.filter(isConfirmed);
  // Deaths the session host itself reported are not probe artefacts: the breaker does not hold them.
  const corroborated = confirmed.filter((probe) => probe.hostExitRecorded).map((probe) => probe.sessionId);
  const looksDead = probed.filter((probe) => probe.first === 'dead').length;
  const tripped = probed.length >= policy.minProbed && looksDead > probed.length * policy.deadFraction;
  if (!tripped) return { confirmedDead: confirmed.map((probe) => probe.sessionId), inconclusive: false, breakerTrips: 0 };
  const trips = previousTrips + 1;
  if (trips >= policy.trustAfterTrips) {
    return { confirmedDead: confirmed.map((probe) => probe.sessionId), inconclusive: false, breakerTrips: 0 };
  }
  return { confirmedDead: corroborated, inconclusive: true, breakerTrips: trips };
}
