import { useMemo } from 'react';
import { api, type BoundariesResult } from '../api/client';
import type { Boundaries, IndicatorValues } from '../api/types';
import { useResource } from '../api/useResource';
import { buildMapSpec } from '../charts/map';
import { ambitoMapData, comuneMapData } from '../charts/mapAreas';
import { localized } from '../i18n';
import { useI18n } from '../LanguageContext';
import { PROVINCIA } from '../territory';
import { Attribution } from './Attribution';
import { BoundariesMissing } from './BoundariesMissing';
import { ErrorMessage, Loading } from './Status';
import { VegaChart } from './VegaChart';

function ChoroplethMap({ values, topology, membership }: { values: IndicatorValues; topology: Boundaries; membership: Map<string, string[]> | null }) {
  const { lang, t } = useI18n();
  const { indicator, rows } = values;
  const spec = useMemo(() => {
    const data = membership ? ambitoMapData(rows, membership, indicator.decimals, lang) : comuneMapData(rows, indicator.decimals, lang);
    return buildMapSpec({ topology, ...data, indicator, lang, showAmbito: membership !== null });
  }, [topology, rows, indicator, lang, membership]);
  const label = t('mapDescription', { provincia: PROVINCIA.name, indicator: localized(indicator.name, lang), year: values.year });
  return (
    <>
      <VegaChart spec={spec} label={label} testId="map" />
      <p className="hint">
        {membership && `${t('mapAmbitoNote')} `}
        {t('mapNoDataNote')}
      </p>
    </>
  );
}

export function MapPanel({ values }: { values: IndicatorValues }) {
  const { t } = useI18n();
  const boundaries = useResource<BoundariesResult>(PROVINCIA.code, (signal) => api.boundaries(PROVINCIA.code, signal));
  const byAmbito = values.level === 'ambito';
  const membership = useResource(byAmbito ? `ambiti:${PROVINCIA.code}` : null, (signal) => api.ambitoMembership(PROVINCIA.code, signal));

  let body;
  if (boundaries.status === 'error') body = <ErrorMessage error={boundaries.error} onRetry={boundaries.retry} />;
  else if (membership.status === 'error') body = <ErrorMessage error={membership.error} onRetry={membership.retry} />;
  else if (boundaries.status !== 'ready' || (byAmbito && membership.status !== 'ready')) body = <Loading />;
  else if (boundaries.data.kind === 'missing') body = <BoundariesMissing downloadUrl={boundaries.data.downloadUrl} />;
  else {
    body = (
      <>
        <ChoroplethMap values={values} topology={boundaries.data.topology} membership={membership.status === 'ready' ? membership.data : null} />
        <Attribution sources={[...values.sources, boundaries.data.topology.source]} />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="map-heading">
      <h2 id="map-heading">{t('mapHeading')}</h2>
      {body}
    </section>
  );
}
