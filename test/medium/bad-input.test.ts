import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { currentSnapshotId, load, newStateDir } from '../support/etl.js';

const POPULATION = 'population/pavia_popolazione_residente_2018_2021.csv';
const goodPopulation = fixtureFiles()[POPULATION]!;
const populationLines = goodPopulation.trimEnd().split('\n');

/** The population file with its data line `lineNumber` (1-based, header = 1) replaced. */
function withLine(lineNumber: number, replacement: string): string {
  return populationLines.map((line, index) => (index + 1 === lineNumber ? replacement : line)).join('\n') + '\n';
}

const cases: { name: string; file: string; content: string | Uint8Array; expected: RegExp }[] = [
  {
    name: 'a CSV with the wrong delimiter',
    file: POPULATION,
    content: goodPopulation.replaceAll(',', ';'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:1:1: .*','.*\[wrong-delimiter\]/,
  },
  {
    name: 'a missing column',
    file: POPULATION,
    content: populationLines.map((line) => line.split(',').filter((_, i) => i !== 4).join(',')).join('\n') + '\n',
    expected: /pavia_popolazione_residente_2018_2021\.csv:1:\d+: .*pop_res_20.*\[missing-column\]/,
  },
  {
    name: 'an unknown comune code',
    file: POPULATION,
    content: withLine(3, 'Nessuno,018999,1,2,3,4'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:3:2: .*018999.*\[unknown-comune\]/,
  },
  {
    name: 'a duplicated key',
    file: POPULATION,
    content: withLine(3, populationLines[1]!),
    expected: /pavia_popolazione_residente_2018_2021\.csv:3:\d+: .*line 2.*\[duplicate-key\]/,
  },
  {
    name: 'a negative count',
    file: POPULATION,
    content: withLine(2, 'Pavia,018110,72000,-71500,71200,70971'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:2:4: .*-71500.*\[negative-count\]/,
  },
  {
    name: "text that isn't a number",
    file: POPULATION,
    content: withLine(2, 'Pavia,018110,72000,71500,n.d.,70971'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:2:5: .*n\.d\..*\[not-a-number\]/,
  },
  {
    name: 'a file in an unexpected encoding',
    file: 'territory/gi_comuni.csv',
    // The comuni list re-saved as windows-1252: "Agliè" has the single byte 0xE8 for "è".
    content: Buffer.concat([Buffer.from(fixtureFiles()['territory/gi_comuni.csv']!), Buffer.from('TO;001001;"Agli\xe8";"Agli\xe8";;NO;A074;45,3;7,7;13,28;201\n', 'latin1')]),
    expected: /gi_comuni\.csv:7:\d+: .*(UTF-8|utf-8).*\[bad-encoding\]/,
  },
];

describe('a broken input file fails the load and publishes nothing', () => {
  let stateDir: string;
  let goodId: string | null;

  beforeAll(async () => {
    stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    goodId = await currentSnapshotId(stateDir);
  });

  it.each(cases)('$name: names the file, line, column and rule', async ({ file, content, expected }) => {
    const broken = await writeFixtureDataFolder({ overrides: { [file]: content } });
    await expect(load(stateDir, broken)).rejects.toThrow(expected);
    expect(await currentSnapshotId(stateDir)).toBe(goodId);
  });
});
