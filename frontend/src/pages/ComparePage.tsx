import { useId, useMemo } from 'react';
import { api, urls, type CompareQuery } from '../api/client';
import type { Compare, CompareEntry, Lang, ValueRow } from '../api/types';
import { useLatestReady, useResource } from '../api/useResource';
import { Attribution } from '../components/Attribution';
import { SyntheticBanner } from '../components/Banners';
import { ChartExport, type CsvTable } from '../components/ChartExport';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { TerritorySearch } from '../components/TerritorySearch';
import { VegaChart } from '../components/VegaChart';
import { buildCompareSpec, compareBars } from '../charts/compare';
import { byArea, SIGNIFICANCE } from '../charts/spine';
import { sourceLine } from '../data/sourceLine';
import { formatValue, localized, translate } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState } from '../route';
import { storedHome } from '../territory';
import { BENCHMARKS } from './ProfilePage';

export const MAX_COMPARED = 5;

/** Each territory's name, from any indicator that has a row for it. */
export function territoryNames(data: Compare): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of data.rows) for (const v of row.values) if (!names.has(v.code)) names.set(v.code, v.name);
  return names;
}

function cellText(row: ValueRow | undefined, entry: CompareEntry, lang: Lang): { value: string; interval: string | null; comparison: ValueRow['comparison'] | null } {
  if (!row) return { value: translate(lang, 'noData'), interval: null, comparison: null };
  if (row.suppressed) return { value: translate(lang, 'suppressedValue'), interval: null, comparison: null };
  const fmt = (v: number | null) => formatValue(v, entry.indicator.decimals, lang);
  return {
    value: `${fmt(row.value)}${row.smallNumber ? ' *' : ''}`,
    interval: row.ci95 ? `${fmt(row.ci95.lower)} – ${fmt(row.ci95.upper)}` : null,
    comparison: row.value === null ? null : row.comparison,
  };
}

export function compareCsv(data: Compare, lang: Lang): CsvTable {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return {
    columns: [t('code'), t('name'), t('indicator'), t('area'), t('yearShort'), t('value'), 'ci95_lower', 'ci95_upper', t('benchmarkShort'), t('significance'), t('unitShort'), 'small_number', 'suppressed'],
    rows: data.rows.flatMap((entry) =>
      entry.values.map((v) => [
        v.code,
        v.name,
        localized(entry.indicator.name, lang),
        localized(entry.indicator.areaName, lang),
        v.year,
        v.value,
        v.ci95?.lower ?? null,
        v.ci95?.upper ?? null,
        entry.benchmarks.find((b) => b.code === v.benchmarkCode)?.value ?? null,
        v.value === null ? '' : t(SIGNIFICANCE[v.comparison].label),
        localized(entry.indicator.unit, lang),
        v.smallNumber,
        v.suppressed,
      ]),
    ),
  };
}

