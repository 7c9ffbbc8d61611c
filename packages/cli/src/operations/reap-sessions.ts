import { reapOnce, type ReapReport } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';

/** `reap`: one reaper pass; sessions whose processes are confirmed dead become exited + terminated. */
export async function reapSessions(context: CliContext): Promise<ReapReport> {
  await context.ingest();
  return reapOnce({ store: context.store, logger: context.logger });
}
