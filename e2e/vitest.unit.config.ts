import { defineConfig } from 'vitest/config';

// The e2e suite's own pure and file-level parts (the harness cache): fast, no harness, no network.
// Run by the root `npm test`; the end-to-end files themselves run with vitest.config.ts.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['lib/*.test.ts'],
  },
});
