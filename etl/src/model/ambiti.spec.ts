import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAmbitiFile } from '../catalog/ambiti.js';
import { CatalogError } from '../catalog/yaml-file.js';
import { makeDataFolder, type DataFolder } from '../sources/testing/fixtures.js';
import { validateAmbiti } from './ambiti.js';
import { validity } from './testing/territory.js';

const REFERENCE_DATE = '2025-01-01';
const PROVINCE = new Set(['018']);
const HISTORY = [
  validity('018110', 'Pavia', '1883-06-21'),
  validity('018193', 'Colli Verdi', '2019-01-01'),
  validity('018028', 'Canevino', '1861-03-17', '2018-12-31'),
  validity('018026', 'Campospinoso', '1861-03-17'),
];

/** ambiti.yaml with one line per member: `members` lists start on line 7 for the first Ambito. */
function ambitiYaml(...ambiti: { code: string; provincia?: string; members: string[] }[]): string {
  const lines = ['example: false', 'ambiti:'];
  for (const { code, provincia = "'018'", members } of ambiti) {
    lines.push(`  - code: ${code}`, `    name: Ambito ${code}`, `    provincia: ${provincia}`, '    members:', ...members.map((m) => `      - { ${m} }`));
  }
  return `${lines.join('\n')}\n`;
}

let folder: DataFolder;
beforeEach(async () => {
  folder = await makeDataFolder();
});
afterEach(() => folder.remove());

async function validate(yaml: string) {
  await folder.write('ambiti.yaml', yaml);
  return validateAmbiti(await readAmbitiFile(`${folder.dir}/ambiti.yaml`), HISTORY, REFERENCE_DATE, PROVINCE);
}
/** The problems listed by the CatalogError that validating throws, one a line. */
async function problemsOf(yaml: string): Promise<string[]> {
  const error = await validate(yaml).then(
    () => { throw new Error('expected the Ambiti to be refused'); },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CatalogError);
  const [heading, ...problems] = (error as CatalogError).message.split('\n- ');
  expect(heading).toBe('The Ambiti configuration has errors:');
  return problems;
}

