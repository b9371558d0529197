import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, urls, type ProvenanceQuery, type ValuesQuery } from '../api/client';
import type { Indicator, IndicatorValues, Provenance, SnapshotInfo } from '../api/types';
import { useLatestReady, useResource, type Resource } from '../api/useResource';
import { AmbitiExampleNote, ambitiNoteText, SyntheticBanner } from '../components/Banners';
import { BarPanel } from '../components/BarPanel';
import { Attribution } from '../components/Attribution';
import { CodeText } from '../components/CodeText';
import { Controls, type Selection } from '../components/Controls';
import { DataTable } from '../components/DataTable';
import { IndicatorInfo } from '../components/IndicatorInfo';
import { MapPanel } from '../components/MapPanel';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { valuesSynthetic } from '../components/valuesExport';
import { rankByValue } from '../data/ranking';
import { useI18n } from '../LanguageContext';
import { chooseIndicator, levelOf, valuesQueryOf } from '../data/selection';
import { useUrlState, type Route } from '../route';
import { withProvinciaName, type Area } from '../territory';
import { useHomeTerritory } from './useHomeTerritory';

function ready<T>(resource: Resource<T>): T | null {
  return resource.status === 'ready' ? resource.data : null;
}

function isSynthetic(snapshot: SnapshotInfo | null, values: IndicatorValues | null): boolean {
  return snapshot?.mode === 'demo' || (values !== null && valuesSynthetic(values));
}

interface ViewProps {
  values: IndicatorValues;
  query: ValuesQuery;
  provenance: Provenance | null;
  area: Area;
  /** The values are of the previous choice; the new ones are on their way. */
  stale: boolean;
}

/** The page's first chart is the ranking: the map and the table, heavier to draw, wait for it, but never long. */
const SECONDARY_AT_LATEST_MS = 1500;

function ValuesView({ values, query, provenance, area, stale }: ViewProps) {
  const { t } = useI18n();
  const ranked = useMemo(() => rankByValue(values.rows), [values.rows]);
  const home = area.home.level === 'comune' ? area.home.code : null;
  const [secondary, setSecondary] = useState(false);
  const showSecondary = useCallback(() => setSecondary(true), []);
  // Once the ranking is painted, not merely drawn: the map and the table take the main thread for a while,
  // and would otherwise hold the ranking off the screen until they are done.
  const afterRankingPainted = useCallback(() => requestAnimationFrame(() => setTimeout(showSecondary, 0)), [showSecondary]);
  useEffect(() => {
    const timer = setTimeout(showSecondary, SECONDARY_AT_LATEST_MS);
    return () => clearTimeout(timer);
  }, [showSecondary]);
  return (
    <div className={stale ? 'results is-stale' : 'results'} aria-busy={stale} data-testid="results">
      {stale && (
        <p className="updating hint" role="status">
          {t('updating')}
        </p>
      )}
      <div className="charts">
        <MapPanel values={values} area={area} home={home} drawNow={secondary} />
        <BarPanel values={values} ranked={ranked} provenance={provenance} home={home} place={values.level === 'ambito' ? area.provincia.name : area.parent.name} onDrawn={afterRankingPainted} />
      </div>
      <section className="panel" aria-labelledby="table-heading">
        <h2 id="table-heading">{t('tableHeading')}</h2>
        {secondary ? <DataTable values={values} ranked={ranked} csvHref={urls.values(query, 'csv')} home={home} /> : <Loading />}
        <Attribution sources={values.sources} provenance={provenance} />
      </section>
    </div>
  );
}

/** For a page built on this one (Area di intervento): which indicators it offers, and what it adds. */
export interface DashboardScope {
  route: Route;
  /** The indicators offered, and what goes above the controls. */
  scope: (catalogue: Indicator[]) => { indicators: Indicator[]; header: ReactNode };
  /** What goes below the values of the indicator chosen. */
  below: (context: { indicator: Indicator; year: number; area: Area }) => ReactNode;
}

