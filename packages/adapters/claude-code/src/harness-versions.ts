import type { HarnessVersions } from '@ao/registry';
import { firstVersionIn } from '@ao/adapter-kit';

/**
 * The Claude Code versions this adapter was tested with: the fixtures were recorded on 2.1.197 and
 * the e2e suite runs the pin in e2e/harness-versions.json (moving to 2.1.332). `claude --version`
 * prints `2.1.197 (Claude Code)`.
 */
export const CLAUDE_VERSIONS: HarnessVersions = {
  npmPackage: '@anthropic-ai/claude-code',
  tested: { min: '2.1.197', max: '2.1.332' },
  parseVersionOutput: firstVersionIn,
};
