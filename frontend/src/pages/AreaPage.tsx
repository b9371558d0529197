import { TrendPanel } from '../components/TrendPanel';
import { areasOf } from '../data/headlines';
import { chooseArea } from '../data/selection';
import { localized } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState } from '../route';
import { Dashboard, type DashboardScope } from './Dashboard';

/**
 * Area di intervento, one per Tavolo: the Indicatori page (map, ranking, table) limited to the area's
 * indicators, with the area's choice above and the trend of the user's territory below.
 */
function AreaChoice({ areas, current }: { areas: ReturnType<typeof areasOf>; current: string }) {
  const { lang, t } = useI18n();
  const { state } = useUrlState();
  return (
    <nav className="area-choice" aria-label={t('areaChoice')}>
      <ul>
        {areas.map((area) => (
          <li key={area.code}>
            <a href={formatHash({ page: 'area', area: area.code, territory: state.territory, lang: state.lang })} aria-current={area.code === current ? 'page' : undefined}>
              {localized(area.name, lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AreaPage() {
  const { lang, t } = useI18n();
  const { state } = useUrlState();
  const scoped: DashboardScope = {
    route: 'area',
    scope: (catalogue) => {
      const areas = areasOf(catalogue);
      const area = chooseArea(catalogue, state.area);
      if (!area) return { indicators: [], header: null };
      const name = localized(area.name, lang);
      return {
        indicators: area.indicators,
        header: (
          <>
            <h2 className="page-title" data-testid="area-title">{t('areaHeading', { area: name })}</h2>
            {state.area !== undefined && state.area !== area.code && <p className="notice" role="status">{t('areaUnknown', { code: state.area, name })}</p>}
            <AreaChoice areas={areas} current={area.code} />
          </>
        ),
      };
    },
    below: ({ indicator, area }) => <TrendPanel indicator={indicator} area={area} />,
  };
  return <Dashboard scoped={scoped} />;
}
