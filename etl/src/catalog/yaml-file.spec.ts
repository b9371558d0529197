import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodeText, makeDataFolder, type DataFolder } from '../sources/testing/fixtures.js';
import { onlyErrorOf } from '../sources/testing/source-errors.js';
import { readAmbitiFile } from './ambiti.js';
import { readYamlFile } from './yaml-file.js';

const AMBITI = ['example: false', 'ambiti:', '  - code: PV-01', '    name: Ambito Città di Pavia', "    provincia: '018'", '    members:', "      - { comune: '018110' }", ''].join('\n');

/** Nine levels of nine aliases each: 9^9 strings once expanded ("billion laughs"). */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level += 1) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('readYamlFile', () => {
  let folder: DataFolder;
  beforeEach(async () => {
    folder = await makeDataFolder();
  });
  afterEach(() => folder.remove());

  it('reads a UTF-8 file', async () => {
    await folder.write('ambiti.yaml', AMBITI);
    expect((await readAmbitiFile(path.join(folder.dir, 'ambiti.yaml'))).data.ambiti[0]!.name).toBe('Ambito Città di Pavia');
  });

  it('refuses a file saved in windows-1252 at its first bad byte, rather than reading "Citt\uFFFD"', async () => {
    await folder.write('ambiti.yaml', encodeText(AMBITI, 'windows-1252'));
    const error = await onlyErrorOf(() => readAmbitiFile(path.join(folder.dir, 'ambiti.yaml')));
    expect(error).toMatchObject({ file: 'ambiti.yaml', line: 4, column: 22, rule: 'bad-encoding' });
    expect(error.message).toContain('byte 0xE0 ("à" in windows-1252) is not valid UTF-8');
    expect(error.message).toContain('save it again as UTF-8');
    expect(error.message).not.toContain('parse.encoding');
  });

  it('refuses a UTF-16 file', async () => {
    await folder.write('ambiti.yaml', encodeText(AMBITI, 'utf-16le'));
    expect(await onlyErrorOf(() => readAmbitiFile(path.join(folder.dir, 'ambiti.yaml')))).toMatchObject({ file: 'ambiti.yaml', line: 1, column: 1, rule: 'bad-encoding' });
  });

  it('refuses an alias bomb at its first alias instead of expanding it', async () => {
    await folder.write('bomb.yaml', aliasBomb());
    const error = await onlyErrorOf(() => readYamlFile(path.join(folder.dir, 'bomb.yaml'), z.unknown()));
    expect(error).toMatchObject({ file: 'bomb.yaml', line: 2, column: 8, rule: 'yaml-alias-limit' });
    expect(error.message).toContain('more than 100');
  });

  it('accepts a few aliases', async () => {
    await folder.write('few.yaml', 'x: &x [1, 2]\ny: *x\nz: *x\n');
    expect((await readYamlFile(path.join(folder.dir, 'few.yaml'), z.unknown())).data).toEqual({ x: [1, 2], y: [1, 2], z: [1, 2] });
  });

  it('refuses a folder where the file is expected', async () => {
    await mkdir(path.join(folder.dir, 'ambiti.yaml'));
    expect(await onlyErrorOf(() => readAmbitiFile(path.join(folder.dir, 'ambiti.yaml')))).toMatchObject({ file: 'ambiti.yaml', rule: 'not-a-file' });
  });
});