function CompareTables({ data, names }: { data: Compare; names: Map<string, string> }) {
  const { lang, t } = useI18n();
  return (
    <>
      {byArea(data.rows).map(({ area, entries: all }) => {
        // Indicators with no value for any territory chosen are named under the table, not given empty rows.
        const entries = all.filter((e) => e.values.some((v) => v.value !== null || v.suppressed));
        const missing = all.filter((e) => !entries.includes(e));
        return (
        <section className="panel" key={area} aria-labelledby={`compare-${area}`}>
          <h2 id={`compare-${area}`}>{localized(all[0]!.indicator.areaName, lang)}</h2>
          {entries.length > 0 && (
          <div className="table-scroll">
            <table className="compare-table stacked-table" data-testid={`compare-table-${area}`}>
              <thead>
                <tr>
                  <th scope="col">{t('indicator')}</th>
                  {data.territories.map((code) => (
                    <th scope="col" key={code} className="num">
                      <a href={formatHash({ page: 'profile', territory: code })}>{names.get(code) ?? code}</a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.indicator.code}>
                    <th scope="row">
                      {localized(entry.indicator.name, lang)} <span className="hint">({localized(entry.indicator.unit, lang)}{entry.year ? `, ${entry.year}` : ''})</span>
                    </th>
                    {data.territories.map((code) => {
                      const cell = cellText(
                        entry.values.find((v) => v.code === code),
                        entry,
                        lang,
                      );
                      return (
                        <td key={code} className="num" data-label={names.get(code) ?? code}>
                          {cell.value}
                          {cell.interval && <span className="hint interval"> ({cell.interval})</span>}
                          {cell.comparison && cell.comparison !== 'not_compared' && (
                            <span className={`significance significance-${cell.comparison}`} data-comparison={cell.comparison}>
                              {t(SIGNIFICANCE[cell.comparison].label)}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
          {missing.length > 0 && (
            <p className="hint" data-testid={`compare-missing-${area}`}>
              {t('compareMissing', { names: missing.map((e) => localized(e.indicator.name, lang)).join('; ') })}
            </p>
          )}
        </section>
        );
      })}
    </>
  );
}

function CompareChart({ data, names }: { data: Compare; names: Map<string, string> }) {
  const { lang, t } = useI18n();
  const { state, navigate } = useUrlState();
  const selectId = useId();
  const drawable = data.rows.filter((r) => r.values.some((v) => v.value !== null));
  const entry = drawable.find((r) => r.indicator.code === state.indicator) ?? drawable[0];
  const spec = useMemo(() => (entry ? buildCompareSpec({ bars: compareBars(entry, names, data.territories, lang), entry, lang, width: 'container' }) : null), [entry, names, data.territories, lang]);
  if (!entry || !spec) return <p className="notice">{t('noValues')}</p>;
  const title = localized(entry.indicator.name, lang);
  const csv: CsvTable = {
    columns: [t('code'), t('name'), t('value'), 'ci95_lower', 'ci95_upper', t('significance')],
    rows: compareBars(entry, names, data.territories, lang).map((b) => [b.code, b.name, b.value, b.low, b.high, b.comparisonLabel]),
  };
  return (
    <section className="panel" aria-labelledby="compare-chart-heading">
      <h2 id="compare-chart-heading">{t('compareChartHeading')}</h2>
      <p>
        <label htmlFor={selectId}>{t('indicator')}</label>{' '}
        <select id={selectId} value={entry.indicator.code} onChange={(e) => navigate({ indicator: e.target.value })}>
          {drawable.map((r) => (
            <option key={r.indicator.code} value={r.indicator.code}>
              {localized(r.indicator.name, lang)}
            </option>
          ))}
        </select>
      </p>
      <VegaChart spec={spec} testId="compare-chart" label={t('compareChartDescription', { indicator: title, year: entry.year ?? '—' })} />
      <ChartExport
        spec={spec}
        csv={csv}
        testId="compare-chart"
        meta={{
          title,
          subtitle: `${data.territories.map((c) => names.get(c) ?? c).join(', ')} · ${entry.year ?? ''}`,
          source: sourceLine(data.sources, lang, data.synthetic),
          fileName: ['confronto', entry.indicator.code, entry.year].filter(Boolean).join('-'),
        }}
      />
    </section>
  );
}

export function ComparePage() {
  const { t } = useI18n();
  const { state, navigate } = useUrlState();
  const home = storedHome();
  const chosen = state.territories ?? (home ? [home] : []);
  // Without a benchmark the API compares with nothing: the provincia by default, as the Indicatori page does.
  const benchmark = state.benchmark ?? 'provincia';
  const query: CompareQuery | null = chosen.length > 0 ? { territories: chosen, year: state.year, benchmark } : null;
  const benchmarkId = useId();
  const compare = useResource<Compare>(query && urls.compare(query), (signal) => api.compare(query!, signal));
  const shown = useLatestReady(compare);
  const data = shown.data;
  const names = useMemo(() => (data ? territoryNames(data) : new Map<string, string>()), [data]);
  const set = (territories: string[]) => navigate({ territories: territories.length > 0 ? territories : undefined });

  let body;
  if (compare.status === 'error') body = <ErrorMessage error={compare.error} onRetry={compare.retry} />;
  else if (chosen.length < 2) body = <p className="notice">{t('compareNeedTwo')}</p>;
  else if (!data) body = <Loading />;
  else
    body = (
      <div className={shown.stale ? 'results is-stale' : 'results'} aria-busy={shown.stale} data-testid="compare-results">
        <CompareChart data={data} names={names} />
        <CompareTables data={data} names={names} />
        <Attribution sources={data.sources} />
      </div>
    );

  return (
    <Page route="compare" snapshot={data?.snapshot ?? null}>
      {data?.synthetic && <SyntheticBanner />}
      <h2 className="page-title">{t('compareTitle')}</h2>
      <p>{t('compareIntro')}</p>
      <section className="controls compare-controls" aria-label={t('compareChosen')}>
        <ul className="chosen" data-testid="compare-chosen">
          {chosen.map((code) => (
            <li key={code}>
              <span>{names.get(code) ?? code}</span>{' '}
              <button type="button" aria-label={t('compareRemove', { name: names.get(code) ?? code })} onClick={() => set(chosen.filter((c) => c !== code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <p>
          <label htmlFor={benchmarkId}>{t('benchmarkChoice')}</label>{' '}
          <select id={benchmarkId} value={benchmark} onChange={(e) => navigate({ benchmark: e.target.value })}>
            {BENCHMARKS.filter((b) => b.value !== '').map((b) => (
              <option key={b.value} value={b.value}>
                {t(b.label)}
              </option>
            ))}
          </select>
        </p>
        {chosen.length < MAX_COMPARED ? (
          <TerritorySearch label={t('compareAdd')} onChoose={(code) => set([...new Set([...chosen, code])])} testId="compare-search" />
        ) : (
          <p className="hint">{t('compareMax')}</p>
        )}
      </section>
      {body}
    </Page>
  );
}