describe('validateAmbiti', () => {
  it('accepts valid Ambiti, dating each membership from the start of the comune’s validity', async () => {
    const memberships = await validate(
      ambitiYaml(
        { code: 'PV-01', members: ["comune: '018110'", "comune: '018193'", "comune: '018028', valid_to: 2018-12-31"] },
        { code: 'PV-02', members: ["comune: '018026', valid_from: 2020-01-01"] },
      ),
    );
    expect(memberships).toEqual([
      { ambitoCode: 'PV-01', comuneCode: '018110', validFrom: '1883-06-21', validTo: null },
      { ambitoCode: 'PV-01', comuneCode: '018193', validFrom: '2019-01-01', validTo: null },
      { ambitoCode: 'PV-01', comuneCode: '018028', validFrom: '1861-03-17', validTo: '2018-12-31' },
      { ambitoCode: 'PV-02', comuneCode: '018026', validFrom: '2020-01-01', validTo: null },
    ]);
  });

  it('dates a membership from the validity period that holds its end when a code was used twice', async () => {
    const history = [validity('001001', 'Agliè', '1861-03-17', '1927-01-11'), validity('001001', 'Agliè', '1945-10-05')];
    await folder.write('ambiti.yaml', ambitiYaml({ code: 'TO-01', provincia: "'001'", members: ["comune: '001001'"] }));
    const memberships = validateAmbiti(await readAmbitiFile(`${folder.dir}/ambiti.yaml`), history, REFERENCE_DATE, new Set(['001']));
    expect(memberships).toEqual([{ ambitoCode: 'TO-01', comuneCode: '001001', validFrom: '1945-10-05', validTo: null }]);
  });

  it('refuses a code that is not in the comuni history, naming where the member is', async () => {
    expect(await problemsOf(ambitiYaml({ code: 'PV-01', members: ["comune: '018110'", "comune: '018999'"] }))).toEqual([
      'ambiti.yaml:8:9: PV-01: 018999 is not an ISTAT comune code in the comuni list; expected a valid 6-digit code',
    ]);
  });

  it('refuses a member whose membership ends after the comune was suppressed', async () => {
    expect(await problemsOf(ambitiYaml({ code: 'PV-01', members: ["comune: '018028', valid_to: 2019-06-30"] }))).toEqual([
      'ambiti.yaml:7:9: PV-01: comune 018028 (Canevino) was not valid on 2019-06-30; it was valid 1861-03-17 to 2018-12-31',
    ]);
  });

  it('refuses a suppressed comune kept as a member until today', async () => {
    expect(await problemsOf(ambitiYaml({ code: 'PV-01', members: ["comune: '018028'"] }))).toEqual([
      'ambiti.yaml:7:9: PV-01: comune 018028 (Canevino) was not valid on 2025-01-01; it was valid 1861-03-17 to 2018-12-31',
    ]);
  });

  it('refuses a member that joins before the comune existed', async () => {
    expect(await problemsOf(ambitiYaml({ code: 'PV-01', members: ["comune: '018193', valid_from: 2018-01-01"] }))).toEqual([
      'ambiti.yaml:7:9: PV-01: comune 018193 (Colli Verdi) was not valid on 2018-01-01; it was valid 2019-01-01 to today',
    ]);
  });

  it('refuses a membership that ends before it starts', async () => {
    expect(await problemsOf(ambitiYaml({ code: 'PV-01', members: ["comune: '018110', valid_from: 2020-01-01, valid_to: 2019-01-01"] }))).toEqual([
      'ambiti.yaml:7:9: PV-01: valid_to 2019-01-01 is before valid_from 2020-01-01',
    ]);
  });

  it('refuses a comune in two Ambiti over overlapping periods, naming both', async () => {
    const yaml = ambitiYaml(
      { code: 'PV-01', members: ["comune: '018110'"] }, // member on line 7
      { code: 'PV-02', members: ["comune: '018026'", "comune: '018110', valid_from: 2020-01-01"] }, // members on lines 12 and 13
    );
    expect(await problemsOf(yaml)).toEqual([
      'ambiti.yaml:13:9: comune 018110 is in PV-01 (ambiti.yaml:7:9) and in PV-02 over the same period; a comune belongs to one Ambito at a time',
    ]);
  });

  it('accepts a comune that moves from one Ambito to another', async () => {
    const memberships = await validate(
      ambitiYaml({ code: 'PV-01', members: ["comune: '018110', valid_to: 2020-12-31"] }, { code: 'PV-02', members: ["comune: '018110', valid_from: 2021-01-01"] }),
    );
    expect(memberships).toEqual([
      { ambitoCode: 'PV-01', comuneCode: '018110', validFrom: '1883-06-21', validTo: '2020-12-31' },
      { ambitoCode: 'PV-02', comuneCode: '018110', validFrom: '2021-01-01', validTo: null },
    ]);
  });

  it('counts both ends of a membership as inside it: leaving and joining on the same day overlap', async () => {
    const yaml = ambitiYaml({ code: 'PV-01', members: ["comune: '018110', valid_to: 2021-01-01"] }, { code: 'PV-02', members: ["comune: '018110', valid_from: 2021-01-01"] });
    expect(await problemsOf(yaml)).toEqual([expect.stringMatching(/^ambiti\.yaml:12:9: comune 018110 is in PV-01 \(ambiti\.yaml:7:9\) and in PV-02 over the same period/)]);
  });

  it('refuses a provincia that is not in the comuni list', async () => {
    expect(await problemsOf(ambitiYaml({ code: 'PV-01', provincia: "'019'", members: ["comune: '018110'"] }))).toEqual([
      'ambiti.yaml:5:16: PV-01: provincia 019 is not a provincia of the comuni list',
    ]);
  });

  it('reports every problem in one error', async () => {
    const yaml = ambitiYaml(
      { code: 'PV-01', provincia: "'019'", members: ["comune: '018999'", "comune: '018028'", "comune: '018110'"] }, // members on lines 7-9
      { code: 'PV-02', members: ["comune: '018110'"] }, // member on line 14
    );
    expect(await problemsOf(yaml)).toEqual([
      'ambiti.yaml:5:16: PV-01: provincia 019 is not a provincia of the comuni list',
      'ambiti.yaml:7:9: PV-01: 018999 is not an ISTAT comune code in the comuni list; expected a valid 6-digit code',
      'ambiti.yaml:8:9: PV-01: comune 018028 (Canevino) was not valid on 2025-01-01; it was valid 1861-03-17 to 2018-12-31',
      'ambiti.yaml:14:9: comune 018110 is in PV-01 (ambiti.yaml:9:9) and in PV-02 over the same period; a comune belongs to one Ambito at a time',
    ]);
  });
});
