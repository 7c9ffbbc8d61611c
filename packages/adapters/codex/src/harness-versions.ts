import type { HarnessVersions } from '@ao/registry';
import { firstVersionIn } from '@ao/adapter-kit';

/**
 * The Codex versions this adapter was tested with: the fixtures were recorded on 0.169.0 and the
 * e2e suite runs the pin in e2e/harness-versions.json (moving to 0.171.0). `codex --version`
 * prints `codex-cli 0.169.0`.
 */
export const CODEX_VERSIONS: HarnessVersions = {
  npmPackage: '@openai/codex',
  tested: { min: '0.169.0', max: '0.171.0' },
  parseVersionOutput: firstVersionIn,
};
