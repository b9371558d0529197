import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'etl', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
});
