import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A user's project, run by test/user-project/ from its own installed copy.
    exclude: ['test/fixtures/user-project/**', 'node_modules/**'],
    // One pinned, printed fast-check seed for every property (test/setup/fast-check-seed.ts).
    setupFiles: ['test/setup/fast-check-seed.ts'],
    globalSetup: ['test/setup/print-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
