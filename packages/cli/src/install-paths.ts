import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The @ao/cli package directory, found by walking up from this module to the folder holding
 * `bin/ao`. This code runs from dist/ and from the bundle's chunks/, at different depths.
 */
function cliPackageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'ao'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the ao installation (bin/ao) above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  root = realpathSync(dir);
  return root;
}

/** This installation's `ao` launcher: what installed hooks run, by a stable absolute path. */
export const aoLauncherPath = () => join(cliPackageRoot(), 'bin', 'ao');
/** The Node entry of the CLI (what the launcher runs for every command but `hooks`). */
export const cliEntryPath = () => join(cliPackageRoot(), 'dist', 'bundle', 'main.js');
/** The Node entry of the session host. */
export const hostEntryPath = () => join(cliPackageRoot(), 'dist', 'bundle', 'host-main.js');
