import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';

// The SQL the docs show a reader, run on a snapshot loaded from the fixtures: a doc must not show a query
// the snapshot's schema no longer answers.
const DOCS = ['notebooks/README.md'];

function sqlBlocks(doc: string): string[] {
  const text = readFileSync(fileURLToPath(new URL(`../../${doc}`, import.meta.url)), 'utf8');
  return [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('SQL shown in the docs', () => {
  it.each(DOCS)('%s: every query runs on a published snapshot and answers rows', async (doc) => {
    const blocks = sqlBlocks(doc);
    expect(blocks.length).toBeGreaterThan(0);
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    for (const sql of blocks) expect((await querySnapshot(stateDir, sql)).length, sql).toBeGreaterThan(0);
  });
});
