import { Fragment, useState } from 'react';
import type { IndicatorValues, ValueRow } from '../api/types';
import type { RankedRow } from '../data/ranking';
import { sortRows, type SortDirection, type SortKey } from '../data/sorting';
import { formatCount, formatValue, localized, type MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState } from '../route';
import { ProvenanceDetail } from './ProvenanceDetail';

interface Props {
  values: IndicatorValues;
  ranked: readonly RankedRow[];
  csvHref: string;
  /** The user's own comune, marked in its row. */
  home?: string | null;
}

interface Column {
  key: SortKey;
  label: MessageKey;
  numeric: boolean;
}

const COLUMNS: Column[] = [
  { key: 'rank', label: 'rank', numeric: true },
  { key: 'code', label: 'code', numeric: false },
  { key: 'name', label: 'name', numeric: false },
  { key: 'numerator', label: 'numerator', numeric: true },
  { key: 'denominator', label: 'denominator', numeric: true },
  { key: 'value', label: 'value', numeric: true },
];
const COVERAGE: Column = { key: 'coverage', label: 'coverage', numeric: true };

// On a phone the code and the two counts give way, so that name and value fit; the CSV keeps them all.
const cellClass = (column: Column) => [column.numeric ? 'num' : '', `col-${column.key}`].join(' ').trim();

export function DataTable({ values, ranked, csvHref, home = null }: Props) {
  const { lang, t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const { state } = useUrlState();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'rank', direction: 'ascending' });
  const { indicator } = values;
  // A count has no denominator to show; coverage matters where a value sums several comuni (an Ambito
  // with a comune missing is not comparable with the others).
  const count = values.indicator.plainCount;
  // A count is its own value: its count and base columns would repeat it or stay empty.
  const columns = [...COLUMNS.filter((column) => !(count && (column.key === 'denominator' || column.key === 'numerator'))), ...(values.level === 'comune' ? [] : [COVERAGE])];
  const rows = sortRows(ranked, sort.key, sort.direction);

  const toggle = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  const cells = (row: ValueRow, rank: number | null) => {
    const text: Record<SortKey, string> = {
      rank: rank === null ? '—' : String(rank),
      code: row.code,
      name: row.name,
      numerator: formatCount(row.numerator, lang),
      denominator: formatCount(row.denominator, lang),
      value: formatValue(row.value, indicator.decimals, lang),
      coverage: t('coverageValue', { with: row.comuniWithData, total: row.comuniTotal }),
    };
    // A value opens where it comes from; "nessun dato" has nothing to trace.
    const valueButton = (
      <button
        type="button"
        className="value-button"
        aria-expanded={open === row.code}
        aria-controls={`provenance-${row.code}`}
        aria-label={t('showProvenance', { value: text.value, name: row.name })}
        onClick={() => setOpen(open === row.code ? null : row.code)}
      >
        {text.value}
      </button>
    );
    return columns.map((column) => (
      <td key={column.key} className={cellClass(column)} data-nodata={column.key === 'value' && row.value === null ? '' : undefined}>
        {column.key === 'value' && row.value !== null ? (
          valueButton
        ) : column.key === 'name' ? (
          // A name opens the territory's profile.
          <a href={formatHash({ page: 'profile', territory: row.code, lang: state.lang })} aria-label={t('openProfile', { name: row.name })}>
            {row.name}
          </a>
        ) : (
          text[column.key]
        )}
        {column.key === 'name' && row.code === home && <span className="home-mark"> ({t('homeMark')})</span>}
      </td>
    ));
  };

  const detail = (row: ValueRow) =>
    open === row.code && (
      <tr className="provenance-row">
        <td colSpan={columns.length}>
          <ProvenanceDetail
            id={`provenance-${row.code}`}
            query={{ indicator: indicator.code, territory: row.code, year: values.year }}
            onClose={() => setOpen(null)}
          />
        </td>
      </tr>
    );

  return (
    <div className="table-block">
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="values-caption">
        <table data-testid="values-table">
          <caption id="values-caption">
            {t('tableCaption', { indicator: localized(indicator.name, lang), year: values.year, unit: localized(indicator.unit, lang) })}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th key={column.key} scope="col" aria-sort={active ? sort.direction : 'none'} className={cellClass(column)}>
                    <button type="button" onClick={() => toggle(column.key)} title={t('sortBy', { column: t(column.label) })}>
                      {t(column.label)}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.code}>
                <tr className={row.code === home ? 'is-home' : undefined}>{cells(row, row.rank)}</tr>
                {detail(row)}
              </Fragment>
            ))}
          </tbody>
          {values.benchmark && (
            <tfoot>
              <tr className="benchmark-row" data-testid="benchmark-row">
                {cells(values.benchmark, null).map((cell, index) => (index === 0 ? <th key="label" scope="row">{t('benchmark')}</th> : cell))}
              </tr>
              {detail(values.benchmark)}
            </tfoot>
          )}
        </table>
      </div>
      <p>
        <a href={csvHref} download>
          {t('downloadCsv')}
        </a>
      </p>
    </div>
  );
}
