import type { SessionObject } from '@ao/protocol';
import { useState } from 'preact/hooks';
import { NoticeLine, RequestActions, SinceAndLastSignal, StatusBadge } from './components.js';
import type { LiveSessions } from './live-sessions.js';
import type { Notices } from './notices.js';
import { shortPath } from './relative-time.js';
import { groupOf, orderSessions } from './session-order.js';
import { askText, GROUP_TITLES } from './status-words.js';
import { useLive, useNow } from './use-live.js';

function SessionRow({ session, notices, now }: { session: SessionObject; notices: Notices; now: number }) {
  const ask = askText(session);
  const group = groupOf(session);
  return (
    <li class={`row row-${group}`} data-session-id={session.id} data-group={group}>
      <div class="row-head">
        <a class="name" href={`#/sessions/${encodeURIComponent(session.id)}`}>
          {session.name}
        </a>
        <span class="harness">{session.harness}</span>
        <StatusBadge session={session} />
      </div>
      {ask !== null && (
        <p class="ask">
          <span class="ask-label">{session.openRequest?.kind === 'question' ? 'Asks' : 'Wants to run'}</span> <code>{ask}</code>
        </p>
      )}
      {group === 'error' && session.lastError && (
        <p class="ask error-text">
          <span class="ask-label">Error</span> {session.lastError}
        </p>
      )}
      <dl class="facts">
        <SinceAndLastSignal session={session} now={now} />
        <div>
          <dt>Directory</dt>
          <dd title={session.cwd}>{shortPath(session.cwd)}</dd>
        </div>
        <div>
          <dt>Branch</dt>
          <dd>{session.branch ?? '—'}</dd>
        </div>
      </dl>
      <RequestActions session={session} notices={notices} />
      <NoticeLine notices={notices} sessionId={session.id} />
    </li>
  );
}

/** Rows shown per group until the user asks for all: the top of a 1,000-session list renders at once. */
const ROWS_PER_GROUP = 50;

export function SessionList({ live, notices }: { live: LiveSessions; notices: Notices }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const state = useLive(live);
  const now = useNow();
  const groups = orderSessions(state.sessions, { showTerminated: state.showTerminated });
  return (
    <main id="main" class="list-page">
      <div class="list-head">
        <h1>Sessions</h1>
        <label class="toggle">
          <input type="checkbox" checked={state.showTerminated} onChange={(event) => live.setShowTerminated((event.currentTarget as HTMLInputElement).checked)} />
          Show terminated
        </label>
      </div>
      {!state.loaded && <p class="empty">Loading…</p>}
      {state.loaded && groups.length === 0 && (
        <p class="empty">
          No sessions. Start one with <code>ao spawn --agent demo</code>.
        </p>
      )}
      {groups.map(({ group, sessions }) => (
        <section class="group" key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>
            {GROUP_TITLES[group]} <span class="count">({sessions.length})</span>
          </h2>
          <ul class="rows" role="list">
            {(expanded.has(group) ? sessions : sessions.slice(0, ROWS_PER_GROUP)).map((session) => (
              <SessionRow key={session.id} session={session} notices={notices} now={now} />
            ))}
          </ul>
          {!expanded.has(group) && sessions.length > ROWS_PER_GROUP && (
            <button type="button" class="more" onClick={() => setExpanded(new Set([...expanded, group]))}>
              Show all {sessions.length} ({sessions.length - ROWS_PER_GROUP} more)
            </button>
          )}
        </section>
      ))}
    </main>
  );
}
