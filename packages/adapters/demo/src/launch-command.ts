import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LaunchCommand, LaunchOptions } from '@ao/registry';

/**
 * The agent program, compiled. Resolved through the package (not relative to this module) so it
 * is the same file from dist/, from src/ under vitest, and from ao's bundled CLI.
 */
export const DEMO_AGENT_PATH = join(dirname(createRequire(import.meta.url).resolve('@ao/adapter-demo/package.json')), 'dist', 'demo-agent.js');

/**
 * How `ao spawn` starts the demo: `node <dist/demo-agent.js> [extra] [prompt]` with the Node that
 * runs ao (or `binaryPath`), so no PATH lookup can pick another Node. No files, no env: the
 * session host's AO_SESSION_ID is all the agent needs to report. The prompt, if any, is the
 * agent's first turn.
 */
export function buildDemoLaunch(options: LaunchOptions): LaunchCommand {
  const args = [DEMO_AGENT_PATH, ...(options.extraArgs ?? [])];
  if (options.prompt !== undefined && options.prompt !== '') args.push(options.prompt);
  return { command: options.binaryPath ?? process.execPath, args, env: {}, files: [] };
}
