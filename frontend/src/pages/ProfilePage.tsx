import { useId, useMemo } from 'react';
import { api, urls, type ProfileQuery } from '../api/client';
import type { Lang, Profile, ProfileEntry, Territory } from '../api/types';
import { useLatestReady, useResource } from '../api/useResource';
import { Attribution } from '../components/Attribution';
import { SyntheticBanner } from '../components/Banners';
import { ChartExport, type CsvTable, type ExportMeta } from '../components/ChartExport';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { TerritorySearch } from '../components/TerritorySearch';
import { VegaChart } from '../components/VegaChart';
import { buildSpineSpec, byArea, missingNote, SIGNIFICANCE } from '../charts/spine';
import { sourceLine } from '../data/sourceLine';
import { formatValue, localized, translate, type MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState } from '../route';
import { placeName, storedHome } from '../territory';

export const BENCHMARKS: { value: string; label: MessageKey }[] = [
  { value: '', label: 'benchmarkParent' },
  { value: 'ambito', label: 'benchmarkAmbito' },
  { value: 'provincia', label: 'benchmarkProvincia' },
  { value: 'regione', label: 'benchmarkRegione' },
  { value: 'italia', label: 'benchmarkItalia' },
];

function benchmarkName(profile: Profile): string {
  const row = profile.rows.find((r) => r.benchmark)?.benchmark;
  return row ? placeName({ name: row.name, level: row.level as Territory['level'] }) : (profile.benchmark ?? '—');
}

/** The years a profile's values are of ("2023–2024"): each indicator at its latest unless one year is asked. */
function yearSpan(profile: Profile): string {
  const years = profile.rows.flatMap((r) => (r.year === null ? [] : [r.year]));
  if (years.length === 0) return '—';
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return first === last ? String(first) : `${first}–${last}`;
}

function interval(entry: ProfileEntry, lang: Lang): string {
  const ci = entry.value?.ci95;
  return ci ? `${formatValue(ci.lower, entry.indicator.decimals, lang)} – ${formatValue(ci.upper, entry.indicator.decimals, lang)}` : '—';
}

/** The rows of the profile's CSV: one per indicator, numbers as numbers. */
export function profileCsv(profile: Profile, lang: Lang): CsvTable {
  const t = (key: MessageKey) => translate(lang, key);
  return {
    columns: [t('code'), t('indicator'), t('area'), t('yearShort'), t('value'), 'ci95_lower', 'ci95_upper', t('benchmarkShort'), t('significance'), t('unitShort'), 'small_number', 'suppressed'],
    rows: profile.rows.map((r) => [
      r.indicator.code,
      localized(r.indicator.name, lang),
      localized(r.indicator.areaName, lang),
      r.year,
      r.value?.value ?? null,
      r.value?.ci95?.lower ?? null,
      r.value?.ci95?.upper ?? null,
      r.benchmark?.value ?? null,
      r.value && r.value.value !== null ? t(SIGNIFICANCE[r.value.comparison].label) : (missingNote(r, lang) ?? ''),
      localized(r.indicator.unit, lang),
      r.value?.smallNumber ?? false,
      r.value?.suppressed ?? false,
    ]),
  };
}

