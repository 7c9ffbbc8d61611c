import { eventView, sessionView, type EventView, type SessionRecord, type SessionView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { notFound } from '../cli-error.js';
import { parseCount } from '../parse-values.js';
import { printJson } from '../output.js';
import { describeStatus, renderSessionTable } from '../session-table.js';
import { displayOptions } from '../display-settings.js';

export function findSessionOrThrow(context: CliContext, idOrName: string): SessionRecord {
  const session = context.store.findSession(idOrName);
  if (!session) throw notFound(`no session "${idOrName}" (see 'ao ls --all')`);
  return session;
}

/** The session objects of `ao ls`, current as of now. */
export async function sessionViews(context: CliContext, all: boolean): Promise<SessionView[]> {
  const display = displayOptions(context.env, 0); // a malformed setting fails before any work
  await context.refresh();
  const now = context.now();
  return context.store.listSessions({ all }).map((session) => sessionView(session, { ...display, now }));
}

/** The session object of `ao status`, current as of now. */
export async function statusView(context: CliContext, idOrName: string): Promise<SessionView> {
  const display = displayOptions(context.env, 0); // a malformed setting fails before any work
  await context.refresh();
  return sessionView(findSessionOrThrow(context, idOrName), { ...display, now: context.now() });
}

/** `ao ls [--all]` */
export async function listSessions(context: CliContext, options: { all?: boolean; json?: boolean }): Promise<void> {
  const now = context.now();
  const views = await sessionViews(context, options.all === true);
  if (options.json) return printJson(views);
  process.stdout.write(renderSessionTable(views, options.all === true, now));
}

/** `ao status <id>` */
export async function showStatus(context: CliContext, idOrName: string, options: { json?: boolean }): Promise<void> {
  const view = await statusView(context, idOrName);
  if (options.json) return printJson(view);
  const lines: [string, string][] = [
    ['id', view.id],
    ['name', view.name],
    ['harness', view.harness],
    ['status', describeStatus(view)],
    ['activity', view.activityState ?? '-'],
    ['cwd', view.cwd],
    ['pid', view.pid === null ? '-' : String(view.pid)],
    ['created', view.createdAt ?? '-'],
    ['last signal', view.lastSignalAt ?? 'never'],
  ];
  if (view.lastError) lines.push(['last error', view.lastError]);
  if (view.toolsInFlight.length > 0) lines.push(['tools in flight', view.toolsInFlight.map((tool) => tool.name ?? tool.id ?? '?').join(', ')]);
  if (view.terminated) lines.push(['terminated', `${view.terminatedAt ?? ''} (${view.terminatedReason ?? 'unknown'})`]);
  const width = Math.max(...lines.map(([key]) => key.length));
  process.stdout.write(`${lines.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n')}\n`);
}

/** The event objects of `ao events`: all matching, paged only when a limit is given. */
export async function eventViews(context: CliContext, query: { id?: string; since?: string | number; limit?: string | number }): Promise<EventView[]> {
  const since = parseCount(query.since, '--since');
  const limit = parseCount(query.limit, '--limit');
  await context.refresh();
  const sessionId = query.id === undefined ? undefined : findSessionOrThrow(context, query.id).id;
  return context.store.listEvents({ sessionId, since, limit }).map(eventView);
}

/** `ao events [<id>] [--since CURSOR] [--limit N] [--follow]` */
export async function listEvents(
  context: CliContext,
  idOrName: string | undefined,
  options: { since?: string; limit?: string; follow?: boolean; json?: boolean },
): Promise<void> {
  const render = (events: EventView[]) => {
    for (const event of events) {
      const transition = event.type === 'transition' ? ` ${event.from ?? '∅'} → ${event.to}` : '';
      process.stdout.write(`${event.seq}  ${event.at}  ${event.sessionId}  ${event.type} ${event.event}${transition}\n`);
    }
  };
  const first = await eventViews(context, { id: idOrName, since: options.since, limit: options.limit });
  if (!options.follow) {
    if (options.json) return printJson(first);
    return render(first);
  }
  // Following: one JSON object per line (NDJSON) with --json, until interrupted.
  const sessionId = idOrName === undefined ? undefined : findSessionOrThrow(context, idOrName).id;
  let since = first.at(-1)?.seq ?? parseCount(options.since, '--since');
  const emit = (events: EventView[]) => {
    if (options.json) for (const event of events) process.stdout.write(`${JSON.stringify(event)}\n`);
    else render(events);
    since = events.at(-1)?.seq ?? since;
  };
  emit(first);
  await new Promise<void>((resolve) => {
    const timer = setInterval(async () => {
      await context.refresh();
      emit(context.store.listEvents({ sessionId, since }).map(eventView));
    }, 250);
    const stop = () => {
      clearInterval(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
