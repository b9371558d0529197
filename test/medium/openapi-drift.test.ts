import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../backend/src/config/config.js';
import { renderOpenApiFile } from '../../backend/src/openapi-file.js';

const API_DIR = path.join(repoRoot, 'frontend', 'src', 'api');
const GENERATOR = path.join(repoRoot, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
const FIX = 'is out of date: run `npm run openapi` and commit the result';

describe("the frontend's committed API contract", () => {
  it('openapi.json is the document the backend builds', async () => {
    expect(await renderOpenApiFile(), `frontend/src/api/openapi.json ${FIX}`).toBe(await readFile(path.join(API_DIR, 'openapi.json'), 'utf8'));
  });

  it('openapi.ts is generated from openapi.json', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [GENERATOR, path.join(API_DIR, 'openapi.json')]);
    expect(stdout, `frontend/src/api/openapi.ts ${FIX}`).toBe(await readFile(path.join(API_DIR, 'openapi.ts'), 'utf8'));
  });
});
