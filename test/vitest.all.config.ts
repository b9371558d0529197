import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One run over every tier: unit specs beside the code in each workspace, and the cross-package
// medium and end-to-end tests in test/.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { projects: ['etl', 'backend', 'frontend', 'test'] },
});
