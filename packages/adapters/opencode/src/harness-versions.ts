import type { HarnessVersions } from '@ao/registry';
import { firstVersionIn } from '@ao/adapter-kit';

/**
 * The OpenCode versions this adapter was tested with: the fixtures and the e2e suite use the pin in
 * e2e/harness-versions.json, 1.18.33. `opencode --version` prints the bare version.
 */
export const OPENCODE_VERSIONS: HarnessVersions = {
  npmPackage: 'opencode-ai',
  tested: { min: '1.18.33', max: '1.18.33' },
  parseVersionOutput: firstVersionIn,
};
