import { QWEN_BINARY } from './binary.js';
import { join } from 'node:path';
import { type LaunchCommand, type LaunchOptions } from '@ao/registry';
import { shellQuote } from '@ao/adapter-kit';
import { HARNESS_ID } from './hook-events.js';
import { aoHooksBlock } from './settings-hooks.js';

/** The environment variable naming Qwen's system settings file (any owner, any folder, on 0.24.4). */
export const SYSTEM_SETTINGS_ENV = 'QWEN_CODE_SYSTEM_SETTINGS_PATH';

/**
 * Settings that keep Qwen from reaching out on its own (verified on 0.24.4 offline): usage
 * statistics and telemetry go to a telemetry host, and the update check asks the npm registry at
 * every start ("Update check skipped (registry error)"). The system layer outranks the user's
 * settings, so these hold for sessions ao starts whatever the user's own files say.
 */
export const OFFLINE_SETTINGS = {
  telemetry: { enabled: false },
  privacy: { usageStatisticsEnabled: false },
  general: { enableAutoUpdate: false },
} as const;

/**
 * Arguments that choose an approval mode. Without one, Qwen 0.24's default is `auto`, which asks
 * the model to classify every tool call and writes `ui.autoModeAcknowledged` into the user's
 * `~/.qwen/settings.json`; ao starts it in `default` (ask the user) unless the user chose.
 */
const APPROVAL_MODE_ARGS = /^(--approval-mode(=.*)?|-y|--yolo(=.*)?)$/;

/**
 * How `ao spawn` starts Qwen Code:
 * `QWEN_CODE_SYSTEM_SETTINGS_PATH=<launchDir>/qwen-system-settings.json qwen --approval-mode default
 * [extra] [--prompt-interactive=<prompt>]`. The system settings file adds ao's hooks to the user's
 * and the project's own (all fire: lists concatenate), so nothing is written into the repository
 * or `~/.qwen`. It holds only the hooks and the offline switches (OFFLINE_SETTINGS). The hook
 * commands carry no `--session`: the session host sets AO_SESSION_ID and the hooks inherit it.
 *
 * Qwen's positional prompt runs one-shot and exits; `--prompt-interactive` submits it and stays
 * in the TUI. It is passed as one `--prompt-interactive=<prompt>` word so that a prompt starting
 * with "-" is never read as an option.
 */
export function buildQwenCodeLaunch(options: LaunchOptions): LaunchCommand {
  const settingsFile = join(options.launchDir, 'qwen-system-settings.json');
  const hooks = aoHooksBlock(options.aoCommand);
  hooks.StopFailure = [{ hooks: [{ ...hooks.StopFailure![0]!.hooks[0]!, command: helperFiredHookCommand(options.aoCommand, 'stop-failure') }] }];
  const settings = { hooks, ...OFFLINE_SETTINGS };
  const extra = options.extraArgs ?? [];
  const args = [...(extra.some((arg) => APPROVAL_MODE_ARGS.test(arg)) ? [] : ['--approval-mode', 'default']), ...extra];
  if (options.prompt !== undefined && options.prompt !== '') args.push(`--prompt-interactive=${options.prompt}`);
  return {
    command: options.binaryPath ?? QWEN_BINARY,
    args,
    env: { [SYSTEM_SETTINGS_ENV]: settingsFile },
    files: [{ path: settingsFile, content: `${JSON.stringify(settings, null, 2)}\n`, mode: 0o600 }],
  };
}

/**
 * The command of a hook Qwen runs through a helper process. Qwen 0.24.4 runs StopFailure hooks (also
 * MessageDisplay and SessionDelete, which ao does not install) from a detached supervisor,
 * `node --input-type=commonjs --eval …`, so that they survive Qwen's exit; the hook's nearest
 * non-shell ancestor is then that helper, not the Qwen process whose hooks ao saw first, and ao
 * would take the signal for one of a nested agent and drop it (docs/signal-path.md). This command
 * names its session as an argument instead, from the AO_SESSION_ID it inherited, and hides the
 * variable from ao, which reads the firing process only for a session named by the environment.
 * The cost: a nested Qwen's StopFailure would not be told apart (docs/harnesses/qwen-code.md).
 */
export function helperFiredHookCommand(aoCommand: string, event: 'stop-failure'): string {
  return `AO_SESSION_ID= ${shellQuote(aoCommand)} hooks ${HARNESS_ID} ${event} --session "$AO_SESSION_ID"`;
}
