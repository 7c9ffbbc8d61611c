import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * OpenCode's npm install at start (1.18.33; its source, docs/harnesses/opencode.md "The npm
 * install"). For every config dir it reads — the global `$XDG_CONFIG_HOME/opencode`, each
 * `.opencode` from the project up to its worktree root, `~/.opencode`, `$OPENCODE_CONFIG_DIR` — it
 * writes a `.gitignore` if there is none and starts an npm install of its plugin SDK
 * (`@opencode-ai/plugin`) in the background, with or without ao. When any plugin is to be loaded
 * (whatever the route: a `plugins/` dir, a `plugin` entry in any config) it waits for all those
 * installs first. Offline, npm retries the registry twice (after 10 s, then 60 s): ~70 s. The
 * install is skipped when the dir is not writable, or when `node_modules/` exists and every
 * dependency (and the SDK) is listed in `package-lock.json` `packages[""]`.
 */
export const PLUGIN_SDK = '@opencode-ai/plugin';

/** The files OpenCode's install writes into a config dir (and OpenCode's own .gitignore lists). */
export const OPENCODE_NPM_FILES = ['node_modules', 'package.json', 'package-lock.json', 'bun.lock'] as const;

/**
 * npm's retry count, read by OpenCode's npm client from the environment like npm itself does. ao
 * sets it to 0 for the OpenCode it starts, so an unreachable registry fails those installs at once
 * instead of holding the start for ~70 s; ao's plugin removes it again when OpenCode loads it
 * (plugin/ao-plugin.js `unsetEnv`), before any tool, shell or MCP server starts.
 */
export const NPM_FETCH_RETRIES = 'npm_config_fetch_retries';

/** What ao adds to the environment of an OpenCode it starts: nothing when the user set npm's retries themselves. */
export function launchNpmEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const userSet = Object.entries(env).some(([name, value]) => name.toLowerCase() === NPM_FETCH_RETRIES && value !== undefined && value !== '');
  return userSet ? {} : { [NPM_FETCH_RETRIES]: '0' };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Whether OpenCode would skip its npm install in `configDir` (the rule above). */
export function npmInstallSkipped(configDir: string): boolean {
  try {
    accessSync(configDir, constants.W_OK);
  } catch {
    return existsSync(configDir);
  }
  if (!existsSync(join(configDir, 'node_modules'))) return false;
  const lock = readJson(join(configDir, 'package-lock.json')) as { packages?: { ''?: { dependencies?: Record<string, unknown> } } } | undefined;
  const locked = lock?.packages?.['']?.dependencies ?? {};
  const pkg = readJson(join(configDir, 'package.json')) as { dependencies?: Record<string, unknown> } | undefined;
  const wanted = [PLUGIN_SDK, ...Object.keys(pkg?.dependencies ?? {})];
  return wanted.every((name) => Object.hasOwn(locked, name));
}

/** OpenCode's global config dir (`$XDG_CONFIG_HOME/opencode`, default `~/.config/opencode`). */
export function globalConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'opencode');
}

/** For an OpenCode the user starts (`ao register`): ao cannot shorten that wait, only say how to end it. */
export function npmTrapSentence(dirs: readonly string[]): string {
  return (
    `An OpenCode you start yourself with ao's plugin first waits for its npm install of ${PLUGIN_SDK} into ${dirs.join(' and ')}: ` +
    'without access to the npm registry that holds every start for about 70 s. Start OpenCode once online (it installs the SDK there itself, and then skips it), ' +
    'or run `npm install ' + PLUGIN_SDK + '` in that directory yourself. (Sessions ao starts do not wait.)'
  );
}
