import { defineConfig } from 'vitest/config';

// The browser tests start a real daemon, demo agents and Chromium: give them time, one file at a time.
export default defineConfig({
  test: {
    testTimeout: 90_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
});
