import type { SessionObject } from '@ao/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { answerRequest, sendMessage } from './actions.js';
import type { Notices } from './notices.js';
import { relativeTime } from './relative-time.js';
import { askText, statusLabel } from './status-words.js';
import { sinceOf } from './session-order.js';

export function StatusBadge({ session }: { session: SessionObject }) {
  const label = statusLabel(session);
  return (
    <span class={`badge badge-${label.tone}`} data-status={session.status}>
      <span class="badge-icon" aria-hidden="true">
        {label.icon}
      </span>
      {label.words}
    </span>
  );
}

/** A time as "3 min ago", the exact time on hover and for assistive technology. */
export function Ago({ iso, now }: { iso: string | null | undefined; now: number }) {
  if (!iso) return <span>never</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso, now)}
    </time>
  );
}

/** Re-renders when this session's notice changes. */
function useNotice(notices: Notices, sessionId: string) {
  const [notice, setNotice] = useState(notices.get(sessionId));
  useEffect(() => notices.subscribe(() => setNotice(notices.get(sessionId))), [notices, sessionId]);
  return notice;
}

export function NoticeLine({ notices, sessionId }: { notices: Notices; sessionId: string }) {
  const notice = useNotice(notices, sessionId);
  // Always in the page, so a screen reader announces what is put into it.
  return (
    <div class="notice-slot" role={notice?.kind === 'refused' ? 'alert' : 'status'}>
      {notice && (
        <p class={`notice notice-${notice.kind}`}>
          <span class="notice-text">{notice.text}</span>
          <button type="button" class="link-button" onClick={() => notices.set(sessionId, null)} aria-label="Dismiss this message">
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

/** Runs one action at a time; the buttons say so while it runs. */
function useBusy(): [boolean, (work: () => Promise<void>) => void] {
  const [busy, setBusy] = useState(false);
  return [
    busy,
    (work) => {
      if (busy) return;
      setBusy(true);
      void work().finally(() => setBusy(false));
    },
  ];
}

/**
 * Answers to the open request as the page showed it: its id is in every call, so a click on a
 * request already answered elsewhere is refused (409 stale_request) and types nothing.
 */
export function RequestActions({ session, notices }: { session: SessionObject; notices: Notices }) {
  const [busy, run] = useBusy();
  const request = session.openRequest;
  const answerRef = useRef<HTMLInputElement>(null);
  if (!request) return null;
  const about = `${session.name}: ${askText(session) ?? ''}`;
  const act = (work: () => Promise<import('./notices.js').Notice>) => run(async () => notices.set(session.id, await work()));
  if (request.kind === 'question') {
    return (
      <form
        class="actions answer-form"
        onSubmit={(event) => {
          event.preventDefault();
          const text = answerRef.current?.value.trim() ?? '';
          if (text === '') return;
          act(() => sendMessage(session, text));
        }}
      >
        <label class="visually-hidden" for={`answer-${session.id}`}>
          Answer {about}
        </label>
        <input id={`answer-${session.id}`} ref={answerRef} type="text" placeholder="Your answer" autoComplete="off" required />
        <button type="submit" disabled={busy} aria-busy={busy}>
          Send answer
        </button>
      </form>
    );
  }
  return (
    <div class="actions" role="group" aria-label={`Answer ${about}`}>
      <button type="button" class="approve" disabled={busy} aria-busy={busy} aria-label={`Approve ${about}`} data-request-id={request.id} onClick={() => act(() => answerRequest(session, request.id, 'approve'))}>
        Approve
      </button>
      <button type="button" class="deny" disabled={busy} aria-label={`Deny ${about}`} data-request-id={request.id} onClick={() => act(() => answerRequest(session, request.id, 'deny'))}>
        Deny
      </button>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        aria-label={`Approve with checkpoint ${about}`}
        title="Record the working tree first (git work trees only), so ao restore can put it back"
        onClick={() => act(() => answerRequest(session, request.id, 'approve', true))}
      >
        Approve + checkpoint
      </button>
    </div>
  );
}

/** The two times every view of a session shows: since its status began, and its last signal. */
export function SinceAndLastSignal({ session, now }: { session: SessionObject; now: number }) {
  return (
    <>
      <div>
        <dt>Since</dt>
        <dd>
          <Ago iso={sinceOf(session)} now={now} />
        </dd>
      </div>
      <div>
        <dt>Last signal</dt>
        <dd>
          <Ago iso={session.lastSignalAt} now={now} />
        </dd>
      </div>
    </>
  );
}
