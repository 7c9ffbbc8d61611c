import { defineConfig } from 'vitest/config';

// These tests start real daemons and agents through the real `ao` launcher: give them time, and
// keep the file-level parallelism modest on a 2-core machine.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
