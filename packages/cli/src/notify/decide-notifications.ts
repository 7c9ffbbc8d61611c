import { needsInputReason } from '@ao/activity-dispatch';
import type { EventRecord, SessionRecord, StoredOpenRequest } from '@ao/lifecycle';
import type { NotificationKind } from './notification-kinds.js';

/**
 * What the daemon tells the user, decided from new event-log entries and the sessions they
 * concern (docs/notifications.md, "What is notified"). Pure: no IO, no clock (`now` is given).
 *
 * Each decision carries a key that names the thing notified, so that deciding again (another
 * entry of the same episode, a daemon restarted over the same entries) yields the same key and
 * the store's primary key keeps it to one notification.
 */
export type NotificationDecision =
  | (DecisionBase & { kind: 'needs-input'; request: StoredOpenRequest })
  | (DecisionBase & { kind: 'turn-error'; error: string })
  | (DecisionBase & { kind: 'agent-died'; exit: string | null })
  | (DecisionBase & { kind: 'turn-done' });

interface DecisionBase {
  key: string;
  kind: Exclude<NotificationKind, 'test'>;
  /** The entry it was decided from. */
  seq: number;
  /** When it happened (ms since the epoch). */
  at: number;
  session: SessionRecord;
}

export interface DecisionSettings {
  /** Notify every turn that ends normally (off by default: it is most of what agents do). */
  turnDone: boolean;
}

export interface DecisionInput {
  /** New entries of the event log, in seq order. */
  events: readonly EventRecord[];
  /** The session as it is now (entries are decided late after a restart: the present decides what still matters). */
  sessionOf: (id: string) => SessionRecord | undefined;
  settings: DecisionSettings;
  now: number;
}

/**
 * Entries older than this are history by the time they are read (the daemon was down for long):
 * a failed turn or a death an hour ago is not news worth an interruption. A dialog still open is
 * news however old: it still waits.
 */
export const NEWS_MAX_AGE_MS = 60 * 60 * 1000;

/** Turn ends that carry an error: the error is the news. */
const ERROR_TURN_ENDS: ReadonlySet<string> = new Set(['stop-failure', 'turn-ended']);

/**
 * How an agent ends when someone meant it to: a clean exit, or a stop asked for by a signal
 * (`ao kill` sends SIGTERM; Ctrl-C is SIGINT; 130 and 143 are the shell's codes for those two).
 * Anything else the session host recorded (a crash's exit code, SIGKILL, SIGSEGV) is unexpected.
 */
const DELIBERATE_EXITS: ReadonlySet<string> = new Set([
  'exit code 0',
  'exit code 130',
  'exit code 143',
  'signal SIGTERM',
  'signal SIGINT',
  'signal SIGHUP',
]);

export function decideNotifications(input: DecisionInput): NotificationDecision[] {
  const decisions: NotificationDecision[] = [];
  const keys = new Set<string>();
  for (const event of input.events) {
    const session = input.sessionOf(event.sessionId);
    if (session === undefined) continue; // removed since (ao rm): nothing left to point at
    const decision = decide(event, session, input);
    if (decision === null || keys.has(decision.key)) continue;
    keys.add(decision.key);
    decisions.push(decision);
  }
  return decisions;
}

function decide(event: EventRecord, session: SessionRecord, input: DecisionInput): NotificationDecision | null {
  const base = { seq: event.seq, at: event.at, session };
  if (opensDialog(event)) {
    // The dialog the session waits on now: when the one this entry opened is answered already, a
    // "needs you" for it would be stale, and a later one still open is the news instead.
    const request = openRequestOf(session);
    return request === null ? null : { ...base, kind: 'needs-input', key: `needs-input:${request.id}`, at: request.askedAt, request };
  }
  if (event.type !== 'transition' || input.now - event.at > NEWS_MAX_AGE_MS) return null;
  if (ERROR_TURN_ENDS.has(event.event)) {
    const error = stringField(event.data, 'error') ?? (event.event === 'stop-failure' ? (session.facts.lastError ?? 'the turn ended on an error') : null);
    if (error !== null) return { ...base, kind: 'turn-error', key: `turn-error:${event.seq}`, error };
  }
  if (event.to === 'exited' && diedUnexpectedly(event, session)) {
    const exit = event.event === 'process-exited' ? stringField(event.data, 'reason') : null;
    return { ...base, kind: 'agent-died', key: `agent-died:${session.id}:${event.launchId ?? 'adopted'}`, exit };
  }
  // A turn that ended normally (an error was decided above; an interrupt is the user's own doing).
  if (input.settings.turnDone && event.from === 'active' && event.to === 'idle' && event.event !== 'interrupt') {
    return { ...base, kind: 'turn-done', key: `turn-done:${event.seq}` };
  }
  return null;
}

/**
 * An entry that may open a dialog: a move into `blocked` or `waiting_input`, or a permission
 * request while the session stays blocked (a second dialog, docs/reducer.md "Open requests").
 */
function opensDialog(event: EventRecord): boolean {
  if (event.type === 'transition') return event.to === 'blocked' || event.to === 'waiting_input';
  return event.type === 'signal' && event.event === 'permission-request';
}

/**
 * The dialog a session waits on right now, or null: it is live, and in the state of the
 * request's kind (as the session object shows `openRequest`).
 */
export function openRequestOf(session: SessionRecord): StoredOpenRequest | null {
  const request = session.openRequest;
  if (request === null || session.terminated || request.kind !== needsInputReason(session.activityState)) return null;
  return request;
}

/**
 * The reaper found the process gone with no exit recorded (`process-dead`), or the session host
 * saw it end in a way nobody asked for. `killed` (ao kill) never counts.
 */
function diedUnexpectedly(event: EventRecord, session: SessionRecord): boolean {
  if (session.terminatedReason === 'killed') return false;
  if (event.event === 'process-dead') return true;
  if (event.event !== 'process-exited') return false;
  const reason = stringField(event.data, 'reason');
  return reason === null || !DELIBERATE_EXITS.has(reason);
}

function stringField(data: Record<string, unknown> | null, name: string): string | null {
  const value = data?.[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
