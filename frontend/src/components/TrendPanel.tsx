import { useMemo } from 'react';
import type { Indicator, Lang } from '../api/types';
import { pageApi, pageUrls, type Trend } from '../api/pages';
import { useLatestReady, useResource } from '../api/useResource';
import { buildTrendSpec, trendPoints } from '../charts/trend';
import { trendWord } from '../data/trendWords';
import { formatValue, localized, translate } from '../i18n';
import { useI18n } from '../LanguageContext';
import type { Area } from '../territory';
import { sourceLine } from '../data/sourceLine';
import { Attribution } from './Attribution';
import { ChartExport, type CsvTable } from './ChartExport';
import { ErrorMessage, Loading } from './Status';
import { VegaChart } from './VegaChart';

/** The benchmark of a trend: a comune against its Ambito (or provincia), an Ambito against its provincia. */
function trendBenchmark(area: Area): string | undefined {
  if (area.home.level === 'comune') return area.parent.code;
  if (area.home.level === 'ambito') return area.provincia.code;
  return undefined;
}

/** The trend's rows for its CSV: a year a row, the territory's value and its benchmark's. */
export function trendCsv(trend: Trend, lang: Lang): CsvTable {
  const benchmarkByYear = new Map(trend.benchmarks.map((row) => [row.year, row]));
  const benchmarkName = trend.benchmarks[0]?.name;
  return {
    columns: [translate(lang, 'yearShort'), translate(lang, 'code'), translate(lang, 'name'), translate(lang, 'value'), 'ci95_lower', 'ci95_upper', ...(benchmarkName ? [`${translate(lang, 'benchmarkShort')}: ${benchmarkName}`] : [])],
    rows: trend.rows.map((row) => [row.year, row.code, row.name, row.value, row.ci95?.lower ?? null, row.ci95?.upper ?? null, ...(benchmarkName ? [benchmarkByYear.get(row.year)?.value ?? null] : [])]),
  };
}

function TrendView({ trend, indicator }: { trend: Trend; indicator: Indicator }) {
  const { lang, t } = useI18n();
  const spec = useMemo(() => buildTrendSpec({ rows: trend.rows, benchmarks: trend.benchmarks, indicator, lang, width: 'container' }), [trend, indicator, lang]);
  const own = trendPoints(trend.rows, indicator, lang);
  const name = trend.rows[0]?.name ?? trend.territory;
  if (own.length === 0) return <p className="notice">{t('trendNone', { name })}</p>;
  const word = trendWord(trend.trend);
  const benchmarkByYear = new Map(trend.benchmarks.map((row) => [row.year, row]));
  const years = trend.rows.map((row) => row.year);
  const meta = {
    title: `${localized(indicator.name, lang)} (${localized(indicator.unit, lang)})`,
    subtitle: `${name} · ${Math.min(...years)}–${Math.max(...years)}`,
    source: sourceLine(trend.sources, lang, trend.synthetic),
    fileName: ['andamento', indicator.code, trend.territory].join('-'),
  };
  return (
    <>
      <p>
        <span className={`badge tone-${word.tone}`} data-testid="trend-badge">
          <span aria-hidden="true">{word.arrow} </span>
          {t('trendWord', { word: t(word.key) })}
        </span>
      </p>
      <VegaChart spec={spec} label={t('trendCaption', { indicator: localized(indicator.name, lang), name, unit: localized(indicator.unit, lang) })} testId="trend-chart" />
      <ChartExport spec={spec} meta={meta} csv={trendCsv(trend, lang)} testId="trend-chart" />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="trend-caption">
        <table data-testid="trend-table">
          <caption id="trend-caption">{t('trendCaption', { indicator: localized(indicator.name, lang), name, unit: localized(indicator.unit, lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col" className="num">{name}</th>
              {trend.benchmarks.length > 0 && <th scope="col" className="num">{trend.benchmarks[0]!.name}</th>}
            </tr>
          </thead>
          <tbody>
            {trend.rows.map((row) => (
              <tr key={row.year}>
                <th scope="row">{row.year}</th>
                <td className="num">{formatValue(row.value, indicator.decimals, lang)}</td>
                {trend.benchmarks.length > 0 && <td className="num">{formatValue(benchmarkByYear.get(row.year)?.value ?? null, indicator.decimals, lang)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Attribution sources={trend.sources} />
    </>
  );
}

export function TrendPanel({ indicator, area }: { indicator: Indicator; area: Area }) {
  const { t } = useI18n();
  const territory = area.home.code;
  const benchmark = trendBenchmark(area);
  const trend = useResource<Trend>(pageUrls.trend(indicator.code, territory, benchmark), (signal) => pageApi.trend(indicator.code, territory, signal, benchmark));
  const shown = useLatestReady(trend);
  return (
    <section className="panel" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('trendHeading', { name: area.home.name })}</h2>
      {trend.status === 'error' ? <ErrorMessage error={trend.error} onRetry={trend.retry} /> : shown.data ? <TrendView trend={shown.data} indicator={indicator} /> : <Loading />}
    </section>
  );
}
