import { defineConfig } from 'vitest/config';

// Three tiers: unit (no database, beside the code), integration (real Neo4j),
// e2e (real Neo4j + the HTTP server + headless Chromium). The database tiers
// share one Neo4j started by tests/support/global-setup.ts and run their
// files one at a time, each test cleaning up the data it made.
//
// Timeouts live here, and they are ceilings for a loaded 2-core machine, not
// expectations: tests wait for conditions (tests/support/wait.ts), so a quiet
// machine never waits for them.
const UNIT_TIMEOUT_MS = 30_000;
const DATABASE_TIMEOUT_MS = 180_000;

export default defineConfig({
  test: {
    // Keeps the service's JSON info lines out of the test report; tests that read logs set their own level.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/quality/**/*.test.ts'],
          testTimeout: UNIT_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: DATABASE_TIMEOUT_MS,
          hookTimeout: DATABASE_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: DATABASE_TIMEOUT_MS,
          hookTimeout: DATABASE_TIMEOUT_MS,
        },
      },
    ],
  },
});
