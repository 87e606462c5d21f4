import { defineConfig } from 'vitest/config';

/** Unit and shell tests run in plain Node; integration tests get the real S3 gateway. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/shell/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/vitest-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores shared with the gateway: more workers only add contention.
          maxWorkers: 2,
        },
      },
    ],
  },
});
