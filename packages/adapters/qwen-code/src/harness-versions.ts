import type { HarnessVersions } from '@ao/registry';
import { firstVersionIn } from '@ao/adapter-kit';

/**
 * The Qwen Code versions this adapter was tested with: the fixtures were recorded on 0.24.4, the pin
 * in e2e/harness-versions.json. `qwen --version` prints the bare version.
 */
export const QWEN_VERSIONS: HarnessVersions = {
  npmPackage: '@qwen-code/qwen-code',
  tested: { min: '0.24.4', max: '0.24.4' },
  parseVersionOutput: firstVersionIn,
};
