import { fileURLToPath } from 'node:url';
import type { LaunchCommand, LaunchOptions } from '@ao/registry';

/**
 * The agent program, compiled. Resolved from the package root so it is the same file whether this
 * module runs from dist/ or (under vitest) from src/.
 */
export const DEMO_AGENT_PATH = fileURLToPath(new URL('../dist/demo-agent.js', import.meta.url));

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
