import { defineConfig } from 'vitest/config';

// These tests start real processes (git, bash, node, the conformance sandboxes): on a loaded 2-core
// machine a spawn alone can take seconds, so vitest's 5 s default fails tests that are not slow.
// No assertion here is about time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
