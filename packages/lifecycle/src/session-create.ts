import type { Store } from './store/store.js';
import type { SessionRecord } from './store/session-record.js';
import { newId } from './session-ids.js';
import type { LifecycleEvent } from './store/event-names.js';

export interface NewSession {
  /** A pre-chosen id (spawn picks it before the launch files are written); else a new one. */
  id?: string;
  harness: string;
  cwd: string;
  name?: string;
  pid?: number | null;
  pidStartTime?: string | null;
  hostPid?: number | null;
  hostStartTime?: string | null;
  launchId?: string | null;
  expectsStartupSignal: boolean;
  worktree?: string | null;
  launchedAt?: number | null;
  now: number;
}

export class SessionNameTakenError extends Error {
  readonly code = 'name_taken';
}

/** The record of a new session, not yet stored. */
export function buildSession(input: NewSession & { id: string; name: string }): SessionRecord {
  return {
    id: input.id,
    harness: input.harness,
    name: input.name,
    cwd: input.cwd,
    pid: input.pid ?? null,
    pidStartTime: input.pidStartTime ?? null,
    hostPid: input.hostPid ?? null,
    hostStartTime: input.hostStartTime ?? null,
    launchId: input.launchId ?? null,
    expectsStartupSignal: input.expectsStartupSignal,
    activityState: null,
    terminated: false,
    terminatedAt: null,
    terminatedReason: null,
    toolsInFlight: [],
    blockedTool: null,
    openRequest: null,
    requestsOpened: 0,
    facts: {},
    worktree: input.worktree ?? null,
    hookFirerPid: null,
    createdAt: input.now,
    launchedAt: input.launchedAt ?? input.now,
    firstSignalAt: null,
    lastSignalAt: null,
    lastTransitionAt: null,
    updatedAt: input.now,
    lastExternalEvent: null,
    usage: null,
    usageCheckpoint: null,
  };
}

/** Stores a new session and logs its creation, in one transaction; picks a free default name. */
export function createSession(store: Store, input: NewSession, lifecycleEvent: Extract<LifecycleEvent, 'registered' | 'spawned'> = 'registered'): SessionRecord {
  return store.transaction(() => {
    if (input.name !== undefined && store.nameTaken(input.name)) {
      throw new SessionNameTakenError(`a session named "${input.name}" already exists`);
    }
    const id = input.id ?? newId();
    const name = input.name ?? defaultName(store, input.harness);
    const session = buildSession({ ...input, id, name });
    store.insertSession(session);
    store.appendEvent({
      sessionId: id,
      type: 'lifecycle',
      event: lifecycleEvent,
      at: input.now,
      launchId: session.launchId,
      data: { harness: input.harness, cwd: input.cwd, pid: session.pid },
    });
    return session;
  });
}

function defaultName(store: Store, harness: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${harness}-${n}`;
    if (!store.nameTaken(candidate)) return candidate;
  }
}
