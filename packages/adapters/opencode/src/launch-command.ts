import { pathToFileURL } from 'node:url';
import type { LaunchCommand, LaunchOptions } from '@ao/registry';
import { OPENCODE_BINARY } from './binary.js';
import { configContentWithPlugin } from './config-content.js';
import { launchNpmEnv } from './npm-install-trap.js';
import { shippedPluginPath } from './plugin-source.js';

/**
 * How `ao spawn` starts OpenCode: `opencode [extra] [--prompt=<prompt>]` with ao's plugin, the
 * file this package ships, given by path in `OPENCODE_CONFIG_CONTENT` (with its settings as the
 * plugin's options), and npm's retries off for OpenCode's start (npm-install-trap.ts). No file is
 * written and no config dir added: OpenCode then installs nothing beyond what it does on its own
 * and does not wait for an unreachable registry. `env` is the environment OpenCode inherits.
 *
 * The prompt goes through the TUI's `--prompt` option ("prompt to use"), which OpenCode submits
 * as the first message. It is passed as one `--prompt=<text>` word: yargs would not take a
 * following word that starts with "-" as the option's value.
 */
export function buildOpencodeLaunch(options: LaunchOptions, env: Readonly<Record<string, string | undefined>> = process.env): LaunchCommand {
  const args = [...(options.extraArgs ?? [])];
  if (options.prompt !== undefined && options.prompt !== '') args.push(`--prompt=${options.prompt}`);
  const npmEnv = launchNpmEnv(env);
  const plugin = pathToFileURL(shippedPluginPath()).href;
  const pluginOptions = { aoCommand: options.aoCommand, launchedByAo: true, unsetEnv: Object.keys(npmEnv) };
  return {
    command: options.binaryPath ?? OPENCODE_BINARY,
    args,
    env: { OPENCODE_CONFIG_CONTENT: configContentWithPlugin(env.OPENCODE_CONFIG_CONTENT, [plugin, pluginOptions]), ...npmEnv },
    files: [],
  };
}
