import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AdapterDoctorCheck } from '@ao/registry';

/** The user's Claude settings file: `$CLAUDE_CONFIG_DIR/settings.json`, else `~/.claude/settings.json`. */
export function userSettingsPath(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_CONFIG_DIR ? join(env.CLAUDE_CONFIG_DIR, 'settings.json') : join(env.HOME || homedir(), '.claude', 'settings.json');
}

/** Claude Code's `disableAllHooks: true` in the user's settings silences every hook, ao's included. */
export function checkClaudeSettings(env: NodeJS.ProcessEnv): AdapterDoctorCheck {
  const name = 'claude settings';
  const path = userSettingsPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { name, status: 'ok', message: `no user settings at ${path}: nothing there silences hooks` };
  }
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return { name, status: 'warn', message: `${path} is not valid JSON; Claude Code may ignore it, and ao cannot tell whether it disables hooks` };
  }
  if ((settings as { disableAllHooks?: unknown } | null)?.disableAllHooks === true) {
    return {
      name,
      status: 'fail',
      message: `${path} sets "disableAllHooks": true, which silences every hook, ao's too: Claude Code sessions will never report a state; remove it or set it to false`,
    };
  }
  return { name, status: 'ok', message: `${path} does not disable hooks` };
}
