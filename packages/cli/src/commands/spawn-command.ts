import type { CliContext } from '../cli-context.js';
import { printJson } from '../output.js';
import { describePlan, executeSpawn, planSpawn } from '../operations/spawn-session.js';

export interface SpawnOptions {
  agent?: string;
  harness?: string;
  cwd?: string;
  worktree?: boolean;
  prompt?: string;
  name?: string;
  dryRun?: boolean;
  daemon?: boolean;
  json?: boolean;
}

/**
 * `ao spawn --agent <h> [--cwd DIR] [--worktree] [--prompt TEXT] [--name N] [--dry-run] [-- ARGS…]`.
 * Everything that can be checked is checked before anything durable is written; a launch that
 * fails is rolled back (session, launch files, worktree).
 */
export async function spawnAgent(context: CliContext, options: SpawnOptions, extraArgs: string[]): Promise<void> {
  const plan = await planSpawn(context, {
    agent: options.agent ?? options.harness,
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    worktree: options.worktree === true,
    ...(options.prompt !== undefined && { prompt: options.prompt }),
    ...(options.name !== undefined && { name: options.name }),
    args: extraArgs,
  });
  if (options.dryRun) {
    const described = describePlan(plan);
    if (options.json) return printJson(described);
    process.stdout.write(`would run in ${described.cwd}:\n  ${described.argv.map((word) => JSON.stringify(word)).join(' ')}\n`);
    process.stdout.write(`with environment:\n${Object.entries(described.env).map(([key, value]) => `  ${key}=${value}`).join('\n')}\n`);
    if (described.files.length > 0) process.stdout.write(`writing:\n${described.files.map((file) => `  ${file.path}`).join('\n')}\n`);
    if (described.worktree) process.stdout.write(`in a new worktree ${described.worktree.path} on branch ${described.worktree.branch}\n`);
    return;
  }
  const view = await executeSpawn(context, plan, { startDaemon: options.daemon !== false });
  if (options.json) return printJson(view);
  process.stdout.write(`Started ${plan.adapter.displayName} session ${view.id} (${view.name}) in ${view.cwd}, pid ${view.pid}\n`);
  process.stdout.write(`  ao attach ${view.id}    ao send ${view.id} "…"    ao status ${view.id}    ao kill ${view.id}\n`);
}
