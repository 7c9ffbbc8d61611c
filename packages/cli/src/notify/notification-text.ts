import type { SessionView } from '@ao/lifecycle';
import type { NotificationDecision } from './decide-notifications.js';
import { PRIORITY_OF, highestPriority, type Notification, type Priority } from './notification-kinds.js';

/**
 * The words of a notification and of a group of them (docs/notifications.md, "Messages"). Pure.
 */

/** The session's page in the dashboard, which routes by hash. */
export function sessionLink(apiUrl: string | null, sessionId: string): string | null {
  return apiUrl === null ? null : `${apiUrl}/#/sessions/${encodeURIComponent(sessionId)}`;
}

/** The dashboard's home: where a group of notifications about several sessions points. */
export function dashboardLink(apiUrl: string | null): string | null {
  return apiUrl === null ? null : `${apiUrl}/#/`;
}

/** A decision as the notification a sink receives. `view` is the session object of that moment. */
export function describeNotification(decision: NotificationDecision, view: SessionView, apiUrl: string | null): Notification {
  const { title, message, request = null, error = null } = wordsOf(decision);
  // Field order is the order a reader of the JSON wants: what, why, then the details.
  return {
    key: decision.key,
    kind: decision.kind,
    priority: PRIORITY_OF[decision.kind],
    title,
    message,
    at: new Date(decision.at).toISOString(),
    seq: decision.seq,
    sessionId: decision.session.id,
    session: view,
    request,
    error,
    link: sessionLink(apiUrl, decision.session.id),
  };
}

function wordsOf(decision: NotificationDecision): Pick<Notification, 'title' | 'message'> & Partial<Pick<Notification, 'request' | 'error'>> {
  const name = decision.session.name;
  switch (decision.kind) {
    case 'needs-input': {
      const { request } = decision;
      const permission = request.kind === 'permission';
      return {
        title: permission ? `${name} needs your permission` : `${name} asks you a question`,
        message: permission ? [request.tool ?? 'A tool', request.detail].filter(Boolean).join(': ') : (request.detail ?? 'It waits for your answer.'),
        request: { id: request.id, kind: request.kind, tool: request.tool, detail: request.detail, askedAt: new Date(request.askedAt).toISOString() },
      };
    }
    case 'turn-error':
      return { title: `${name}: the turn failed`, message: decision.error, error: decision.error };
    case 'agent-died':
      return {
        title: `${name}: the agent died`,
        message: decision.exit === null ? 'Its process is gone; no exit was recorded.' : `Its process ended (${decision.exit}).`,
        error: decision.exit,
      };
    case 'turn-done':
      // Not the prompt: prompts hold what users paste (keys, tokens), and this may go to a public ntfy topic.
      return { title: `${name} finished its turn`, message: 'It waits for your next instruction.' };
  }
}

/** The notification `ao notify test` sends. */
export function testNotification(now: number, apiUrl: string | null): Notification {
  return {
    key: `test:${now}`,
    kind: 'test',
    priority: PRIORITY_OF.test,
    title: 'ao: test notification',
    message: 'Notifications from ao reach you here.',
    at: new Date(now).toISOString(),
    seq: null,
    sessionId: null,
    session: null,
    request: null,
    error: null,
    link: dashboardLink(apiUrl),
  };
}

/**
 * What one send carries: one notification as it is, or several (a burst) as one message whose
 * title counts the sessions ("3 sessions need you") and whose text has a line per notification.
 */
export interface OutgoingMessage {
  title: string;
  message: string;
  priority: Priority;
  link: string | null;
  notifications: Notification[];
}

export function outgoingMessage(notifications: readonly Notification[], apiUrl: string | null): OutgoingMessage {
  const [first] = notifications;
  if (first === undefined) throw new Error('internal: a message needs at least one notification');
  if (notifications.length === 1) return { title: first.title, message: first.message, priority: first.priority, link: first.link, notifications: [first] };
  const sessions = new Set(notifications.map((notification) => notification.sessionId ?? notification.key));
  const oneSession = sessions.size === 1;
  return {
    title: oneSession ? `${first.session?.name ?? 'ao'}: ${notifications.length} notifications` : `${sessions.size} sessions need you`,
    message: notifications.map((notification) => `• ${notification.title}: ${notification.message}`).join('\n'),
    priority: highestPriority(notifications.map((notification) => notification.priority)),
    link: oneSession ? first.link : dashboardLink(apiUrl),
    notifications: [...notifications],
  };
}
