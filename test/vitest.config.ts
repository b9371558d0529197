import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Cross-package tests: the ETL on fixtures → snapshot → API over HTTP, real data, the browser.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
