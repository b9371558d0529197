import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC keeps the decorator metadata Nest's dependency injection reads; esbuild drops it.
export default defineConfig({
  // The same files whether run from the repository root (--config backend/vitest.config.ts) or from backend/.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: { name: 'backend', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
});
