import type { SessionView } from '@ao/lifecycle';
import { formatAge, renderTable } from './output.js';
import { formatUsageCell } from './usage-cell.js';

export function describeStatus(view: Pick<SessionView, 'status' | 'needsInputReason'>): string {
  return view.needsInputReason ? `${view.status} (${view.needsInputReason})` : view.status;
}

/** The human `ao ls` table (with its trailing newline), or a sentence when there is nothing to list. */
export function renderSessionTable(views: SessionView[], all: boolean, now: number): string {
  if (views.length === 0) return all ? 'No sessions.\n' : "No live sessions (see 'ao ls --all').\n";
  const rows = views.map((view) => [
    view.id,
    view.name,
    view.harness,
    describeStatus(view),
    view.activityState ?? '-',
    view.pid === null ? '-' : String(view.pid),
    formatAge(view.lastSignalAt === null ? null : Date.parse(view.lastSignalAt), now),
    // `?? null`: a daemon of an older build answers without the field.
    formatUsageCell(view.usage ?? null),
    view.cwd,
  ]);
  return `${renderTable(['ID', 'NAME', 'HARNESS', 'STATUS', 'STATE', 'PID', 'LAST SIGNAL', 'USAGE', 'CWD'], rows)}\n`;
}
