/**
 * Panoramica's map: the comuni of Il mio territorio coloured by one of the headlines the page shows, in
 * its latest year, so that a newcomer's first screen has a map. Plain counts are not offered, since a
 * choropleth of raw counts shows where people live rather than how places differ.
 */
import { useEffect, useState } from 'react';
import { api, urls } from '../api/client';
import type { Indicator, IndicatorValues } from '../api/types';
import { useLatestReady, useResource } from '../api/useResource';
import { MapPanel } from '../components/MapPanel';
import { ErrorMessage } from '../components/Status';
import { areasOf, headlinesOf } from '../data/headlines';
import { valuesQueryOf } from '../data/selection';
import { localized } from '../i18n';
import { useI18n } from '../LanguageContext';
import { withProvinciaName, type Area } from '../territory';

/** The headlines of the page, in its order, that a map can show: with values, and not plain counts. */
export function mappableHeadlines(catalogue: readonly Indicator[]): Indicator[] {
  return areasOf(catalogue)
    .flatMap(headlinesOf)
    .filter((indicator) => indicator.available && !indicator.plainCount && indicator.years.length > 0);
}

/** Drawn once the cards above it are painted: the map takes the main thread for a while. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** `offered`: mappableHeadlines of the catalogue, at least one. */
export function OverviewMap({ offered, area }: { offered: readonly Indicator[]; area: Area }) {
  const { lang, t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const indicator = offered.find((i) => i.code === chosen) ?? offered[0];
  const year = indicator?.years.at(-1);
  const query = indicator && year !== undefined ? valuesQueryOf(area, indicator.code, year, 'comune') : null;
  const values = useResource<IndicatorValues>(query && urls.values(query), async (signal) => withProvinciaName(await api.values(query!, signal), area.provincia));
  // The map of the previous choice stays until the new values are in.
  const shown = useLatestReady(values).data;
  const drawNow = useAfterFirstPaint();
  if (!indicator || year === undefined) return null;

  const controls = (
    <div className="field overview-map-choice">
      <label htmlFor="overview-map-select">{t('overviewMapIndicator')}</label>
      <select id="overview-map-select" value={indicator.code} onChange={(event) => setChosen(event.target.value)}>
        {offered.map((option) => (
          <option key={option.code} value={option.code}>
            {localized(option.name, lang)}
          </option>
        ))}
      </select>
      <span className="hint">{t('overviewMapYear', { year })}</span>
    </div>
  );
  if (values.status === 'error') {
    return (
      <section className="panel" aria-labelledby="map-heading">
        <h2 id="map-heading">{t('mapHeading')}</h2>
        {controls}
        <ErrorMessage error={values.error} onRetry={values.retry} />
      </section>
    );
  }
  return <MapPanel values={shown} area={area} home={area.home.level === 'comune' ? area.home.code : null} drawNow={drawNow} controls={controls} />;
}
