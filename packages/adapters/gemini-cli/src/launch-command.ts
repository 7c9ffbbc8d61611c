import { GEMINI_BINARY } from './binary.js';
import { join } from 'node:path';
import type { LaunchCommand, LaunchFile, LaunchOptions } from '@ao/registry';
import { readUserSettings, userGeminiDir, userGeminiEntries } from './gemini-home.js';
import { withAoLayer } from './settings-layer.js';

/** The per-launch Gemini home inside the launch directory (`GEMINI_CLI_HOME`). */
export const geminiHomeOf = (launchDir: string) => join(launchDir, 'gemini-home');

/**
 * How `ao spawn` starts Gemini CLI (docs/harnesses/gemini-cli.md, "Wiring"):
 * `GEMINI_CLI_HOME=<launchDir>/gemini-home GEMINI_CLI_TRUST_WORKSPACE=true gemini [extra]
 * [--prompt-interactive=<prompt>]`.
 *
 * Gemini takes hooks only from settings files and installed extensions; the only per-launch
 * layer it honours for a non-root user is a whole Gemini home. So the launch's home holds
 * `.gemini/settings.json` = the user's settings plus ao's layer (settings-layer.ts), and a
 * symbolic link to every other entry of the user's own `~/.gemini` (auth, history, extensions,
 * trusted folders, …): nothing of the user's is copied or written, and Gemini reads and updates
 * those files where they are. Folder trust is accepted for this launch only
 * (`GEMINI_CLI_TRUST_WORKSPACE`, what `--skip-trust` sets): in an untrusted folder no hook runs.
 *
 * `GEMINI_CLI_NO_RELAUNCH`: otherwise `gemini` starts the real CLI as a child process (for a
 * bigger heap) and ignores SIGTERM itself, so the process ao supervises and signals is not
 * Gemini: `ao kill`'s SIGTERM would not reach it, and a SIGKILL would leave the child running on
 * the terminal until it hangs up.
 *
 * The prompt goes through `--prompt-interactive` ("execute the provided prompt and continue in
 * interactive mode") as one `--prompt-interactive=<text>` word, so text starting with "-" stays
 * the prompt. `env` is the environment the user runs ao with (where their Gemini home is).
 */
export function buildGeminiCliLaunch(options: LaunchOptions, env: Readonly<Record<string, string | undefined>> = process.env): LaunchCommand {
  const home = geminiHomeOf(options.launchDir);
  const userDir = userGeminiDir(env);
  const settings = withAoLayer(readUserSettings(userDir), options.aoCommand);
  const files: LaunchFile[] = [{ path: join(home, '.gemini', 'settings.json'), content: `${JSON.stringify(settings, null, 2)}\n`, mode: 0o600 }];
  for (const name of userGeminiEntries(userDir)) {
    if (name === 'settings.json') continue;
    files.push({ path: join(home, '.gemini', name), content: '', linkTo: join(userDir, name) });
  }
  const args = [...(options.extraArgs ?? [])];
  if (options.prompt !== undefined && options.prompt !== '') args.push(`--prompt-interactive=${options.prompt}`);
  return {
    command: options.binaryPath ?? GEMINI_BINARY,
    args,
    env: { GEMINI_CLI_HOME: home, GEMINI_CLI_TRUST_WORKSPACE: 'true', GEMINI_CLI_NO_RELAUNCH: 'true' },
    files,
  };
}
