import { defineConfig } from 'vitest/config';

// The browser journeys: real Chromium against the whole stack, started by the global setup.
export default defineConfig({
  test: {
    include: ['ghi/e2e/**/*.e2e.ts'],
    globalSetup: ['ghi/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
