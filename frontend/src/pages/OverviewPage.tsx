import type { Indicator, Territory } from '../api/types';
import { pageApi, pageUrls, type Profile, type ProfileEntry, type Trend } from '../api/pages';
import { useResource } from '../api/useResource';
import { ErrorMessage, Loading } from '../components/Status';
import { areasOf, headlinesOf, type AreaOfIntervention } from '../data/headlines';
import { supplyPairs } from '../data/needs';
import { comparisonWord, trendWord } from '../data/trendWords';
import { formatValue, localized } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState } from '../route';
import { placeName, type Area } from '../territory';
import { HomeFrame } from './HomeFrame';
import { mappableHeadlines, OverviewMap } from './OverviewMap';

function TrendBadge({ indicator, territory }: { indicator: Indicator; territory: string }) {
  const { t } = useI18n();
  const trend = useResource<Trend>(indicator.available ? pageUrls.trend(indicator.code, territory) : null, (signal) => pageApi.trend(indicator.code, territory, signal));
  if (trend.status !== 'ready') return null;
  const { arrow, key, tone } = trendWord(trend.data.trend);
  return (
    <span className={`badge tone-${tone}`} data-testid="trend-badge">
      <span aria-hidden="true">{arrow} </span>
      {t('trendWord', { word: t(key) })}
    </span>
  );
}


function Headline({ entry, area }: { entry: ProfileEntry; area: Area }) {
  const territory = area.home.code;
  const { lang, t } = useI18n();
  const { indicator, value, benchmark } = entry;
  const name = localized(indicator.name, lang);
  if (!indicator.available || value === null) {
    return (
      <li className="headline" data-indicator={indicator.code}>
        <span className="headline-name">{name}</span>
        <span className="headline-value">{t('noData')}</span>
        {indicator.unavailableReason && <span className="hint">{t('unavailableBecause', { reason: localized(indicator.unavailableReason, lang) })}</span>}
      </li>
    );
  }
  const comparison = comparisonWord(value.comparison);
  return (
    <li className="headline" data-indicator={indicator.code}>
      <span className="headline-name">{name}</span>
      <span className="headline-value" data-testid="headline-value">
        {formatValue(value.value, indicator.decimals, lang)} <span className="hint">{localized(indicator.unit, lang)}</span>
        {value.smallNumber && <span className="hint"> ({t('smallNumberMark')})</span>}
      </span>
      <span className="headline-badges">
        {benchmark && value.comparison !== 'not_compared' && (
          <span className={`badge tone-${comparison.tone}`} data-testid="comparison-badge">
            {t(comparison.key, { name: placeName({ name: benchmark.name, level: benchmark.level as Territory['level'] }) })}
          </span>
        )}
        <TrendBadge indicator={indicator} territory={territory} />
      </span>
    </li>
  );
}

function AreaCard({ area, profile, home, hasSupply }: { area: AreaOfIntervention; profile: Profile; home: Area; hasSupply: boolean }) {
  const { lang, t } = useI18n();
  const { state } = useUrlState();
  const name = localized(area.name, lang);
  const entries = headlinesOf(area).flatMap((indicator) => profile.rows.filter((row) => row.indicator.code === indicator.code));
  const link = (page: 'area' | 'needs') => formatHash({ page, area: area.code, territory: state.territory, lang: state.lang });
  return (
    <section className="panel area-card" aria-labelledby={`area-${area.code}`} data-area={area.code}>
      <h2 id={`area-${area.code}`}>{name}</h2>
      <ul className="headlines">
        {entries.map((entry) => (
          <Headline key={entry.indicator.code} entry={entry} area={home} />
        ))}
      </ul>
      <p className="area-links">
        <a href={link('area')}>{t('openArea', { area: name })}</a>
        {hasSupply && <a href={link('needs')}>{t('openNeeds', { area: name })}</a>}
      </p>
    </section>
  );
}

/**
 * The question the Tavoli bring to the page, answered one click away on Bisogni e offerta; where no area
 * has both a need and a supply indicator with data, it says what data the answer needs.
 */
function PriorityQuestion({ area }: { area: string | null }) {
  const { t } = useI18n();
  const { state } = useUrlState();
  return (
    <p className="priority-question" data-testid="priority-question">
      <strong>{t('overviewQuestion')}</strong>{' '}
      {area === null ? (
        <span>{t('overviewQuestionNoSupply')}</span>
      ) : (
        <a href={formatHash({ page: 'needs', area, territory: state.territory, lang: state.lang })} data-testid="priority-link">
          {t('overviewQuestionLink')}
        </a>
      )}
    </p>
  );
}

function Overview({ catalogue, area }: { catalogue: Indicator[]; area: Area }) {
  const { t } = useI18n();
  const territory = area.home.code;
  const profile = useResource<Profile>(pageUrls.profile(territory), (signal) => pageApi.profile(territory, signal));
  const withSupply = new Set(supplyPairs(catalogue).filter((pair) => pair.supply.available && pair.need.available).map((pair) => pair.area));
  if (profile.status === 'error') return <ErrorMessage error={profile.error} onRetry={profile.retry} />;
  if (profile.status !== 'ready') return <Loading />;
  const benchmark = profile.data.rows.find((row) => row.benchmark)?.benchmark;
  const firstWithSupply = areasOf(catalogue).find((a) => withSupply.has(a.code));
  const mappable = mappableHeadlines(catalogue);
  return (
    <div className="overview-layout">
      <h2 className="page-title">{t('overviewHeading', { name: area.home.name })}</h2>
      {/* The Tavoli's question first: on a phone it stays in the first screen, under the banner and the picker. */}
      <PriorityQuestion area={firstWithSupply?.code ?? null} />
      {/* Next to the question on a wide screen, so that the first screen has a map; below it on a phone. */}
      {mappable.length > 0 && (
        <div className="overview-map">
          <OverviewMap offered={mappable} area={area} />
        </div>
      )}
      <div className="overview-cards">
        <p>{benchmark ? t('overviewIntro', { benchmark: placeName({ name: benchmark.name, level: benchmark.level as Territory['level'] }) }) : t('overviewIntroNoBenchmark')}</p>
        <div className="area-cards" data-testid="overview">
          {areasOf(catalogue).map((a) => (
            <AreaCard key={a.code} area={a} profile={profile.data} home={area} hasSupply={withSupply.has(a.code)} />
          ))}
        </div>
      </div>
    </div>
  );
}

export function OverviewPage() {
  return <HomeFrame route="overview">{({ catalogue, area }) => <Overview catalogue={catalogue} area={area} />}</HomeFrame>;
}
