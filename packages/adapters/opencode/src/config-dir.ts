import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LaunchFile } from '@ao/registry';
import { renderManagedGitignore, writeAtomic } from '@ao/registry';
import { NPM_STUB_LOCKFILE, NPM_STUB_PACKAGE_JSON, OPENCODE_NPM_FILES } from './npm-install-trap.js';
import { renderOpencodePlugin } from './plugin-source.js';

/**
 * ao's own OpenCode config dir for sessions it starts (`OPENCODE_CONFIG_DIR`): OpenCode loads its
 * `plugins/*.js` in addition to the user's config, so nothing goes into their project. Seeded so
 * OpenCode neither npm-installs into it (package.json + package-lock.json + node_modules/) nor
 * writes its own .gitignore there.
 *
 * `node_modules/` must exist but a launch file list holds files only, so an empty placeholder file
 * stands in for "empty directory"; OpenCode's skip rule only checks that node_modules exists.
 */
export const NODE_MODULES_PLACEHOLDER = join('node_modules', '.ao-keep');

export function opencodeConfigDirFiles(configDir: string, options: { aoCommand: string }): LaunchFile[] {
  return [
    { path: join(configDir, 'plugins', 'ao.js'), content: renderOpencodePlugin({ aoCommand: options.aoCommand, mode: 'launch' }) },
    { path: join(configDir, '.gitignore'), content: renderManagedGitignore([...OPENCODE_NPM_FILES, 'plugins/ao.js', '.gitignore']) },
    { path: join(configDir, 'package.json'), content: NPM_STUB_PACKAGE_JSON },
    { path: join(configDir, 'package-lock.json'), content: NPM_STUB_LOCKFILE },
    { path: join(configDir, NODE_MODULES_PLACEHOLDER), content: '' },
  ];
}

/** Writes (or refreshes) ao's OpenCode config dir; returns the files written. */
export function writeOpencodeConfigDir(targetDir: string, options: { aoCommand: string }): string[] {
  const files = opencodeConfigDirFiles(targetDir, options);
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeAtomic(file.path, file.content, file.mode);
  }
  return files.map((file) => file.path);
}
