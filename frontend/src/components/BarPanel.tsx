import { useEffect, useMemo, useState } from 'react';
import type { IndicatorValues, Provenance } from '../api/types';
import { buildBarAxisSpec, buildBarSpec, EXTREMES, selectBars } from '../charts/bar';
import { hasValue, type RankedRow } from '../data/ranking';
import { formatValue, localized, type MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';
import { useOpenProfile } from '../route';
import { Attribution } from './Attribution';
import { ChartExport } from './ChartExport';
import { valuesCsv, valuesMeta } from './valuesExport';
import { VegaChart } from './VegaChart';

function missingMessage(ambiti: boolean, n: number): MessageKey {
  if (ambiti) return n === 1 ? 'missingAmbito' : 'missingAmbiti';
  return n === 1 ? 'missingComune' : 'missingComuni';
}

interface Props {
  values: IndicatorValues;
  ranked: readonly RankedRow[];
  provenance?: Provenance | null;
  home?: string | null;
  /** The territory the values are inside, named in the exported image. */
  place: string;
  /** Called once the ranking is on screen (at once when there is none to draw). */
  onDrawn?: () => void;
}

export function BarPanel({ values, ranked, provenance = null, home = null, place, onDrawn }: Props) {
  const { lang, t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const openProfile = useOpenProfile();
  const { indicator } = values;
  const benchmark = values.benchmark && hasValue(values.benchmark) && !values.indicator.plainCount ? values.benchmark : null;
  const withValue = ranked.filter(hasValue).length;
  const missing = ranked.length - withValue;
  const bars = useMemo(() => selectBars(ranked, showAll, EXTREMES, home), [ranked, showAll, home]);
  const [spec, axisSpec] = useMemo(() => {
    const input = { bars, benchmark, indicator, lang, home, width: 'container' as const };
    return [buildBarSpec(input), buildBarAxisSpec(input)];
  }, [bars, benchmark, indicator, lang, home]);
  const truncated = bars.length < withValue;
  useEffect(() => {
    if (withValue === 0) onDrawn?.();
  }, [withValue, onDrawn]);
  const label = t('barDescription', { indicator: localized(indicator.name, lang), year: values.year });
  const csv = useMemo(() => valuesCsv(values, lang), [values, lang]);

  return (
    <section className="panel" aria-labelledby="bar-heading">
      <h2 id="bar-heading">{t('barHeading')}</h2>
      {withValue === 0 ? (
        <p className="notice">{t('noValues')}</p>
      ) : (
        <>
          {withValue > 2 * EXTREMES && (
            <p>
              {truncated && <span className="hint">{t('extremesNote', { n: EXTREMES, total: withValue })} </span>}
              <button type="button" aria-expanded={!truncated} onClick={() => setShowAll(!showAll)}>
                {truncated ? t('showAll', { n: withValue }) : t('showExtremes', { n: EXTREMES })}
              </button>
            </p>
          )}
          {axisSpec ? (
            // A long ranking: its axis stays at the top of the screen while the bars scroll by.
            <div className="long-ranking">
              <div className="sticky-axis">
                <VegaChart spec={axisSpec} testId="bar-axis" label={localized(indicator.unit, lang)} />
              </div>
              <VegaChart spec={spec} testId="bar-chart" label={label} onSelect={openProfile} onDrawn={onDrawn} />
            </div>
          ) : (
            <VegaChart spec={spec} testId="bar-chart" label={label} onSelect={openProfile} onDrawn={onDrawn} />
          )}
          <ChartExport spec={spec} meta={valuesMeta(values, { kind: 'graduatoria', place }, lang)} csv={csv} testId="bar-chart" />
        </>
      )}
      {benchmark && (
        <p className="hint">{t('benchmarkLine', { name: benchmark.name, value: formatValue(benchmark.value, indicator.decimals, lang) })}</p>
      )}
      {missing > 0 && (
        <p className="hint" data-testid="missing-note">
          {t(missingMessage(values.level === 'ambito', missing), { n: missing })}
        </p>
      )}
      <Attribution sources={values.sources} provenance={provenance} />
    </section>
  );
}
