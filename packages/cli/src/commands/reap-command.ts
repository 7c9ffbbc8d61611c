import type { CliContext } from '../cli-context.js';
import { printJson } from '../output.js';
import { reapSessions } from '../operations/reap-sessions.js';

/** `ao reap`: one reaper pass: sessions whose processes are confirmed dead become exited + terminated. */
export async function reapCommand(context: CliContext, options: { json?: boolean }): Promise<void> {
  const report = await reapSessions(context);
  if (options.json) return printJson(report);
  const summary = `probed ${report.probed} session(s): ${report.alive} alive, ${report.reaped.length} reaped, ${report.failed} could not be probed`;
  process.stdout.write(`${summary}${report.inconclusive ? ' (inconclusive: too many looked dead at once; will retry)' : ''}\n`);
  for (const entry of report.reaped) process.stdout.write(`  ${entry.id}: ${entry.from ?? '-'} → exited (terminated)\n`);
}
