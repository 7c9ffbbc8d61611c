import type { SessionObject } from '@ao/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { killSession, sendMessage } from './actions.js';
import { apiGet, sessionPath } from './api.js';
import { NoticeLine, RequestActions, SinceAndLastSignal, StatusBadge } from './components.js';
import type { LiveSessions } from './live-sessions.js';
import type { Notices } from './notices.js';
import { askText } from './status-words.js';
import { TerminalView } from './terminal-view.js';
import { Timeline } from './timeline.js';
import { useLive, useNow } from './use-live.js';
import { usageWords } from './usage-words.js';

function SendForm({ session, notices }: { session: SessionObject; notices: Notices }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="send-form"
      onSubmit={(event) => {
        event.preventDefault();
        const text = input.current?.value.trim() ?? '';
        if (text === '' || busy) return;
        setBusy(true);
        void sendMessage(session, text)
          .then((notice) => {
            notices.set(session.id, notice);
            if (notice.kind === 'done' && input.current) input.current.value = '';
          })
          .finally(() => setBusy(false));
      }}
    >
      <label for="message">Message to {session.name}</label>
      <textarea id="message" ref={input} rows={2} required placeholder="Type a prompt; Send submits it as if typed in its terminal" />
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}

/** Kill asks first: the confirmation takes the focus, and Cancel is the default. */
function KillControl({ session, notices }: { session: SessionObject; notices: Notices }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  if (session.terminated) return <p class="empty">This session has ended.</p>;
  if (!confirming) {
    return (
      <button
        type="button"
        class="danger"
        onClick={() => setConfirming(true)}
      >
        Kill…
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="kill-question">
      <p id="kill-question">Stop {session.name}? Its agent gets SIGTERM, then SIGKILL after 5 seconds. Its record stays.</p>
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void killSession(session)
            .then((notice) => notices.set(session.id, notice))
            .finally(() => {
              setBusy(false);
              setConfirming(false);
            });
        }}
      >
        Yes, kill {session.name}
      </button>
      <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}

/**
 * This one session, as the list has it, or read by itself (a terminated session is not in the
 * live list): read again on each of its events, so its page stays current after it ended.
 */
function useSessionObject(id: string, live: LiveSessions, listed: SessionObject | undefined): { session: SessionObject | undefined; missing: boolean } {
  const [own, setOwn] = useState<SessionObject | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let reading = false;
    let again = false;
    const read = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      const result = await apiGet<SessionObject>(sessionPath(id));
      reading = false;
      if (result.ok) setOwn(result.body);
      setMissing(!result.ok && result.failure.status === 404);
      if (again) {
        again = false;
        void read();
      }
    };
    void read();
    return live.onEvent((event) => {
      if (event.sessionId === id || event.sessionId === own?.id) void read();
    });
  }, [id, live]);
  return { session: listed ?? own, missing };
}

export function SessionPage({ id, live, notices }: { id: string; live: LiveSessions; notices: Notices }) {
  const state = useLive(live);
  const now = useNow();
  const listed = state.sessions.find((candidate) => candidate.id === id || candidate.name === id);
  const { session, missing } = useSessionObject(id, live, listed);
  if (!session) {
    return (
      <main id="main" class="session-page">
        <p>
          <a href="#/">← All sessions</a>
        </p>
        <p class="empty">{missing ? `No session ${id}: it was removed, or never existed.` : 'Loading…'}</p>
      </main>
    );
  }
  const ask = askText(session);
  return (
    <main id="main" class="session-page">
      <p>
        <a href="#/">← All sessions</a>
      </p>
      <div class="session-title">
        <h1>{session.name}</h1>
        <StatusBadge session={session} />
      </div>
      <dl class="facts facts-wide">
        <div>
          <dt>Harness</dt>
          <dd>{session.harness}</dd>
        </div>
        <SinceAndLastSignal session={session} now={now} />
        <div>
          <dt>Directory</dt>
          <dd class="path">{session.cwd}</dd>
        </div>
        <div>
          <dt>Branch</dt>
          <dd>{session.branch ?? '—'}</dd>
        </div>
        {usageWords(session.usage) !== null && (
          <div>
            <dt>Usage</dt>
            <dd>{usageWords(session.usage)}</dd>
          </div>
        )}
        {session.lastError && (
          <div>
            <dt>Last error</dt>
            <dd class="error-text">{session.lastError}</dd>
          </div>
        )}
      </dl>
      {session.openRequest && (
        <section class="panel panel-attention" aria-labelledby="waiting">
          <h2 id="waiting">{session.openRequest.kind === 'question' ? 'It asks you' : 'It wants to run'}</h2>
          <p class="ask">
            <code>{ask}</code>
          </p>
          <RequestActions session={session} notices={notices} />
        </section>
      )}
      <NoticeLine notices={notices} sessionId={session.id} />
      {!session.terminated && (
        <section class="panel" aria-labelledby="send">
          <h2 id="send">Send a message</h2>
          <SendForm session={session} notices={notices} />
        </section>
      )}
      <section class="panel" aria-labelledby="terminal">
        <h2 id="terminal">Terminal</h2>
        {session.hostPid !== null || session.launchId !== null ? <TerminalView sessionId={session.id} /> : <p class="empty">ao did not start this session (it was registered): there is no terminal to show.</p>}
      </section>
      <section class="panel" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <Timeline sessionId={session.id} live={live} now={now} />
      </section>
      <section class="panel" aria-labelledby="stop">
        <h2 id="stop">Stop</h2>
        <KillControl session={session} notices={notices} />
      </section>
    </main>
  );
}
