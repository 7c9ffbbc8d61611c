/**
 * Which session a captured signal belongs to (docs/signal-path.md, "Which session a signal belongs
 * to"). Pure: the caller looks the sessions up.
 *
 * A hook names its session twice at most: `AO_SESSION_ID` in its environment (set by ao for an
 * agent it spawned, and inherited by every process that agent starts) and a `--session` argument
 * (baked into the hooks `ao register` installs in a project). Neither alone says who fired it:
 * - an agent started by a spawned agent's tool inherits the spawned agent's AO_SESSION_ID, and in a
 *   registered project its hooks carry that project's `--session` too;
 * - an agent ao spawned inside a registered project fires both its launch hooks and the project's.
 * The process that fired the hook settles it: the first process ao sees fire a hook for a launch
 * is that launch's agent (no tool runs before the agent's first hook), and a later hook fired by
 * another process did not come from it.
 */

export interface OwnerCandidate {
  harness: string;
  /** The pid that fired this session's hooks first (null until one did). */
  hookFirerPid: number | null;
}

export interface SignalOwnerInput {
  /** The adapter id of the signal's harness (canonical). */
  harness: string;
  /** The header's session: AO_SESSION_ID when set, else the `--session` argument. */
  sessionId: string;
  sessionArg: string | null;
  firer: number | null;
}

export type SignalOwner =
  /**
   * `launchIdApplies`: the record's launch id (AO_LAUNCH_ID, inherited with AO_SESSION_ID) speaks
   * for the owner; false when the owner is the `--session` one and the environment was another's.
   */
  | { owner: string; launchIdApplies: boolean; claimFirer?: number }
  | { owner: null; reason: 'fired-by-nested-agent' | 'duplicate-of-launch-hook'; detail: string };

export function resolveSignalOwner(input: SignalOwnerInput, lookup: (id: string) => OwnerCandidate | undefined): SignalOwner {
  const { sessionId, sessionArg, firer } = input;
  // The environment named a session when the header's session is not just the argument (a firer
  // is only read when AO_SESSION_ID is set).
  const envId = sessionArg === null || sessionId !== sessionArg || firer !== null ? sessionId : null;
  if (envId === null) return { owner: sessionId, launchIdApplies: true };
  const envSession = lookup(envId);
  // Unknown here (another AO_HOME's session, or none): the argument, if any, is all there is.
  if (envSession === undefined) return sessionArg !== null ? { owner: sessionArg, launchIdApplies: false } : { owner: envId, launchIdApplies: true };

  const firedByEnvAgent = envSession.harness === input.harness && (firer === null || envSession.hookFirerPid === null || envSession.hookFirerPid === firer);
  if (firedByEnvAgent) {
    if (sessionArg !== null && sessionArg !== envId) {
      return {
        owner: null,
        reason: 'duplicate-of-launch-hook',
        detail: `a hook installed for session ${sessionArg} fired inside session ${envId}, whose own hooks report it`,
      };
    }
    return firer !== null && envSession.hookFirerPid === null ? { owner: envId, launchIdApplies: true, claimFirer: firer } : { owner: envId, launchIdApplies: true };
  }
  if (sessionArg !== null) return { owner: sessionArg, launchIdApplies: false };
  return {
    owner: null,
    reason: 'fired-by-nested-agent',
    detail: `fired by pid ${firer}, not by session ${envId}'s agent (pid ${envSession.hookFirerPid}): an agent it started inherited AO_SESSION_ID`,
  };
}
