import type { SessionObject } from '@ao/protocol';
import { apiPost, sessionPath, type ApiFailure } from './api.js';
import { askText } from './status-words.js';
import type { Notice } from './notices.js';

/** A refusal in the daemon's words (it says what to do), with the code for those who look it up. */
function refused(what: string, failure: ApiFailure): Notice {
  return { kind: 'refused', text: `${what} refused: ${failure.message} (${failure.code})` };
}

/** Approve or deny the open request this row showed: bound to its id, so a stale click types nothing (409). */
export async function answerRequest(session: SessionObject, requestId: string, answer: 'approve' | 'deny', checkpoint = false): Promise<Notice> {
  const result = await apiPost<{ checkpoint: { n: number } | null; status: string }>(
    `${sessionPath(session.id)}/requests/${encodeURIComponent(requestId)}/${answer}`,
    checkpoint ? { checkpoint: true } : {},
  );
  const label = answer === 'approve' ? (checkpoint ? 'Approve with checkpoint' : 'Approve') : 'Deny';
  if (!result.ok) return refused(label, result.failure);
  const saved = result.body.checkpoint ? ` after saving checkpoint ${result.body.checkpoint.n}` : '';
  return { kind: 'done', text: `${answer === 'approve' ? 'Approved' : 'Denied'}${saved}: ${askText(session) ?? requestId}.` };
}

export async function sendMessage(session: SessionObject, text: string): Promise<Notice> {
  const result = await apiPost<{ acknowledged: boolean }>(`${sessionPath(session.id)}/messages`, { text });
  if (!result.ok) return refused('Send', result.failure);
  return { kind: 'done', text: result.body.acknowledged ? `Sent, and ${session.name} took it.` : `Typed into ${session.name}; it has not acknowledged it yet.` };
}

export async function killSession(session: SessionObject): Promise<Notice> {
  const result = await apiPost<SessionObject>(`${sessionPath(session.id)}/kill`, {});
  if (!result.ok) return refused('Kill', result.failure);
  return { kind: 'done', text: `${session.name} was stopped.` };
}
