import { useI18n } from '../LanguageContext';
import type { Localized } from '../api/types';
import { localized } from '../i18n';

export function SyntheticBanner() {
  const { t } = useI18n();
  return (
    <div className="banner banner-synthetic" role="alert" data-testid="synthetic-banner">
      <strong>{t('syntheticBanner')}</strong> {t('syntheticBannerDetail')}
    </div>
  );
}

export function AmbitiExampleNote({ note }: { note: Localized | null }) {
  const { lang, t } = useI18n();
  return (
    <p className="banner banner-note" role="note" data-testid="ambiti-note">
      {t('ambitiExample')}
      {note && ` ${localized(note, lang)}`}
    </p>
  );
}
