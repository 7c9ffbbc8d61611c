// Which harness (adapter id) each npm package is, read from the adapters themselves (their
// `versions.npmPackage`) through the CLI's one registry list: a new adapter needs no entry here.
// Needs a build (`npm run test:e2e` builds first).
import { createDefaultRegistry } from "../../packages/cli/dist/adapters.js";

/** `{ "<npm package>": "<harness id>" }` for every adapter that names its npm package. */
export function harnessOfPackage() {
  const map = {};
  for (const adapter of createDefaultRegistry().list()) {
    if (adapter.versions) map[adapter.versions.npmPackage] = adapter.id;
  }
  return map;
}