function ProfileTable({ profile }: { profile: Profile }) {
  const { lang, t } = useI18n();
  const { state } = useUrlState();
  return (
    <div className="table-scroll">
      <table className="profile-table stacked-table" data-testid="profile-table">
        <caption className="visually-hidden">{t('profileTableHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicator')}</th>
            <th scope="col" className="num col-year">{t('yearShort')}</th>
            <th scope="col" className="num">{t('value')}</th>
            <th scope="col" className="num col-interval">{t('interval')}</th>
            <th scope="col" className="num">{t('benchmarkShort')}</th>
            <th scope="col">{t('significance')}</th>
            <th scope="col" className="num col-range">{t('peersRange')}</th>
            <th scope="col" className="col-unit">{t('unitShort')}</th>
          </tr>
        </thead>
        {byArea(profile.rows).map(({ area, entries }) => (
          <tbody key={area}>
            <tr className="area-row">
              <th scope="colgroup" colSpan={8}>
                {localized(entries[0]!.indicator.areaName, lang)}
              </th>
            </tr>
            {entries.map((entry) => {
              const { indicator } = entry;
              const note = missingNote(entry, lang);
              const fmt = (v: number | null | undefined) => formatValue(v ?? null, indicator.decimals, lang);
              const comparison = entry.value && entry.value.value !== null ? entry.value.comparison : null;
              return (
                <tr key={indicator.code} data-indicator={indicator.code}>
                  <th scope="row">
                    {/* The indicator's page: its definition, map and ranking are one click away. */}
                    <a href={formatHash({ page: 'indicators', indicator: indicator.code, territory: profile.territory, lang: state.lang })}>{localized(indicator.name, lang)}</a>
                  </th>
                  <td className="num col-year" data-label={t('yearShort')}>{entry.year ?? '—'}</td>
                  <td className="num col-value" data-testid="profile-value" data-label={t('value')}>
                    {note ? <span className="hint">{note}</span> : fmt(entry.value?.value)}
                    {entry.value?.smallNumber && !note && <abbr title={t('smallNumberNote')}> *</abbr>}
                  </td>
                  <td className="num col-interval" data-label={t('interval')}>{interval(entry, lang)}</td>
                  <td className="num" data-label={t('benchmarkShort')}>{fmt(entry.benchmark?.value)}</td>
                  <td data-label={t('significance')}>
                    {comparison && (
                      <span className={`significance significance-${comparison}`} data-comparison={comparison}>
                        {t(SIGNIFICANCE[comparison].label)}
                      </span>
                    )}
                  </td>
                  <td className="num col-range" data-label={t('peersRange')}>{entry.peers ? `${fmt(entry.peers.min)} – ${fmt(entry.peers.max)}` : '—'}</td>
                  <td className="col-unit" data-label={t('unitShort')}>{localized(indicator.unit, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function ProfileView({ profile, stale }: { profile: Profile; stale: boolean }) {
  const { lang, t } = useI18n();
  const spec = useMemo(() => buildSpineSpec({ profile, lang, width: 'container' }), [profile, lang]);
  const meta: ExportMeta = {
    title: t('profileTitle', { name: profile.name }),
    subtitle: `${profile.name} · ${profile.year ?? yearSpan(profile)} · ${t('benchmarkShort')}: ${benchmarkName(profile)}`,
    source: sourceLine(profile.sources, lang, profile.synthetic),
    fileName: ['profilo', profile.territory, profile.benchmark, profile.year].filter(Boolean).join('-'),
  };
  const csv = useMemo(() => profileCsv(profile, lang), [profile, lang]);
  const drawn = profile.rows.some((r) => r.value !== null);
  return (
    <div className={stale ? 'results is-stale' : 'results'} aria-busy={stale} data-testid="profile-results">
      {stale && (
        <p className="updating hint" role="status">
          {t('updating')}
        </p>
      )}
      <p>{t('profileIntro', { name: profile.name, benchmark: benchmarkName(profile) })}</p>
      <section className="panel" aria-labelledby="spine-heading">
        <h2 id="spine-heading">{t('spineHeading')}</h2>
        {!drawn ? (
          <p className="notice">{t('noValues')}</p>
        ) : (
          <>
            <VegaChart spec={spec} testId="spine-chart" label={t('spineDescription', { name: profile.name })} className="spine-chart" />
            <p className="hint">{t('spineKey')}</p>
            {profile.rows.some((r) => r.value?.smallNumber) && <p className="hint">{t('smallNumberNote')}</p>}
            <ChartExport spec={spec} meta={meta} csv={csv} testId="spine-chart" />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="profile-table-heading">
        <h2 id="profile-table-heading">{t('profileTableHeading')}</h2>
        <ProfileTable profile={profile} />
        <Attribution sources={profile.sources} />
      </section>
    </div>
  );
}

export function ProfilePage() {
  const { lang, t } = useI18n();
  const { state, navigate } = useUrlState();
  const code = state.territory ?? storedHome();
  const query: ProfileQuery | null = code ? { territory: code, year: state.year, benchmark: state.benchmark } : null;
  const profile = useResource<Profile>(query && urls.profile(query), (signal) => api.profile(query!, signal));
  const shown = useLatestReady(profile);
  const data = shown.data;
  const years = useMemo(() => [...new Set(data?.rows.flatMap((r) => r.indicator.years) ?? [])].sort((a, b) => b - a), [data]);
  const yearId = useId();
  const benchmarkId = useId();

  let body;
  if (!query) body = <p className="notice">{t('chooseTerritoryHint')}</p>;
  else if (profile.status === 'error') body = <ErrorMessage error={profile.error} onRetry={profile.retry} />;
  else if (!data) body = <Loading />;
  else if (data.rows.length === 0) body = <p className="notice">{t('noIndicators')}</p>;
  else body = <ProfileView profile={data} stale={shown.stale} />;

  return (
    <Page route="profile" snapshot={data?.snapshot ?? null}>
      {data?.synthetic && <SyntheticBanner />}
      <h2 className="page-title" data-testid="profile-title">
        {data ? t('profileTitle', { name: data.name }) : t('navProfile')}
      </h2>
      <div className="controls profile-controls">
        <TerritorySearch label={t('searchTerritory')} onChoose={(territory) => navigate({ territory })} testId="profile-search" />
        <p>
          <label htmlFor={yearId}>{t('year')}</label>{' '}
          <select id={yearId} value={state.year ?? ''} onChange={(e) => navigate({ year: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('profileYearLatest')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor={benchmarkId}>{t('benchmarkChoice')}</label>{' '}
          <select id={benchmarkId} value={state.benchmark ?? ''} onChange={(e) => navigate({ benchmark: e.target.value || undefined })}>
            {BENCHMARKS.map((b) => (
              <option key={b.value} value={b.value}>
                {translate(lang, b.label)}
              </option>
            ))}
          </select>
        </p>
      </div>
      {body}
    </Page>
  );
}
