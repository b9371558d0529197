/**
 * What Panoramica, Area di intervento and Bisogni e offerta share: the catalogue, the user's territory
 * (Il mio territorio, from the URL or this browser), the page frame with one demo banner and the
 * territory picker, and the states before there is anything to show.
 */
import type { ReactNode } from 'react';
import type { Indicator, SnapshotInfo } from '../api/types';
import { AmbitiExampleNote, ambitiNoteText, SyntheticBanner } from '../components/Banners';
import { CodeText } from '../components/CodeText';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { useI18n } from '../LanguageContext';
import type { Route } from '../route';
import type { Area } from '../territory';
import { useHomeTerritory } from './useHomeTerritory';

export interface HomeContext {
  catalogue: Indicator[];
  area: Area;
  snapshot: SnapshotInfo;
}

interface Props {
  route: Route;
  /** Demo values among those shown (the snapshot's mode is checked here too). */
  synthetic?: boolean;
  children: (context: HomeContext) => ReactNode;
}

export function HomeFrame({ route, synthetic = false, children }: Props) {
  const { t, lang } = useI18n();
  const { prompt, health, indicators, resolved, where, area, choose } = useHomeTerritory();
  const snapshot = indicators.status === 'ready' ? indicators.data.snapshot : health.status === 'ready' ? health.data.snapshot : null;

  let body: ReactNode;
  const failed = indicators.status === 'error' ? indicators : resolved.status === 'error' ? resolved : null;
  if (failed) {
    body =
      health.status === 'ready' && health.data.snapshot === null ? (
        <p className="notice" role="alert" data-testid="no-snapshot">
          <CodeText text={t('noSnapshot')} />
        </p>
      ) : (
        <ErrorMessage error={failed.error} onRetry={failed.retry} />
      );
  } else if (indicators.status !== 'ready' || !where) body = <Loading />;
  else if (!area) body = <p className="notice">{t('noValues')}</p>;
  else if (indicators.data.rows.length === 0) body = <p className="notice">{t('noIndicators')}</p>;
  else body = children({ catalogue: indicators.data.rows, area, snapshot: indicators.data.snapshot });

  return (
    <Page route={route} snapshot={snapshot}>
      {snapshot?.mode === 'demo' || synthetic ? (
        <SyntheticBanner ambitiNote={snapshot?.ambitiExample ? ambitiNoteText(snapshot.ambitiNote, lang) : undefined} />
      ) : (
        snapshot?.ambitiExample && <AmbitiExampleNote note={snapshot.ambitiNote} />
      )}
      {where && <TerritoryPicker home={area?.home ?? null} onChoose={choose} prompt={prompt} />}
      {body}
    </Page>
  );
}