export function Dashboard({ scoped }: { scoped?: DashboardScope } = {}) {
  const { t, lang } = useI18n();
  const { state, navigate } = useUrlState();
  const { prompt, requested, health, indicators, resolved, where, area, choose } = useHomeTerritory();

  const scope = scoped?.scope(ready(indicators)?.rows ?? []);
  const catalogue = scope?.indicators ?? ready(indicators)?.rows ?? [];
  const { indicator, year } = chooseIndicator(catalogue, state);
  const level = levelOf(area, state.level);
  const query: ValuesQuery | null = indicator && year !== null && area ? valuesQueryOf(area, indicator.code, year, level) : null;

  // The URL says everything shown, defaults included, so that the link can be shared as it is.
  // Only once the territory asked for is looked up: until then the area shown is the previous one.
  const current = ready(resolved);
  useEffect(() => {
    if (!current || !indicator || year === null) return;
    const complete = { territory: current.requested === false && state.territory ? state.territory : current.area.home.code, indicator: indicator.code, year, level };
    if (state.territory !== complete.territory || state.indicator !== complete.indicator || state.year !== complete.year || state.level !== complete.level) {
      navigate(complete, { replace: true });
    }
  }, [current, indicator, year, level, state, navigate]);

  const values = useResource<IndicatorValues>(query && urls.values(query), async (signal) => withProvinciaName(await api.values(query!, signal), area!.provincia));
  const shown = useLatestReady(values);

  // Where the values shown come from: the provenance of the parent covers every row inside it. Asked once
  // the values are in, so that it does not share the server with the request the ranking waits for.
  const lineageQuery: ProvenanceQuery | null = query && values.status === 'ready' ? { indicator: query.code, territory: query.parent, year: query.year } : null;
  const lineage = useResource<Provenance>(lineageQuery && urls.provenance(lineageQuery), (signal) => api.provenance(lineageQuery!, signal));

  const valuesData = shown.data;
  const snapshot = valuesData?.snapshot ?? ready(indicators)?.snapshot ?? ready(health)?.snapshot ?? null;
  const onSelection = (selection: Selection) => navigate({ indicator: selection.indicatorCode, year: selection.year ?? undefined, level: selection.level });

  let body;
  if (indicators.status === 'error' || resolved.status === 'error') {
    const healthData = ready(health);
    const failed = indicators.status === 'error' ? indicators : resolved.status === 'error' ? resolved : null;
    body =
      healthData && healthData.snapshot === null ? (
        <p className="notice" role="alert" data-testid="no-snapshot">
          <CodeText text={t('noSnapshot')} />
        </p>
      ) : (
        failed && <ErrorMessage error={failed.error} onRetry={failed.retry} />
      );
  } else if (indicators.status !== 'ready' || !where) {
    body = <Loading />;
  } else if (!area) {
    body = <p className="notice">{t('noValues')}</p>;
  } else if (!indicator) {
    body = <p className="notice">{t('noIndicators')}</p>;
  } else {
    body = (
      <>
        {scope?.header}
        <Controls indicators={catalogue} selection={{ indicatorCode: indicator.code, year, level }} onChange={onSelection} area={area} />
        <IndicatorInfo indicator={indicator} />
        {!query ? (
          // Why this indicator has no values is under its description (IndicatorInfo).
          <p className="notice" data-testid="no-values-here">
            {catalogue.every((i) => !i.available) ? t('noneAvailable') : indicator.unavailableReason ? t('chooseAnother') : t('noYears')}
          </p>
        ) : values.status === 'error' ? (
          <ErrorMessage error={values.error} onRetry={values.retry} />
        ) : valuesData ? (
          <ValuesView values={valuesData} query={query} provenance={ready(lineage)} area={area} stale={shown.stale} />
        ) : (
          <Loading />
        )}
        {scoped && query && scoped.below({ indicator, year: query.year, area })}
      </>
    );
  }

  const notFound = where?.requested === false && requested !== null ? requested : null;
  return (
    <Page route={scoped?.route ?? 'indicators'} snapshot={snapshot}>
      {isSynthetic(snapshot, valuesData) ? (
        <SyntheticBanner ambitiNote={snapshot?.ambitiExample ? ambitiNoteText(snapshot.ambitiNote, lang) : undefined} />
      ) : (
        snapshot?.ambitiExample && <AmbitiExampleNote note={snapshot.ambitiNote} />
      )}
      {where && <TerritoryPicker home={area?.home ?? null} onChoose={choose} prompt={prompt} />}
      {notFound && area && (
        <p className="notice" role="status" data-testid="territory-not-found">
          {t('territoryNotFound', { code: notFound, name: area.home.name })}
        </p>
      )}
      {body}
    </Page>
  );
}
