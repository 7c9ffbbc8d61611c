import { defineConfig } from 'vitest/config';

// The end-to-end suite: real harness binaries under `ao spawn` (npm run test:e2e). One file per
// harness; the files run in parallel (each scenario has its own sandbox, AO_HOME and mock server on
// a random 127.0.0.1 port), the scenarios of one file one after the other. Two files at a time: five
// TUIs (OpenCode's start alone takes a core for seconds) on 2 cores made three at a time so slow that
// waits meant as hang guards ran out. The limits below are hang guards, not timing assertions.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.e2e.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    maxWorkers: Number(process.env.AO_E2E_WORKERS ?? 2),
    pool: 'forks',
    reporters: ['verbose'],
  },
});
