import { useMemo, type ReactNode } from 'react';
import { api, type BoundariesResult } from '../api/client';
import type { Boundaries, IndicatorValues } from '../api/types';
import { useResource } from '../api/useResource';
import { buildMapSpec } from '../charts/map';
import { ambitoMapData, comuneMapData } from '../charts/mapAreas';
import { localized } from '../i18n';
import { useI18n } from '../LanguageContext';
import { useOpenProfile } from '../route';
import type { Area } from '../territory';
import { Attribution } from './Attribution';
import { BoundariesMissing } from './BoundariesMissing';
import { ChartExport } from './ChartExport';
import { ErrorMessage, Loading } from './Status';
import { valuesCsv, valuesMeta } from './valuesExport';
import { VegaChart } from './VegaChart';

interface MapProps {
  values: IndicatorValues;
  topology: Boundaries;
  membership: Map<string, string[]> | null;
  area: Area;
  home: string | null;
  /** The exported image's title, when not the indicator's name. */
  heading?: string;
  /** The label of a class for zero alone, e.g. "nessuna carenza" on the map of the gaps. */
  zeroClass?: string;
}

function ChoroplethMap({ values, topology, membership, area, home, heading, zeroClass }: MapProps) {
  const { lang, t } = useI18n();
  const openProfile = useOpenProfile();
  const { indicator, rows } = values;
  // Comuni of an Ambito (or of a comune's Ambito) are drawn alone; at Ambito level, the whole provincia.
  const only = membership ? undefined : (area.members ?? undefined);
  const spec = useMemo(() => {
    const data = membership ? ambitoMapData(rows, membership, indicator.decimals, lang, { zeroClass }) : comuneMapData(rows, indicator.decimals, lang, { zeroClass });
    return buildMapSpec({ topology, ...data, indicator, lang, showAmbito: membership !== null, only, home, width: 'container', height: 420 });
  }, [topology, rows, indicator, lang, membership, only, home, zeroClass]);
  const place = membership ? area.provincia.name : area.parent.name;
  const label = t('mapDescription', { area: place, indicator: localized(indicator.name, lang), year: values.year });
  const meta = valuesMeta(values, { kind: 'mappa', place, title: heading, sources: [...values.sources, topology.source] }, lang);
  const csv = useMemo(() => valuesCsv(values, lang), [values, lang]);
  return (
    <>
      <VegaChart spec={spec} label={label} testId="map" onSelect={openProfile} />
      <p className="hint">
        {membership && `${t('mapAmbitoNote')} `}
        {t('mapNoDataNote')}
      </p>
      <ChartExport spec={spec} meta={meta} csv={csv} testId="map" />
    </>
  );
}

interface PanelProps {
  /** null: the values are on their way. */
  values: IndicatorValues | null;
  area: Area;
  home: string | null;
  heading?: string;
  zeroClass?: string;
  drawNow?: boolean;
  /** What chooses what the map shows, under its heading (Panoramica's choice of headline). */
  controls?: ReactNode;
}

/** `drawNow` false: the boundaries are fetched, but the map waits (for the first chart of the page to be drawn). */
export function MapPanel({ values, area, home, heading, zeroClass, drawNow = true, controls }: PanelProps) {
  const { t } = useI18n();
  const provincia = area.provincia.code;
  // Both are fetched once per provincia and kept (see api.boundaries): changing indicator or year redraws only.
  const boundaries = useResource<BoundariesResult>(`boundaries:${provincia}`, () => api.boundaries(provincia));
  const byAmbito = values?.level === 'ambito';
  const membership = useResource(byAmbito ? `ambiti:${provincia}` : null, () => api.ambitoMembership(provincia));

  let body;
  if (boundaries.status === 'error') body = <ErrorMessage error={boundaries.error} onRetry={boundaries.retry} />;
  else if (membership.status === 'error') body = <ErrorMessage error={membership.error} onRetry={membership.retry} />;
  else if (!values || boundaries.status !== 'ready' || (byAmbito && membership.status !== 'ready') || !drawNow) body = <Loading />;
  else if (boundaries.data.kind === 'missing') body = <BoundariesMissing downloadUrl={boundaries.data.downloadUrl} />;
  else {
    body = (
      <>
        <ChoroplethMap
          values={values}
          topology={boundaries.data.topology}
          membership={byAmbito && membership.status === 'ready' ? membership.data : null}
          area={area}
          home={home}
          heading={heading}
          zeroClass={zeroClass}
        />
        <Attribution sources={[...values.sources, boundaries.data.topology.source]} />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="map-heading">
      <h2 id="map-heading">{heading ?? t('mapHeading')}</h2>
      {controls}
      {body}
    </section>
  );
}
