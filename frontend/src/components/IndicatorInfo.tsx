import type { Indicator, Polarity } from '../api/types';
import { localized, type MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';

const POLARITY_TEXT: Record<Polarity, MessageKey> = {
  higher_worse: 'polarityHigherWorse',
  higher_better: 'polarityHigherBetter',
  neither: 'polarityNeither',
};

export function IndicatorInfo({ indicator }: { indicator: Indicator }) {
  const { lang, t } = useI18n();
  return (
    <section className="indicator-info" aria-labelledby="indicator-title" data-testid="indicator-info">
      <h2 id="indicator-title">{localized(indicator.name, lang)}</h2>
      <p>{localized(indicator.description, lang)}</p>
      <dl>
        <div>
          <dt>{t('unit')}</dt>
          <dd>{localized(indicator.unit, lang)}</dd>
        </div>
        <div>
          <dt>{t('area')}</dt>
          <dd>{localized(indicator.areaName, lang)}</dd>
        </div>
      </dl>
      <p>{t(POLARITY_TEXT[indicator.polarity])}</p>
      {indicator.unavailableReason && (
        <p className="notice" data-testid="indicator-unavailable">
          <strong>{t('unavailable')}:</strong> {localized(indicator.unavailableReason, lang)}
        </p>
      )}
      <p className="caveats">
        <strong>{t('caveats')}:</strong> {localized(indicator.caveats, lang)}
      </p>
    </section>
  );
}
