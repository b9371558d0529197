import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../config/config.js';
import { QUALITY_RULES } from './quality-rules.js';

it('knows every rule of datasets/quality.yaml, in the kebab case the checks write', async () => {
  const yaml = await readFile(path.join(repoRoot, 'datasets', 'quality.yaml'), 'utf8');
  const rules = [...yaml.matchAll(/^ {2}([a-z_]+):/gm)].map((m) => m[1]!.replace(/_/g, '-'));
  expect(rules.length).toBeGreaterThan(5);
  expect([...QUALITY_RULES].sort()).toEqual(rules.sort());
});
