/**
 * Reads one source of datasets/sources.yaml from the data folder, in its published format, into typed
 * records. This is the entry point of the connectors: one per role (and per layout for observations).
 */
import { readBoundaries, type BoundariesRecord } from './connectors/boundaries.js';
import { readComuniValidity, type ComuneValidityRecord } from './connectors/comuni-validity.js';
import { readComuni, type ComuneRecord } from './connectors/comuni.js';
import type { ConnectorOutput, SourceText } from './connectors/connector.js';
import { readProvince, type ProvinciaRecord } from './connectors/province.js';
import { readRegioni, type RegioneRecord } from './connectors/regioni.js';
import { readSuppressed, type SuppressedRecord } from './connectors/suppressed.js';
import type { CsvSourceDescriptor, DescriptorOf, SourceDescriptor } from './descriptor.js';
import { loadSourceFile, resolveSourceFiles, type LoadedFile } from './files.js';
import { KeyRegistry } from './keys.js';
import { decodeSourceText } from './text.js';

export { resolveSourceFiles } from './files.js';
export type { BoundariesRecord, BoundaryGeometry } from './connectors/boundaries.js';
export type { ComuneRecord } from './connectors/comuni.js';
export type { ComuneValidityRecord } from './connectors/comuni-validity.js';
export type { ProvinciaRecord } from './connectors/province.js';
export type { RegioneRecord } from './connectors/regioni.js';
export type { SuppressedRecord } from './connectors/suppressed.js';

export interface SourceFileRead {
  /** Relative to the data folder. */
  readonly path: string;
  readonly sha256: string;
  readonly rowsRead: number;
}

interface ReadOf<R extends SourceDescriptor['role'], Records> {
  readonly descriptor: DescriptorOf<R>;
  readonly files: readonly SourceFileRead[];
  readonly records: Records;
}

export type SourceRead =
  | ReadOf<'comuni', ComuneRecord[]>
  | ReadOf<'comuni_validity', ComuneValidityRecord[]>
  | ReadOf<'province', ProvinciaRecord[]>
  | ReadOf<'regioni', RegioneRecord[]>
  | ReadOf<'suppressed', SuppressedRecord[]>
  | ReadOf<'boundaries', BoundariesRecord>;

/** Reads a territory or boundaries source; observations are staged in DuckDB (src/stage). */
export async function readSource(descriptor: Exclude<SourceDescriptor, { role: 'observations' }>, dataDir: string): Promise<SourceRead> {
  const paths = await resolveSourceFiles(descriptor, dataDir);
  const files = await Promise.all(paths.map((file) => loadSourceFile(file, dataDir)));
  const keys = new KeyRegistry();
  switch (descriptor.role) {
    case 'boundaries':
      return { descriptor, ...readBoundariesFile(files, descriptor) };
    case 'comuni':
      return { descriptor, ...readCsvFiles(files, descriptor, (input) => readComuni(input, descriptor, keys)) };
    case 'comuni_validity':
      return { descriptor, ...readCsvFiles(files, descriptor, (input) => readComuniValidity(input, descriptor, keys)) };
    case 'province':
      return { descriptor, ...readCsvFiles(files, descriptor, (input) => readProvince(input, descriptor, keys)) };
    case 'regioni':
      return { descriptor, ...readCsvFiles(files, descriptor, (input) => readRegioni(input, descriptor, keys)) };
    case 'suppressed':
      return { descriptor, ...readCsvFiles(files, descriptor, (input) => readSuppressed(input, descriptor, keys)) };
  }
}

function readCsvFiles<R>(
  files: readonly LoadedFile[],
  descriptor: CsvSourceDescriptor,
  connector: (input: SourceText) => ConnectorOutput<R>,
): { files: SourceFileRead[]; records: R[] } {
  const outputs = files.map((file) => ({ file, output: connector({ file: file.path, text: decodeSourceText(file.path, file.bytes, descriptor.parse.encoding) }) }));
  return {
    files: outputs.map(({ file, output }) => ({
      path: file.path,
      sha256: file.sha256,
      rowsRead: output.rowsRead,
    })),
    records: outputs.flatMap(({ output }) => output.records),
  };
}

/** A boundaries source is never optional (see descriptor.ts), so its one file was found. */
function readBoundariesFile(files: readonly LoadedFile[], descriptor: DescriptorOf<'boundaries'>): { files: SourceFileRead[]; records: BoundariesRecord } {
  const [file] = files;
  if (!file) throw new Error(`boundaries source ${descriptor.id} resolved to no file`);
  const records = readBoundaries({ file: file.path, text: decodeSourceText(file.path, file.bytes, 'utf-8') }, descriptor);
  return { files: [{ path: file.path, sha256: file.sha256, rowsRead: records.geometries.length }], records };
}
