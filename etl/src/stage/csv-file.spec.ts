/**
 * A file is checked for its encoding beyond the head Node reads (the first MB): bytes that betray another
 * encoding deep in a big file fail the file at their line and column, as they would in its head.
 */
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DescriptorOf, SourceCatalog } from '../sources/descriptor.js';
import { descriptorOf, fixtureCatalog, makeDataFolder, wellFormedFiles } from '../sources/testing/fixtures.js';
import { located, onlyErrorOf, sourceErrorsOf } from '../sources/testing/source-errors.js';
import { bigPosasWith, posasDeclaredIn } from './testing/big-posas.js';
import { stageSource } from './testing/stage-source.js';

const FILE = 'population/POSAS_2025_it_Comuni.csv';

let catalogs: Record<string, SourceCatalog>;
beforeAll(async () => {
  const folder = await makeDataFolder();
  catalogs = {};
  for (const encoding of ['utf-8', 'windows-1252', 'latin-1'] as const) catalogs[encoding] = await fixtureCatalog(folder, posasDeclaredIn(encoding));
  await folder.remove();
});

/** Stages the file as a load does; the folder it is staged from is also where a transcoded copy is written. */
async function stageBig(encoding: 'utf-8' | 'windows-1252' | 'latin-1', bytes: Uint8Array) {
  const folder = await makeDataFolder({ ...wellFormedFiles(), [FILE]: bytes });
  try {
    const catalog = catalogs[encoding]!;
    const error = await onlyErrorOf(() => stageSource(catalog, descriptorOf(catalog, 'istat_posas') as DescriptorOf<'observations'>, folder.dir));
    return { error, left: await readdir(folder.dir, { recursive: true }) };
  } finally {
    await folder.remove();
  }
}

describe('an encoding error past the first MB of a file', () => {
  it.each([
    ['0x81, which windows-1252 gives no character', 0x81, 'byte 0x81 has no character in windows-1252, expected windows-1252 text as declared in datasets/sources.yaml'],
    ['a NUL byte', 0x00, 'file contains NUL bytes, so it is UTF-16 or not text at all, expected windows-1252 as declared in datasets/sources.yaml'],
  ])('windows-1252 (transcoded as a stream): %s fails at its line and column, leaving no transcoded copy', async (_, byte, explanation) => {
    const { bytes, line, column } = bigPosasWith('windows-1252', byte);
    const { error, left } = await stageBig('windows-1252', bytes);
    expect(error).toMatchObject({ file: FILE, line, column, rule: 'bad-encoding' });
    expect(error.message).toContain(explanation);
    expect(left.filter((name) => name.endsWith('.utf8.csv'))).toEqual([]);
  });

  it('latin-1 (read by DuckDB): a control byte 0x92 ("’" in windows-1252) fails at its line and column', async () => {
    const { bytes, line, column } = bigPosasWith('latin-1', 0x92);
    const { error } = await stageBig('latin-1', bytes);
    expect(error).toMatchObject({ file: FILE, line, column, rule: 'bad-encoding' });
    expect(error.message).toContain('byte 0x92 is a control character in latin-1 ("’" in windows-1252), expected latin-1 text as declared in datasets/sources.yaml; declare parse.encoding: windows-1252');
  });

  it('utf-8 (read by DuckDB): a windows-1252 byte 0xE8 in a cell the load reads fails at its line, naming the field', async () => {
    const { bytes, line } = bigPosasWith('utf-8', 0xe8, 'count');
    const folder = await makeDataFolder({ ...wellFormedFiles(), [FILE]: bytes });
    try {
      const catalog = catalogs['utf-8']!;
      const errors = await sourceErrorsOf(() => stageSource(catalog, descriptorOf(catalog, 'istat_posas') as DescriptorOf<'observations'>, folder.dir));
      // DuckDB drops the row, so its comune also lacks an age; the encoding is reported at the field (Totale maschi).
      const error = errors.find((e) => e.rule === 'bad-encoding');
      expect(located(error!)).toEqual({ file: FILE, line, column: 4, rule: 'bad-encoding' });
      expect(error!.message).toContain('the row holds bytes that are not valid utf-8; expected utf-8 as declared in datasets/sources.yaml');
    } finally {
      await folder.remove();
    }
  });
});
