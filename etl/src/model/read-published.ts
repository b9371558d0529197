import type { SourceCatalog, SourceDescriptor } from '../sources/descriptor.js';
import { readSource, type SourceRead } from '../sources/read-source.js';
import type { ModelInput, SourceMeta } from './input.js';
import type { Progress } from '../progress.js';

type Records<R extends SourceDescriptor['role']> = Extract<SourceRead, { descriptor: { role: R } }>['records'];

/** Reads every source of the catalogue from a data folder, in its published format. */
export async function readPublishedSources(catalog: SourceCatalog, dataDir: string, progress: Progress): Promise<ModelInput> {
  const reads: SourceRead[] = [];
  for (const descriptor of catalog.sources) {
    const started = performance.now();
    const read = await readSource(descriptor, dataDir);
    const rows = read.files.reduce((sum, f) => sum + f.rowsRead, 0);
    progress.step(`read ${descriptor.id}: ${read.files.map((f) => f.path).join(', ') || 'no file (optional, skipped)'}: ${rows.toLocaleString('en')} rows in ${Math.round(performance.now() - started)} ms`);
    reads.push(read);
  }
  const only = <R extends SourceDescriptor['role']>(role: R): { id: string; records: Records<R> } => {
    const matching = reads.filter((r) => r.descriptor.role === role);
    if (matching.length !== 1) throw new Error(`sources.yaml must declare exactly one source with role ${role}; found ${matching.length}`);
    return { id: matching[0]!.descriptor.id, records: matching[0]!.records as Records<R> };
  };
  const comuni = only('comuni');
  const comuniDescriptor = catalog.sources.find((s) => s.id === comuni.id) as Extract<SourceDescriptor, { role: 'comuni' }>;

  const sources: SourceMeta[] = reads
    .filter((r) => r.files.length > 0)
    .map((r) => ({
      id: r.descriptor.id,
      title: r.descriptor.title,
      publisher: r.descriptor.publisher,
      licence: r.descriptor.licence,
      url: r.descriptor.url ?? null,
      file: r.files.map((f) => f.path).join(', '),
      sha256: r.files.length === 1 ? r.files[0]!.sha256 : null,
      rowsRead: r.files.reduce((sum, f) => sum + f.rowsRead, 0),
      synthetic: false,
    }));

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
    observations: reads.flatMap((r) => (r.descriptor.role === 'observations' ? (r.records as Records<'observations'>).map((o) => ({ ...o, sourceId: r.descriptor.id })) : [])),
  };
}

function withSource<T>({ id, records }: { id: string; records: readonly T[] }): (T & { sourceId: string })[] {
  return records.map((record) => ({ ...record, sourceId: id }));
}
