import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import * as built from '@osservatorio/etl/contract';
import { readSnapshotSchema, SEXES, SNAPSHOT_SCHEMA_FILE, TERRITORY_LEVELS } from './contract.js';

/** The values a CHECK (column IN (...)) of schema.sql allows. */
function checkedValues(schema: string, column: string): string[] {
  const match = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(schema);
  if (match === null) throw new Error(`schema.sql has no CHECK on ${column}`);
  return match[1]!.split(',').map((value) => value.trim().replace(/^'|'$/g, ''));
}

describe('the snapshot contract', () => {
  it('names the levels and sexes the schema allows', () => {
    const schema = readSnapshotSchema();
    expect(checkedValues(schema, 'level').sort()).toEqual([...TERRITORY_LEVELS].sort());
    expect(checkedValues(schema, 'sex').sort()).toEqual([...SEXES].sort());
  });

  it('runs from dist/ on its own: the schema file sits beside the built module', async () => {
    expect(path.relative(fileURLToPath(new URL('../dist', import.meta.url)), built.SNAPSHOT_SCHEMA_FILE)).toBe(path.join('model', 'schema.sql'));
    expect(built.readSnapshotSchema()).toBe(readSnapshotSchema());
    expect(SNAPSHOT_SCHEMA_FILE).not.toBe(built.SNAPSHOT_SCHEMA_FILE);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(built.readSnapshotSchema());
      const tables = (await connection.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_name IN ('territory', 'indicator')")).getRows().flat();
      expect(tables.sort()).toEqual(['indicator', 'territory']);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
