import type { SourceCatalog, SourceDescriptor } from '../sources/descriptor.js';
import type { FileDigest } from '../sources/files.js';
import { SourceError } from '../sources/errors.js';
import { readSource, type SourceRead } from '../sources/read-source.js';
import type { ModelInput, SourceMeta } from './input.js';
import type { Progress } from '../progress.js';

type TerritoryRole = Exclude<SourceDescriptor['role'], 'observations'>;
type Records<R extends TerritoryRole> = Extract<SourceRead, { descriptor: { role: R } }>['records'];

/**
 * Reads the territory sources of the catalogue (comuni, their history, mergers, provinces, regions,
 * boundaries) from a data folder, in their published formats. These are small; observations are staged
 * in DuckDB by the load instead.
 */
export async function readPublishedSources(catalog: SourceCatalog, dataDir: string, progress: Progress): Promise<ModelInput> {
  const reads: SourceRead[] = [];
  for (const descriptor of catalog.sources) {
    if (descriptor.role === 'observations') continue;
    const listed = reads.find((r) => r.descriptor.role === 'comuni' && r.files.length > 0);
    if (descriptor.role === 'comuni' && listed !== undefined) {
      progress.step(`skipped ${descriptor.id}: the comuni list is ${listed.descriptor.id}, the first comuni source in sources.yaml whose file is in the data folder`);
      continue;
    }
    const started = performance.now();
    const read = await readSource(descriptor, dataDir);
    const rows = read.files.reduce((sum, f) => sum + f.rowsRead, 0);
    progress.step(`read ${descriptor.id}: ${read.files.map((f) => f.path).join(', ') || 'no file (optional, skipped)'}: ${rows.toLocaleString('en')} rows in ${Math.round(performance.now() - started)} ms`);
    reads.push(read);
  }
  const only = <R extends TerritoryRole>(role: R): { id: string; records: Records<R> } => {
    const matching = reads.filter((r) => r.descriptor.role === role);
    if (matching.length !== 1) throw new Error(`sources.yaml must declare exactly one source with role ${role}; found ${matching.length}`);
    return { id: matching[0]!.descriptor.id, records: matching[0]!.records as Records<R> };
  };
  const comuni = comuniList(catalog, reads);
  const comuniDescriptor = catalog.sources.find((s) => s.id === comuni.id) as Extract<SourceDescriptor, { role: 'comuni' }>;

  const sources: SourceMeta[] = reads
    .filter((r) => r.files.length > 0)
    .map((r) => sourceMeta(r.descriptor, r.files.map((f) => ({ path: f.path, sha256: f.sha256 })), r.files.reduce((sum, f) => sum + f.rowsRead, 0)));

  return {
    mode: 'real',
    referenceDate: comuniDescriptor.reference_date,
    sources,
    territorySourceId: comuni.id,
    comuni: comuni.records,
    province: withSource(only('province')),
    regioni: withSource(only('regioni')),
    history: only('comuni_validity').records,
    suppressed: only('suppressed').records,
    boundaries: reads.flatMap((r) => (r.descriptor.role === 'boundaries' && r.files.length > 0 ? [{ ...(r.records as Records<'boundaries'>), sourceId: r.descriptor.id }] : [])),
  };
}

/** The comuni list: the first source of role comuni whose file is in the data folder (sources.yaml order). */
function comuniList(catalog: SourceCatalog, reads: readonly SourceRead[]): { id: string; records: Records<'comuni'> } {
  const read = reads.find((r) => r.descriptor.role === 'comuni' && r.files.length > 0);
  if (read === undefined) {
    const declared = catalog.sources.filter((s) => s.role === 'comuni');
    if (declared.length === 0) throw new Error('sources.yaml declares no source with role comuni; expected one (e.g. gi_comuni or istat_elenco_comuni)');
    throw new SourceError({
      file: declared[0]!.file,
      line: 0,
      column: 0,
      rule: 'no-file',
      explanation: `no list of comuni in the data folder; expected one of ${declared.map((s) => `${s.file} (${s.id}, ${s.publisher})`).join(' or ')}`,
    });
  }
  return { id: read.descriptor.id, records: read.records as Records<'comuni'> };
}

/** What the snapshot's `source` table says of a source read from the data folder. */
export function sourceMeta(descriptor: SourceDescriptor, files: readonly Pick<FileDigest, 'path' | 'sha256'>[], rowsRead: number): SourceMeta {
  return {
    id: descriptor.id,
    title: descriptor.title,
    publisher: descriptor.publisher,
    licence: descriptor.licence,
    url: descriptor.url ?? null,
    file: files.map((f) => f.path).join(', '),
    sha256: files.length === 1 ? files[0]!.sha256 : null,
    rowsRead,
    synthetic: descriptor.synthetic,
  };
}

function withSource<T>({ id, records }: { id: string; records: readonly T[] }): (T & { sourceId: string })[] {
  return records.map((record) => ({ ...record, sourceId: id }));
}
