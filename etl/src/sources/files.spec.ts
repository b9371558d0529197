import { mkdir, open, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSourceCatalog } from './descriptor.js';
import { digestCatalogFiles, loadSourceFile, MAX_SOURCE_FILE_BYTES, readWholeFile, unreadableFileError } from './files.js';
import { makeDataFolder, type DataFolder } from './testing/fixtures.js';
import { onlyErrorOf } from './testing/source-errors.js';

/** A file of `bytes` bytes that takes no disk space (a hole), to test size limits without writing them. */
async function sparseFile(file: string, bytes: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  try {
    await handle.truncate(bytes);
  } finally {
    await handle.close();
  }
}

describe('reading a source file', () => {
  let folder: DataFolder;
  beforeEach(async () => {
    folder = await makeDataFolder();
  });
  afterEach(() => folder.remove());

  it('reads a file and names it relative to the data folder', async () => {
    await folder.write('territory/a.csv', 'a\n1\n');
    expect(await loadSourceFile(path.join(folder.dir, 'territory/a.csv'), folder.dir)).toMatchObject({ path: 'territory/a.csv', bytes: Buffer.from('a\n1\n') });
  });

  it('refuses a folder where a file is expected', async () => {
    await mkdir(path.join(folder.dir, 'territory/gi_comuni.csv'), { recursive: true });
    const error = await onlyErrorOf(() => loadSourceFile(path.join(folder.dir, 'territory/gi_comuni.csv'), folder.dir));
    expect(error).toMatchObject({ file: 'territory/gi_comuni.csv', line: 0, column: 0, rule: 'not-a-file' });
    expect(error.message).toContain('is a folder, not a file');
  });

  it('refuses a loop of symbolic links, saying what to do', async () => {
    await mkdir(path.join(folder.dir, 'territory'));
    await symlink('b.csv', path.join(folder.dir, 'territory/a.csv'));
    await symlink('a.csv', path.join(folder.dir, 'territory/b.csv'));
    const error = await onlyErrorOf(() => loadSourceFile(path.join(folder.dir, 'territory/a.csv'), folder.dir));
    expect(error).toMatchObject({ file: 'territory/a.csv', rule: 'unreadable-file' });
    expect(error.message).toContain('symbolic links that loop');
  });

  it('refuses a symbolic link to nothing', async () => {
    await mkdir(path.join(folder.dir, 'territory'));
    await symlink('gone.csv', path.join(folder.dir, 'territory/a.csv'));
    expect(await onlyErrorOf(() => loadSourceFile(path.join(folder.dir, 'territory/a.csv'), folder.dir))).toMatchObject({ file: 'territory/a.csv', rule: 'unreadable-file' });
  });

  it('turns a permission error into one naming the file and the fix', () => {
    // Tests run as root in CI, where no file is unreadable: the mapping is checked on the error Node raises.
    const denied = Object.assign(new Error("EACCES: permission denied, open '/data/territory/a.csv'"), { code: 'EACCES', errno: -13, syscall: 'open' });
    const error = unreadableFileError('territory/a.csv', denied);
    expect(error).toMatchObject({ file: 'territory/a.csv', line: 0, column: 0, rule: 'unreadable-file' });
    expect(error.message).toContain('permission denied');
    expect(error.message).toContain('read access');
  });

  it('refuses a file above the size limit before reading it, with its size, the limit and what to do', async () => {
    const file = path.join(folder.dir, 'boundaries/huge.topo.json');
    await sparseFile(file, MAX_SOURCE_FILE_BYTES + 1);
    const error = await onlyErrorOf(() => loadSourceFile(file, folder.dir));
    expect(error).toMatchObject({ file: 'boundaries/huge.topo.json', line: 0, column: 0, rule: 'file-too-large' });
    expect(error.message).toContain('256.0 MB (268,435,457 bytes), more than the 256 MB');
    expect(error.message).toContain('check it is the right file');
  });

  it('refuses a file of 2 GB or more, which Node cannot read into memory', async () => {
    const file = path.join(folder.dir, 'territory/gi_comuni.csv');
    await sparseFile(file, 3 * 1024 ** 3);
    expect(await onlyErrorOf(() => loadSourceFile(file, folder.dir))).toMatchObject({ file: 'territory/gi_comuni.csv', rule: 'file-too-large' });
  });

  it('takes the limit a caller gives', async () => {
    await folder.write('x.yaml', 'a: 1\n');
    expect(await onlyErrorOf(() => readWholeFile(path.join(folder.dir, 'x.yaml'), 'x.yaml', 3))).toMatchObject({ file: 'x.yaml', rule: 'file-too-large' });
  });
});

describe('the data folder', () => {
  const sourcesYaml = path.join(import.meta.dirname, '../../../datasets/sources.yaml');

  it('is named, not a file in it, when it does not exist (a mistyped --data or OSSERVATORIO_DATA_DIR)', async () => {
    const folder = await makeDataFolder();
    try {
      const missing = path.join(folder.dir, 'datsets');
      const error = await onlyErrorOf(async () => digestCatalogFiles(await loadSourceCatalog(sourcesYaml), missing));
      expect(error).toMatchObject({ file: missing, line: 0, column: 0, rule: 'no-data-folder' });
      expect(error.message).toContain('the data folder does not exist; expected the folder of published files given by --data or OSSERVATORIO_DATA_DIR');
    } finally {
      await folder.remove();
    }
  });

  it('is refused when it is a file', async () => {
    const folder = await makeDataFolder();
    try {
      await folder.write('notes.txt', 'x\n');
      const file = path.join(folder.dir, 'notes.txt');
      const error = await onlyErrorOf(async () => digestCatalogFiles(await loadSourceCatalog(sourcesYaml), file));
      expect(error).toMatchObject({ file, line: 0, column: 0, rule: 'no-data-folder' });
      expect(error.message).toContain('is a file, not a folder');
    } finally {
      await folder.remove();
    }
  });
});
