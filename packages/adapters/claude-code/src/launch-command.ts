import { join } from 'node:path';
import type { LaunchCommand, LaunchOptions } from '@ao/registry';
import { CLAUDE_BINARY } from './binary.js';
import { aoHooksBlock } from './settings-hooks.js';

/**
 * How `ao spawn` starts Claude Code: `claude --settings <launchDir>/claude-settings.json [extra]
 * [-- prompt]`. `--settings` adds its hooks to the user's and the project's own (verified on
 * 2.1.197: all fire), so nothing is written into the repository or the user's settings. The hook
 * commands carry no `--session`: the session host sets AO_SESSION_ID and the hooks inherit it.
 *
 * The prompt is Claude's positional `[prompt]` argument: the interactive session starts with it
 * submitted as the first message. It follows `--` so that a prompt starting with "-" is not read
 * as an option and a variadic option in the extra arguments (`--allowedTools A B`) cannot swallow
 * it (verified: `claude -p --allowedTools Bash -- "--version hello"` sends "--version hello").
 */
export function buildClaudeCodeLaunch(options: LaunchOptions): LaunchCommand {
  const settingsFile = join(options.launchDir, 'claude-settings.json');
  const settings = { hooks: aoHooksBlock(options.aoCommand) };
  const args = ['--settings', settingsFile, ...(options.extraArgs ?? [])];
  if (options.prompt !== undefined && options.prompt !== '') args.push('--', options.prompt);
  return {
    command: options.binaryPath ?? CLAUDE_BINARY,
    args,
    env: {},
    files: [{ path: settingsFile, content: `${JSON.stringify(settings, null, 2)}\n`, mode: 0o600 }],
  };
}
