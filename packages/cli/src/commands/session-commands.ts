import type { EventView } from '@ao/lifecycle';
import { followEvents } from './follow-events.js';
import type { CliContext } from '../cli-context.js';
import { parseCount } from '../parse-values.js';
import { printJson } from '../output.js';
import { describeStatus, renderSessionTable } from '../session-table.js';
import { findSessionOrThrow, getSession, listEvents as readEvents, listSessions as readSessions } from '../operations/session-reads.js';

export { findSessionOrThrow } from '../operations/session-reads.js';

/** `ao ls [--all]` */
export async function listSessions(context: CliContext, options: { all?: boolean; json?: boolean }): Promise<void> {
  const now = context.now();
  const views = await readSessions(context, { all: options.all === true });
  if (options.json) return printJson(views);
  process.stdout.write(renderSessionTable(views, options.all === true, now));
}

/** `ao status <id>` */
export async function showStatus(context: CliContext, idOrName: string, options: { json?: boolean }): Promise<void> {
  const view = await getSession(context, { id: idOrName });
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
  // What the harness cannot report (its adapter's status notes), so a state is read for what it is.
  for (const note of (await context.loadRegistry()).find(view.harness)?.statusNotes ?? []) lines.push(['note', note]);
  const width = Math.max(...lines.map(([key]) => key.length));
  process.stdout.write(`${lines.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n')}\n`);
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
  const cursor = parseCount(options.since, '--since');
  const first = await readEvents(context, { id: idOrName, after: cursor, limit: parseCount(options.limit, '--limit') });
  if (!options.follow) {
    if (options.json) return printJson(first);
    return render(first);
  }
  // Following: one JSON object per line (NDJSON) with --json, until interrupted.
  const sessionId = idOrName === undefined ? undefined : findSessionOrThrow(context, idOrName).id;
  let since = first.at(-1)?.seq ?? cursor;
  const emit = (events: EventView[]) => {
    if (options.json) for (const event of events) process.stdout.write(`${JSON.stringify(event)}\n`);
    else render(events);
    since = events.at(-1)?.seq ?? since;
  };
  emit(first);
  await followEvents(context, sessionId, since ?? 0, emit);
}
