/**
 * Export of a chart and the table behind it. The image is drawn again, headlessly, from the chart's own
 * spec at a fixed width with a title block (title, territory and year, source) added, so that a PNG or
 * SVG pasted into the Assemblea's papers says what it shows. The CSV is the table's rows in the Italian
 * dialect the API writes (BOM, ';', decimal comma, CRLF), after the same title lines.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SyntheticEvent } from 'react';
import { useI18n } from '../LanguageContext';

export interface ExportMeta {
  title: string;
  /** Territory and year, e.g. "Pavia · 2024". */
  subtitle: string;
  source: string;
  /** File name without extension. */
  fileName: string;
}

export type CsvCell = string | number | boolean | null;

export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

export const EXPORT_WIDTH = 760;

/** The chart's spec with a title block, at a width that does not depend on the screen. */
export function exportSpec(spec: TopLevelSpec, meta: ExportMeta): TopLevelSpec {
  const sized = 'width' in spec && spec.width === 'container' ? { ...spec, width: EXPORT_WIDTH } : spec;
  return {
    ...sized,
    title: { text: meta.title, subtitle: [meta.subtitle, meta.source], anchor: 'start', fontSize: 15, subtitleFontSize: 12, offset: 12 },
    padding: 16,
  } as TopLevelSpec;
}

function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell).replace('.', ',') : '') : String(cell);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text: title, territory and year, source, a blank line, then the header and the rows. */
export function toCsv(table: CsvTable, meta: ExportMeta): string {
  const lines = [[meta.title], [meta.subtitle], [meta.source], [], table.columns, ...table.rows];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(';')).join('\r\n')}\r\n`;
}

function download(href: string, fileName: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export async function exportImage(spec: TopLevelSpec, meta: ExportMeta, type: 'png' | 'svg'): Promise<void> {
  const { default: embed } = await import('vega-embed');
  // Drawn in an element that is never attached to the page, the same way VegaChart draws (ast: no eval under the CSP).
  const result = await embed(document.createElement('div'), exportSpec(spec, meta), { actions: false, renderer: 'svg', ast: true, defaultStyle: false, tooltip: false });
  try {
    download(await result.view.toImageURL(type, type === 'png' ? 2 : 1), `${meta.fileName}.${type}`);
  } finally {
    result.finalize();
  }
}

/** The export buttons of the chart whose test id is `testId` (found by tests as `${testId}-export`). */
export function ChartExport({ spec, meta, csv, testId }: { spec: TopLevelSpec; meta: ExportMeta; csv: CsvTable; testId: string }) {
  const { t } = useI18n();
  // Written when the link is about to be used (pointed at, focused or followed: its activation reads the
  // href after the click handler): encoding every row on each render cost milliseconds before the first
  // chart, for a download few ask for.
  const writeCsv = (event: SyntheticEvent<HTMLAnchorElement>) => {
    event.currentTarget.href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(csv, meta))}`;
  };
  return (
    <p className="chart-export" data-testid={`${testId}-export`}>
      <button type="button" onClick={() => void exportImage(spec, meta, 'png')}>
        {t('exportPng')}
      </button>
      <button type="button" onClick={() => void exportImage(spec, meta, 'svg')}>
        {t('exportSvg')}
      </button>
      <a href="#csv" download={`${meta.fileName}.csv`} onPointerEnter={writeCsv} onFocus={writeCsv} onClick={writeCsv}>
        {t('exportCsv')}
      </a>
    </p>
  );
}
