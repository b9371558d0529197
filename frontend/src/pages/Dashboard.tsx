import { useMemo, useState } from 'react';
import { api, urls, type ProvenanceQuery, type ValuesQuery } from '../api/client';
import type { Health, IndicatorList, IndicatorValues, Provenance, SnapshotInfo } from '../api/types';
import { useResource, type Resource } from '../api/useResource';
import { AmbitiExampleNote, SyntheticBanner } from '../components/Banners';
import { BarPanel } from '../components/BarPanel';
import { Attribution } from '../components/Attribution';
import { CodeText } from '../components/CodeText';
import { Controls, type Selection } from '../components/Controls';
import { DataTable } from '../components/DataTable';
import { IndicatorInfo } from '../components/IndicatorInfo';
import { MapPanel } from '../components/MapPanel';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { rankByValue } from '../data/ranking';
import { useI18n } from '../LanguageContext';
import { PROVINCIA, withProvinciaName } from '../territory';

function ready<T>(resource: Resource<T>): T | null {
  return resource.status === 'ready' ? resource.data : null;
}

function isSynthetic(snapshot: SnapshotInfo | null, values: IndicatorValues | null): boolean {
  return (
    snapshot?.mode === 'demo' ||
    values?.synthetic === true ||
    (values?.sources.some((source) => source.synthetic) ?? false) ||
    (values?.rows.some((row) => row.synthetic) ?? false)
  );
}

function ValuesView({ values, query, provenance }: { values: IndicatorValues; query: ValuesQuery; provenance: Provenance | null }) {
  const { t } = useI18n();
  const ranked = useMemo(() => rankByValue(values.rows), [values.rows]);
  return (
    <div className="results">
      <div className="charts">
        <MapPanel values={values} />
        <BarPanel values={values} ranked={ranked} provenance={provenance} />
      </div>
      <section className="panel" aria-labelledby="table-heading">
        <h2 id="table-heading">{t('tableHeading')}</h2>
        <DataTable values={values} ranked={ranked} csvHref={urls.values(query, 'csv')} />
        <Attribution sources={values.sources} provenance={provenance} />
      </section>
    </div>
  );
}

export function Dashboard() {
  const { t } = useI18n();
  const health = useResource<Health>('health', api.health);
  const indicators = useResource<IndicatorList>('indicators', api.indicators);
  const [selection, setSelection] = useState<Selection>({ indicatorCode: '', year: null, level: 'comune' });

  const catalogue = ready(indicators)?.rows ?? [];
  const indicator = catalogue.find((i) => i.code === selection.indicatorCode) ?? catalogue[0] ?? null;
  const year =
    indicator && selection.year !== null && indicator.years.includes(selection.year) ? selection.year : (indicator?.years.at(-1) ?? null);
  const query: ValuesQuery | null =
    indicator && year !== null ? { code: indicator.code, level: selection.level, parent: PROVINCIA.code, year } : null;
  const values = useResource<IndicatorValues>(query && urls.values(query), async (signal) => withProvinciaName(await api.values(query!, signal)));

  // Where the values shown come from: the provenance of the parent covers every row inside it.
  const lineageQuery: ProvenanceQuery | null = query && { indicator: query.code, territory: query.parent, year: query.year };
  const lineage = useResource<Provenance>(lineageQuery && urls.provenance(lineageQuery), (signal) => api.provenance(lineageQuery!, signal));

  const valuesData = ready(values);
  const snapshot = valuesData?.snapshot ?? ready(indicators)?.snapshot ?? ready(health)?.snapshot ?? null;

  let body;
  if (indicators.status === 'error') {
    const healthData = ready(health);
    body =
      healthData && healthData.snapshot === null ? (
        <p className="notice" role="alert" data-testid="no-snapshot">
          <CodeText text={t('noSnapshot')} />
        </p>
      ) : (
        <ErrorMessage error={indicators.error} onRetry={indicators.retry} />
      );
  } else if (indicators.status !== 'ready') {
    body = <Loading />;
  } else if (!indicator) {
    body = <p className="notice">{t('noIndicators')}</p>;
  } else {
    body = (
      <>
        <Controls indicators={catalogue} selection={{ indicatorCode: indicator.code, year, level: selection.level }} onChange={setSelection} />
        <IndicatorInfo indicator={indicator} />
        {!query ? (
          <p className="notice">{t('noYears')}</p>
        ) : values.status === 'error' ? (
          <ErrorMessage error={values.error} onRetry={values.retry} />
        ) : valuesData ? (
          <ValuesView values={valuesData} query={query} provenance={ready(lineage)} />
        ) : (
          <Loading />
        )}
      </>
    );
  }

  return (
    <Page route="indicators" snapshot={snapshot}>
      {isSynthetic(snapshot, valuesData) && <SyntheticBanner />}
      {snapshot?.ambitiExample && <AmbitiExampleNote note={snapshot.ambitiNote} />}
      {body}
    </Page>
  );
}
