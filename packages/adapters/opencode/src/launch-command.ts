import { join } from 'node:path';
import type { LaunchCommand, LaunchOptions } from '@ao/registry';
import { opencodeConfigDirFiles } from './config-dir.js';

/**
 * How `ao spawn` starts OpenCode: `opencode [extra] [--prompt=<prompt>]` with
 * `OPENCODE_CONFIG_DIR=<launchDir>/opencode-config`, ao's own config dir holding its plugin
 * (config-dir.ts). Nothing is written into the user's project or config.
 *
 * The prompt goes through the TUI's `--prompt` option ("prompt to use"), which OpenCode submits
 * as the first message. It is passed as one `--prompt=<text>` word: yargs would not take a
 * following word that starts with "-" as the option's value.
 */
export function buildOpencodeLaunch(options: LaunchOptions): LaunchCommand {
  const configDir = join(options.launchDir, 'opencode-config');
  const args = [...(options.extraArgs ?? [])];
  if (options.prompt !== undefined && options.prompt !== '') args.push(`--prompt=${options.prompt}`);
  return {
    command: options.binaryPath ?? 'opencode',
    args,
    env: { OPENCODE_CONFIG_DIR: configDir },
    files: opencodeConfigDirFiles(configDir, { aoCommand: options.aoCommand }),
  };
}
