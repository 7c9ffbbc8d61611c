import type { LaunchCommand, LaunchOptions } from '@ao/registry';
import { CODEX_BINARY } from './binary.js';
import { codexHookArgs } from './hook-overrides.js';

/**
 * How `ao spawn` starts Codex: `codex --no-daemon <-c hooks…> --dangerously-bypass-hook-trust
 * [extra] [-- prompt]`. `--no-daemon`: the TUI otherwise starts a background app-server that
 * outlives it, copies a ~400 MB binary into CODEX_HOME and can block the next start (observed).
 * The hooks carry no `--session`: they inherit AO_SESSION_ID from the session host.
 *
 * The prompt is Codex's positional `[PROMPT]` ("Optional user prompt to start the session"): the
 * TUI opens with it submitted. It follows `--` so that text starting with "-", or equal to a
 * subcommand name such as "exec", stays a prompt (clap honours `--`; verified on 0.169).
 */
export function buildCodexLaunch(options: LaunchOptions): LaunchCommand {
  const args = ['--no-daemon', ...codexHookArgs(options.aoCommand), ...(options.extraArgs ?? [])];
  if (options.prompt !== undefined && options.prompt !== '') args.push('--', options.prompt);
  return { command: options.binaryPath ?? CODEX_BINARY, args, env: {}, files: [] };
}
