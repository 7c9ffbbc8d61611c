import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { findSessionOrThrow } from './session-reads.js';
import { askHost, assertRunning } from '../commands/session-host-client.js';
import { pollUntil } from '../poll.js';

export interface SendInput {
  id: string;
  text: string;
  /** Send even while a permission dialog is open (the text would answer it). */
  force?: boolean;
  timeoutSeconds?: number;
}

const DEFAULT_TIMEOUT_S = 15;

/**
 * `send`: types the text into the agent, presses Enter, and waits for the harness to acknowledge
 * it with a `user-prompt-submit` signal. Refused while a permission dialog is open: a stray
 * keystroke there would answer it.
 */
export async function sendMessage(context: CliContext, input: SendInput) {
  const { text } = input;
  const timeoutMs = (input.timeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000;
  await context.ingest();
  const session = findSessionOrThrow(context, input.id);
  assertRunning(session);
  if (session.activityState === 'blocked' && !input.force) {
    throw new CliError(
      'session_blocked',
      `session ${session.id} is waiting on a permission dialog; typing now would answer it. Answer it (ao attach ${session.id}) or pass --force`,
    );
  }
  // Answering an open question is acknowledged by the session leaving waiting_input.
  const answering = session.activityState === 'waiting_input';
  // The host waits (bounded) until the harness takes input before typing.
  const reply = await askHost(context, session, { op: 'send', text, submit: true }, timeoutMs + 45_000);
  const sentAt = reply.sentAt ?? Date.now();
  let acknowledgedAt = await waitForAcknowledgement(context, session.id, sentAt, timeoutMs / 2, answering);
  if (acknowledgedAt === null && (await enterWasLost(context, session.id, sentAt, text))) {
    // A TUI still busy drawing can take the text but drop the Enter. Nothing at all has happened
    // since (no signal), and the text still sits on screen: press Enter once more.
    await askHost(context, session, { op: 'write', data: Buffer.from('\r').toString('base64') }).catch(() => undefined);
    acknowledgedAt = await waitForAcknowledgement(context, session.id, sentAt, timeoutMs / 2, answering);
  } else if (acknowledgedAt === null) {
    acknowledgedAt = await waitForAcknowledgement(context, session.id, sentAt, timeoutMs / 2, answering);
  }
  const fresh = context.store.getSession(session.id)!;
  const result = { id: session.id, delivered: true, acknowledged: acknowledgedAt !== null, activityState: fresh.activityState };
  if (acknowledgedAt === null) {
    throw new CliError(
      'not_acknowledged',
      `typed the text into session ${session.id} and pressed Enter, but ${fresh.harness} did not report a new prompt within ${timeoutMs / 1000} s; look at it with ao attach ${session.id}`,
    );
  }
  return { ...result, acknowledgedAt: new Date(acknowledgedAt).toISOString() };
}

/**
 * The capture time of the harness's acknowledgement at or after `since`: a user-prompt-submit,
 * or, when the text answered an open question, the session leaving waiting_input. Null at the timeout.
 */
async function waitForAcknowledgement(context: CliContext, sessionId: string, since: number, timeoutMs: number, answering: boolean): Promise<number | null> {
  const acknowledged = await pollUntil(
    async () => {
      await context.ingest();
      // Capture times come from the hook's clock; allow a little skew against the host's.
      const events = context.store.listEvents({ sessionId }).filter((event) => event.at >= since - 50);
      const ack = events.find((event) => (event.type !== 'external' && event.type !== 'lifecycle' && event.event === 'user-prompt-submit') || (answering && event.type === 'transition' && event.from === 'waiting_input'));
      return ack?.at;
    },
    { timeoutMs, intervalMs: 100 },
  );
  return acknowledged ?? null;
}

/** No signal at all since the text was typed, and the text is still on screen (in the input box). */
async function enterWasLost(context: CliContext, sessionId: string, since: number, text: string): Promise<boolean> {
  await context.ingest();
  // Only the agent's own signals count: ao's records and events attached from outside say nothing of it.
  const signalled = context.store.listEvents({ sessionId }).some((event) => (event.type === 'signal' || event.type === 'transition') && event.at >= since - 50);
  if (signalled) return false;
  const session = context.store.getSession(sessionId);
  if (!session) return false;
  try {
    const { screen } = await askHost(context, session, { op: 'screen' });
    const probe = text.trim().slice(0, 40);
    return probe.length > 0 && (screen ?? '').includes(probe);
  } catch {
    return false;
  }
}
