// Test runner settings: every test file in test/, in separate processes so native SQLite handles never leak; their
// temporary folders live under one folder per run, removed at its end (test/support/temp-root.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/support/temp-root.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
