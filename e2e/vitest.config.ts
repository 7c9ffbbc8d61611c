import { defineConfig } from 'vitest/config';

// The end-to-end suite: real harness binaries under `ao spawn` (npm run test:e2e). One file per
// harness; the files run in parallel (each scenario has its own sandbox, AO_HOME and mock server on
// a random 127.0.0.1 port), the scenarios of one file one after the other: a TUI is timing-sensitive
// and the machine has 2 cores.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    maxWorkers: Number(process.env.AO_E2E_WORKERS ?? 3),
    pool: 'forks',
    reporters: ['verbose'],
  },
});
