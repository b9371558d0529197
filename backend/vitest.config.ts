import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC keeps the decorator metadata Nest's dependency injection reads; esbuild drops it.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: { name: 'backend', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
