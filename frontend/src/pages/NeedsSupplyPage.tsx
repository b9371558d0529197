import { useMemo } from 'react';
import { api, urls, type ValuesQuery } from '../api/client';
import { pageApi, pageUrls, type Gaps, type GapsQuery } from '../api/pages';
import type { Indicator, IndicatorValues, Lang } from '../api/types';
import { useResource } from '../api/useResource';
import { buildScatterSpec, QUADRANT_LABEL } from '../charts/scatter';
import { Attribution } from '../components/Attribution';
import { ChartExport, type CsvTable } from '../components/ChartExport';
import { MapPanel } from '../components/MapPanel';
import { ErrorMessage, Loading } from '../components/Status';
import { VegaChart } from '../components/VegaChart';
import { areasOf } from '../data/headlines';
import { highNeedLowSupply, needPoints, shortfallValues, supplyPairs, type NeedPoint, type SupplyPair } from '../data/needs';
import { sourceLine } from '../data/sourceLine';
import { formatValue, localized, translate } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState } from '../route';
import { withProvinciaName, type Area } from '../territory';
import { HomeFrame } from './HomeFrame';

/**
 * Bisogni e offerta: for the chosen area and service, need against coverage in the comuni of the user's
 * Ambito (a scatter split into quadrants at the benchmark), the units missing to reach the target on a
 * map, and the comuni that need most and are served least.
 */

const latest = (indicator: Indicator, year?: number) => (year !== undefined && indicator.years.includes(year) ? year : indicator.years.at(-1));

