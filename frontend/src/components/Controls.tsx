import type { Indicator } from '../api/types';
import { localized } from '../i18n';
import { useI18n } from '../LanguageContext';
import type { MapLevel } from '../route';
import type { Area } from '../territory';

export type { MapLevel };

export interface Selection {
  indicatorCode: string;
  year: number | null;
  level: MapLevel;
}

interface Props {
  indicators: readonly Indicator[];
  selection: Selection;
  onChange: (selection: Selection) => void;
  area: Area;
}

export function Controls({ indicators, selection, onChange, area }: Props) {
  const { lang, t } = useI18n();
  const current = indicators.find((i) => i.code === selection.indicatorCode);
  const years = [...(current?.years ?? [])].reverse();
  return (
    <form className="controls" aria-label={t('controls')} onSubmit={(event) => event.preventDefault()}>
      <div className="field field-wide">
        <label htmlFor="indicator-select">{t('indicator')}</label>
        <select
          id="indicator-select"
          value={selection.indicatorCode}
          onChange={(event) => onChange({ ...selection, indicatorCode: event.target.value, year: null })}
        >
          {indicators.map((indicator) => (
            <option key={indicator.code} value={indicator.code}>
              {localized(indicator.name, lang)}
            </option>
          ))}
        </select>
      </div>
      {/* An indicator without values has no year to choose: the page says why instead of an empty list. */}
      {years.length > 0 && (
        <div className="field">
          <label htmlFor="year-select">{t('year')}</label>
          <select
            id="year-select"
            value={selection.year ?? ''}
            onChange={(event) => onChange({ ...selection, year: Number(event.target.value) })}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
      )}
      {area.hasAmbiti && (
        <div className="field">
          <label htmlFor="level-select">{t('level')}</label>
          <select
            id="level-select"
            value={selection.level}
            aria-describedby="level-territory"
            onChange={(event) => onChange({ ...selection, level: event.target.value as MapLevel })}
          >
            <option value="comune">{t('levelComune')}</option>
            <option value="ambito">{t('levelAmbito')}</option>
          </select>
          <span id="level-territory" className="hint">
            {t('withinProvincia', { name: selection.level === 'ambito' ? area.provincia.name : area.parent.name })}
          </span>
        </div>
      )}
    </form>
  );
}
