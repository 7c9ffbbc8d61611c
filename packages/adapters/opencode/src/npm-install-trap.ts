import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * OpenCode's trap (1.18, read from the binary and observed): before loading plugins it runs an npm
 * install of its plugin SDK (`@opencode-ai/plugin`) in every config dir it reads — the global one,
 * `<project>/.opencode`, `$OPENCODE_CONFIG_DIR` — and, when any plugin exists, waits for all of
 * them. Offline that wait never ends. The install is skipped when the dir is not writable, or when
 * `node_modules/` exists and every dependency is listed in `package-lock.json` `packages[""]`.
 */
export const PLUGIN_SDK = '@opencode-ai/plugin';

/** The files OpenCode's install writes into a config dir (and OpenCode's own .gitignore lists). */
export const OPENCODE_NPM_FILES = ['node_modules', 'package.json', 'package-lock.json', 'bun.lock'] as const;

/** The stubs that make OpenCode skip the install: an empty node_modules/ plus these two files. */
export const NPM_STUB_PACKAGE_JSON = `${JSON.stringify({ dependencies: { [PLUGIN_SDK]: '*' } })}\n`;
export const NPM_STUB_LOCKFILE = `${JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { [PLUGIN_SDK]: '*' } } } })}\n`;

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

export function npmTrapSentence(dirs: readonly string[]): string {
  return (
    `Before it loads any plugin, OpenCode runs an npm install of ${PLUGIN_SDK} into ${dirs.join(' and ')} and waits for it: ` +
    'without network access OpenCode then hangs at start, forever. Start it once online (the install then stays), ' +
    'or run `npm install ' + PLUGIN_SDK + '` in that directory yourself.'
  );
}
