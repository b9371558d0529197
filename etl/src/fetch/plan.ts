/** Which files a fetch downloads: each source's download template expanded over the years (and province) asked for. */
import type { SourceCatalog } from '../sources/descriptor.js';

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

export interface FetchSelection {
  readonly years?: YearRange | undefined;
  readonly sourceIds?: readonly string[] | undefined;
  /** 3-digit provincia codes, for templates with {provincia}. */
  readonly provinces?: readonly string[] | undefined;
}

export interface PlannedDownload {
  readonly sourceId: string;
  readonly publisher: string;
  readonly url: string;
  /** Where the file goes, relative to the data folder. */
  readonly file: string;
  /** The zip entry to extract, when the URL serves an archive. */
  readonly unzip?: string | undefined;
  readonly expectedSha256?: string | undefined;
}

/** A command-line parameter that cannot be honoured; the message names it. */
export class FetchUsageError extends Error {
  override readonly name = 'FetchUsageError';
}

export function parseYears(text: string): YearRange {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (match === null || from > to) throw new FetchUsageError(`--years "${text}": expected a year (2025) or a range from the earlier year (2019-2025)`);
  return { from, to };
}

export function parseProvinces(text: string): string[] {
  const codes = text.split(',').map((code) => code.trim());
  const bad = codes.filter((code) => !/^\d{3}$/.test(code));
  if (bad.length > 0) throw new FetchUsageError(`--provincia "${text}": ${bad.map((b) => `"${b}"`).join(', ')} is not a 3-digit provincia code; expected codes like 018 or 018,019`);
  return codes;
}

export function planDownloads(catalog: SourceCatalog, selection: FetchSelection = {}): PlannedDownload[] {
  const downloadable = catalog.sources.filter((source) => source.download !== undefined);
  for (const id of selection.sourceIds ?? []) {
    const source = catalog.sources.find((s) => s.id === id);
    if (source === undefined) throw new FetchUsageError(`--source ${id}: no source has this id; expected one of ${downloadable.map((s) => s.id).join(', ') || '(none has a download)'}`);
    if (source.download === undefined) throw new FetchUsageError(`--source ${id}: sources.yaml gives no download for it; download ${source.file} by hand from ${source.url ?? source.publisher} into the data folder`);
  }
  const chosen = selection.sourceIds === undefined ? downloadable : downloadable.filter((s) => selection.sourceIds!.includes(s.id));
  if (chosen.length === 0) throw new FetchUsageError('no source in sources.yaml has a download; nothing to fetch');

  const planned: PlannedDownload[] = [];
  for (const source of chosen) {
    const download = source.download!;
    const years = download.years === undefined ? [undefined] : yearsWithin(download.years, selection.years);
    const withProvincia = download.url.includes('{provincia}');
    if (withProvincia && (selection.provinces ?? []).length === 0) throw new FetchUsageError(`--provincia: the download of ${source.id} is one file per provincia; expected --provincia with 3-digit codes like 018 or 018,019`);
    for (const year of years) {
      for (const provincia of withProvincia ? selection.provinces! : [undefined]) {
        const expand = (template: string) => template.replaceAll('{year}', String(year)).replaceAll('{provincia}', provincia ?? '');
        const file = expand(download.file);
        planned.push({ sourceId: source.id, publisher: source.publisher, url: expand(download.url), file, unzip: download.unzip === undefined ? undefined : expand(download.unzip), expectedSha256: download.sha256?.[file] });
      }
    }
  }
  if (planned.length === 0) {
    const offered = chosen.map((s) => `${s.id} ${s.download!.years?.join('-')}`).join(', ');
    throw new FetchUsageError(`--years ${selection.years?.from}-${selection.years?.to}: no selected source publishes these years; they offer ${offered}`);
  }
  return planned;
}

function yearsWithin([first, last]: readonly [number, number], asked: YearRange | undefined): number[] {
  const from = Math.max(first, asked?.from ?? first);
  const to = Math.min(last, asked?.to ?? last);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
