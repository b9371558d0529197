import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Pinned so that the include pattern resolves here whether vitest is started from the repo root or not.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  test: { name: 'frontend', include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'], environment: 'happy-dom', testTimeout: 30_000 },
});
