import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataFolder, type DataFolder } from '../sources/testing/fixtures.js';
import { readAmbitiFile } from './ambiti.js';
import { CatalogError } from './yaml-file.js';

const SHIPPED_AMBITI = fileURLToPath(new URL('../../../datasets/territory/ambiti.yaml', import.meta.url));

let folder: DataFolder;
beforeEach(async () => {
  folder = await makeDataFolder();
});
afterEach(() => folder.remove());

/** Reads an ambiti.yaml of one Ambito whose members are the given lines (the first on line 7). */
async function readMembers(...members: string[]) {
  const lines = ['example: false', 'ambiti:', '  - code: PV-01', '    name: Ambito PV-01', "    provincia: '018'", '    members:', ...members];
  await folder.write('ambiti.yaml', `${lines.join('\n')}\n`);
  return readAmbitiFile(`${folder.dir}/ambiti.yaml`);
}
/** The problems listed by the CatalogError an action throws, one a line. */
async function problemsOf(action: () => Promise<unknown>): Promise<string[]> {
  const error = await action().then(
    () => { throw new Error('expected the file to be refused'); },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CatalogError);
  const [heading, ...problems] = (error as CatalogError).message.split('\n- ');
  expect(heading).toBe('ambiti.yaml does not match its schema:');
  return problems;
}

describe('readAmbitiFile', () => {
  it('reads the example Ambiti shipped with the project', async () => {
    const file = await readAmbitiFile(SHIPPED_AMBITI);
    expect(file.data.example).toBe(true);
    expect(file.data.ambiti.length).toBeGreaterThan(0);
    for (const ambito of file.data.ambiti) expect(ambito.provincia).toBe('018');
  });

  it('reads dates written without quotes as ISO dates and leaves absent ones undefined', async () => {
    const file = await readMembers("      - { comune: '018110', valid_from: 2021-01-01, valid_to: '2023-12-31' }", "      - { comune: '018177' }");
    expect(file.data.ambiti[0]!.members).toEqual([{ comune: '018110', valid_from: '2021-01-01', valid_to: '2023-12-31' }, { comune: '018177' }]);
    expect(file.locate(['ambiti', 0, 'members', 1])).toBe('ambiti.yaml:8:9');
  });

  it('reports every schema error at once with file:line:column', async () => {
    const problems = await problemsOf(() =>
      readMembers(
        "      - { comune: '18110' }",
        "      - { comune: '018110', valid_from: 2021-13-01 }",
        '      - { comune: 018177 }',
        "      - { comun: '018193' }",
      ),
    );
    expect(problems).toEqual([
      "ambiti.yaml:7:19: ambiti[0].members[0].comune: expected a 6-digit ISTAT comune code in quotes, e.g. '018110'",
      'ambiti.yaml:8:41: ambiti[0].members[1].valid_from: "2021-13-01" is not a date; expected YYYY-MM-DD',
      // Unquoted, 018177 is the YAML number 18177.
      'ambiti.yaml:9:19: ambiti[0].members[2].comune: Invalid input: expected string, received number',
      'ambiti.yaml:10:9: ambiti[0].members[3].comune: Invalid input: expected string, received undefined',
      'ambiti.yaml:10:9: ambiti[0].members[3]: Unrecognized key: "comun"',
    ]);
  });

  it('refuses a badly formed Ambito code and provincia, and an Ambito without members', async () => {
    const lines = ['example: false', 'ambiti:', '  - code: PV01', '    name: Ambito PV01', '    provincia: 18', '    members: []'];
    await folder.write('ambiti.yaml', `${lines.join('\n')}\n`);
    expect(await problemsOf(() => readAmbitiFile(`${folder.dir}/ambiti.yaml`))).toEqual([
      'ambiti.yaml:3:11: ambiti[0].code: expected a code like PV-01 (provincia sigla, dash, up to 8 letters or digits)',
      'ambiti.yaml:5:16: ambiti[0].provincia: Invalid input: expected string, received number',
      'ambiti.yaml:6:14: ambiti[0].members: Too small: expected array to have >=1 items',
    ]);
  });

  it('refuses a date in another format', async () => {
    expect(await problemsOf(() => readMembers("      - { comune: '018110', valid_to: 31/12/2023 }"))).toEqual([
      'ambiti.yaml:7:39: ambiti[0].members[0].valid_to: "31/12/2023" is not a date; expected YYYY-MM-DD',
    ]);
  });

  it('refuses a day that does not exist in its month', async () => {
    expect(await problemsOf(() => readMembers("      - { comune: '018110', valid_from: 2021-02-30 }"))).toEqual([
      'ambiti.yaml:7:41: ambiti[0].members[0].valid_from: "2021-02-30" is not a date; expected YYYY-MM-DD',
    ]);
  });

  it('echoes at most 40 characters of a long value', async () => {
    const [problem] = await problemsOf(() => readMembers(`      - { comune: '018110', valid_to: ${'x'.repeat(5000)} }`));
    expect(problem).toBe(`ambiti.yaml:7:39: ambiti[0].members[0].valid_to: "${'x'.repeat(40)}…" is not a date; expected YYYY-MM-DD`);
  });
});

