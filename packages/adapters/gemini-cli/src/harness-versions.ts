import type { HarnessVersions } from '@ao/registry';
import { firstVersionIn } from '@ao/adapter-kit';

/**
 * The Gemini CLI versions this adapter was tested with: the fixtures were recorded on 0.61.0, the pin
 * in e2e/harness-versions.json. `gemini --version` prints the bare version.
 */
export const GEMINI_VERSIONS: HarnessVersions = {
  npmPackage: '@google/gemini-cli',
  tested: { min: '0.61.0', max: '0.61.0' },
  parseVersionOutput: firstVersionIn,
};
