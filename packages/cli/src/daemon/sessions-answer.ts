import { displayStatusChangesAt, gitBranchOf, sessionView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import type { SessionsRequest } from './daemon-protocol.js';

export type { SessionsRequest };

/**
 * The daemon's answer to `ao ls [--all] --json`: the document, rendered once and reused for as
 * long as a fresh read would give the very same bytes: the store has not changed (data_version
 * moves when another connection commits, total_changes() when this one does), the request asks
 * the same thing, and no session's display status has aged past a threshold since (the earliest
 * such moment is known: displayStatusChangesAt). Rendering 1,000 sessions is most of an answer.
 */
/** How a door writes the session objects: `ao ls --json`'s pretty array by default. */
export type SessionsRender = (views: ReturnType<typeof sessionView>[]) => Buffer;

const lsDocument: SessionsRender = (views) => Buffer.from(`${JSON.stringify(views, null, 2)}\n`);

export interface SessionsAnswerer {
  (request: SessionsRequest): Buffer;
  /** When the last answer stops being true by time alone (a status ages), in ms; null: never. */
  validUntil(): number | null;
}

export function sessionsAnswerer(context: CliContext, render: SessionsRender = lsDocument): SessionsAnswerer {
  let cached: { key: string; validUntil: number | null; body: Buffer; branches: Map<string, string | null> } | undefined;
  // A checkout changes no row of the store: the rendered branches are checked (a stat per directory).
  const sameBranches = (branches: Map<string, string | null>) => [...branches].every(([cwd, branch]) => gitBranchOf(cwd) === branch);
  const answer = (request: SessionsRequest): Buffer => {
    const db = context.store.db;
    const all = request.all === true;
    const storeVersion = `${db.pragma('data_version', { simple: true })}:${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;
    const key = `${storeVersion}:${all}:${request.staleAfterMs}:${request.noSignalAfterMs}`;
    const now = context.now();
    if (cached && cached.key === key && (cached.validUntil === null || now < cached.validUntil) && sameBranches(cached.branches)) return cached.body;
    const options = { now, staleAfterMs: request.staleAfterMs, noSignalAfterMs: request.noSignalAfterMs };
    let validUntil: number | null = null;
    const views = context.store.listSessions({ all }).map((session) => {
      const changesAt = displayStatusChangesAt(session, options);
      if (changesAt !== null && (validUntil === null || changesAt < validUntil)) validUntil = changesAt;
      return sessionView(session, options);
    });
    const body = render(views);
    cached = { key, validUntil, body, branches: new Map(views.map((view) => [view.cwd, view.branch])) };
    return body;
  };
  return Object.assign(answer, { validUntil: () => cached?.validUntil ?? null });
}