function ChoiceLinks({ label, items, current }: { label: string; items: { key: string; href: string; text: string }[]; current: string | null }) {
  return (
    <nav className="area-choice" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <a href={item.href} aria-current={item.key === current ? 'page' : undefined}>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PointsTable({ points, pair, year, caption, testId }: { points: readonly NeedPoint[]; pair: SupplyPair; year: number; caption: string; testId: string }) {
  const { lang, t } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="stacked-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comune')}</th>
            <th scope="col" className="num" title={localized(pair.need.name, lang)}>{t('need')}</th>
            <th scope="col" className="num" title={localized(pair.supply.name, lang)}>{t('supply')}</th>
            {pair.supply.target !== null && <th scope="col" className="num">{t('shortfall')}</th>}
            <th scope="col" className="col-code">{t('quadrant')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.code} data-code={p.code}>
              <th scope="row">
                {p.name}
                {p.smallNumber && <span className="hint"> ({t('smallNumberMark')})</span>}
              </th>
              <td className="num" data-field="need" data-label={t('need')}>{formatValue(p.need, pair.need.decimals, lang)}</td>
              <td className="num" data-field="supply" data-label={t('supply')}>{formatValue(p.supply, pair.supply.decimals, lang)}</td>
              {pair.supply.target !== null && <td className="num" data-field="shortfall" data-label={t('shortfall')}>{formatValue(p.shortfall === null ? null : Math.ceil(p.shortfall), 0, lang)}</td>}
              <td className="col-code" data-label={t('quadrant')}>{t(QUADRANT_LABEL[p.quadrant])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <span className="visually-hidden">{year}</span>
    </div>
  );
}

/** The scatter's points for its CSV: need, coverage, units missing and quadrant of each comune. */
export function pointsCsv(points: readonly NeedPoint[], pair: SupplyPair, lang: Lang): CsvTable {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return {
    columns: [t('code'), t('name'), `${t('need')}: ${localized(pair.need.name, lang)}`, `${t('supply')}: ${localized(pair.supply.name, lang)}`, t('shortfall'), t('quadrant'), 'small_number'],
    rows: points.map((p) => [p.code, p.name, p.need, p.supply, p.shortfall === null ? null : Math.ceil(p.shortfall), t(QUADRANT_LABEL[p.quadrant]), p.smallNumber]),
  };
}

function PairView({ pair, area, need, supply, gaps }: { pair: SupplyPair; area: Area; need: IndicatorValues; supply: IndicatorValues; gaps: Gaps | null }) {
  const { lang, t } = useI18n();
  const needBenchmark = need.benchmark?.value ?? null;
  const supplyBenchmark = supply.benchmark?.value ?? null;
  const points = useMemo(
    () => (needBenchmark === null || supplyBenchmark === null ? [] : needPoints(need.rows, supply.rows, gaps?.rows ?? [], needBenchmark, supplyBenchmark)),
    [need, supply, gaps, needBenchmark, supplyBenchmark],
  );
  const spec = useMemo(
    () =>
      needBenchmark === null || supplyBenchmark === null
        ? null
        : buildScatterSpec({ points, need: pair.need, supply: pair.supply, needBenchmark: { name: need.benchmark!.name, value: needBenchmark }, supplyBenchmark: { name: supply.benchmark!.name, value: supplyBenchmark }, lang, width: 'container' }),
    [points, pair, need.benchmark, supply.benchmark, needBenchmark, supplyBenchmark, lang],
  );
  const priority = highNeedLowSupply(points);
  const needName = localized(pair.need.name, lang);
  const supplyName = localized(pair.supply.name, lang);
  const gapMap = useMemo(() => (gaps ? shortfallValues(gaps, { it: translate('it', 'gapsUnits'), en: translate('en', 'gapsUnits') }) : null), [gaps]);

  return (
    <>
      <section className="panel" aria-labelledby="priority-heading">
        <h2 id="priority-heading">{t('priorityHeading')}</h2>
        {points.length === 0 ? (
          <p className="notice">{t('noData')}</p>
        ) : priority.length === 0 ? (
          <p className="notice" data-testid="priority-none">{t('priorityNone')}</p>
        ) : (
          <PointsTable points={priority} pair={pair} year={supply.year} caption={`${t('priorityHeading')} — ${supplyName}, ${supply.year}`} testId="priority-table" />
        )}
      </section>
      <div className="charts">
        <section className="panel" aria-labelledby="scatter-heading">
          <h2 id="scatter-heading">{t('scatterHeading', { need: needName, supply: supplyName })}</h2>
          {spec === null || points.length === 0 ? (
            <p className="notice">{t('noData')}</p>
          ) : (
            <>
              <VegaChart spec={spec} testId="scatter" label={t('scatterDescription', { need: needName, supply: supplyName, year: supply.year })} />
              <ChartExport
                spec={spec}
                csv={pointsCsv(points, pair, lang)}
                testId="scatter"
                meta={{
                  title: t('scatterHeading', { need: needName, supply: supplyName }),
                  subtitle: `${area.parent.name} · ${supply.year}`,
                  source: sourceLine([...need.sources, ...supply.sources], lang, need.synthetic || supply.synthetic),
                  fileName: ['bisogni-offerta', pair.supply.code, area.parent.code, supply.year].join('-'),
                }}
              />
              <p className="hint">
                {t('scatterBenchmarks', { name: supply.benchmark!.name, need: formatValue(needBenchmark, pair.need.decimals, lang), supply: formatValue(supplyBenchmark, pair.supply.decimals, lang) })}
              </p>
            </>
          )}
          <Attribution sources={[...new Map([...need.sources, ...supply.sources].map((source) => [source.id, source])).values()]} />
        </section>
        {gapMap ? (
          <div>
            <MapPanel values={gapMap} area={area} home={area.home.level === 'comune' ? area.home.code : null} zeroClass={t('noShortfall')} heading={t('gapsHeading', { target: formatValue(gaps!.target, pair.supply.decimals, lang), unit: localized(pair.supply.unit, lang) })} />
            <p className="hint" data-testid="gaps-total">
              {t('gapsTotal', { total: formatValue(Math.ceil(gaps!.totalShortfall), 0, lang), missing: gaps!.rowsWithoutShortfall })}{' '}
              <a href={pageUrls.gaps({ indicator: pair.supply.code, level: 'comune', parent: area.parent.code, year: gaps!.year ?? undefined }, 'csv')} download>
                {t('downloadCsv')}
              </a>
            </p>
          </div>
        ) : (
          <section className="panel">
            <p className="notice" data-testid="no-target">{t('gapsNoTarget')}</p>
          </section>
        )}
      </div>
      {points.length > 0 && (
        <section className="panel" aria-labelledby="needs-table-heading">
          <h2 id="needs-table-heading">{t('tableHeading')}</h2>
          <PointsTable points={[...points].sort((a, b) => a.name.localeCompare(b.name, 'it'))} pair={pair} year={supply.year} caption={t('scatterCaption', { year: supply.year })} testId="needs-table" />
          <p>
            <a href={urls.values({ code: pair.supply.code, level: 'comune', parent: area.parent.code, year: supply.year }, 'csv')} download>
              {t('downloadCsv')}
            </a>
          </p>
        </section>
      )}
    </>
  );
}

function PairSection({ pair, area }: { pair: SupplyPair; area: Area }) {
  const { lang, t } = useI18n();
  const supplyYear = latest(pair.supply);
  const needYear = latest(pair.need, supplyYear);
  const parent = area.parent.code;
  const query = (indicator: Indicator, year: number | undefined): ValuesQuery | null => (indicator.available && year !== undefined ? { code: indicator.code, level: 'comune', parent, year } : null);
  const needQuery = query(pair.need, needYear);
  const supplyQuery = query(pair.supply, supplyYear);
  const gapsQuery: GapsQuery | null = supplyQuery && pair.supply.target !== null ? { indicator: pair.supply.code, level: 'comune', parent, year: supplyQuery.year } : null;
  const load = (q: ValuesQuery | null) => async (signal: AbortSignal) => withProvinciaName(await api.values(q!, signal), area.provincia);
  const need = useResource<IndicatorValues>(needQuery && urls.values(needQuery), load(needQuery));
  const supply = useResource<IndicatorValues>(supplyQuery && urls.values(supplyQuery), load(supplyQuery));
  const gaps = useResource<Gaps>(gapsQuery && pageUrls.gaps(gapsQuery), (signal) => pageApi.gaps(gapsQuery!, signal));

  for (const indicator of [pair.supply, pair.need]) {
    if (!indicator.available) {
      return (
        <p className="notice" data-testid="pair-unavailable">
          <strong>{localized(indicator.name, lang)}</strong>: {t('unavailableBecause', { reason: indicator.unavailableReason ? localized(indicator.unavailableReason, lang) : t('noData') })}
        </p>
      );
    }
  }
  const failed = [need, supply, gaps].find((r) => r.status === 'error');
  if (failed?.status === 'error') return <ErrorMessage error={failed.error} onRetry={failed.retry} />;
  if (need.status !== 'ready' || supply.status !== 'ready' || (gapsQuery && gaps.status !== 'ready')) return <Loading />;
  return <PairView pair={pair} area={area} need={need.data} supply={supply.data} gaps={gaps.status === 'ready' ? gaps.data : null} />;
}

function NeedsSupply({ catalogue, area }: { catalogue: Indicator[]; area: Area }) {
  const { lang, t } = useI18n();
  const { state } = useUrlState();
  const pairs = supplyPairs(catalogue);
  const areas = areasOf(catalogue);
  const withSupply = areas.filter((a) => pairs.some((p) => p.area === a.code));
  // By default the first area, and in it the first service, that has data to show.
  const shown = (p: SupplyPair) => p.supply.available && p.need.available;
  const chosen = areas.find((a) => a.code === state.area) ?? withSupply.find((a) => pairs.some((p) => p.area === a.code && shown(p))) ?? withSupply[0] ?? areas[0];
  const own = pairs.filter((p) => p.area === chosen?.code);
  const pair = own.find((p) => p.supply.code === state.indicator) ?? own.find(shown) ?? own[0];
  const link = (patch: { area: string; indicator?: string }) => formatHash({ page: 'needs', territory: state.territory, lang: state.lang, ...patch });
  return (
    <>
      <h2 className="page-title">{t('needsHeading', { name: area.parent.name })}</h2>
      <p>{t('needsIntro')}</p>
      <ChoiceLinks label={t('areaChoice')} current={chosen?.code ?? null} items={withSupply.map((a) => ({ key: a.code, href: link({ area: a.code }), text: localized(a.name, lang) }))} />
      {own.length > 1 && (
        <ChoiceLinks
          label={t('needsChoice')}
          current={pair?.supply.code ?? null}
          items={own.map((p) => ({ key: p.supply.code, href: link({ area: p.area, indicator: p.supply.code }), text: localized(p.supply.name, lang) }))}
        />
      )}
      {pair ? <PairSection key={`${pair.supply.code}:${area.parent.code}`} pair={pair} area={area} /> : <p className="notice" data-testid="no-supply">{t('needsNoSupply')}</p>}
    </>
  );
}

export function NeedsSupplyPage() {
  return <HomeFrame route="needs">{({ catalogue, area }) => <NeedsSupply catalogue={catalogue} area={area} />}</HomeFrame>;
}
