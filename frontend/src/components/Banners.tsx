import { useI18n } from '../LanguageContext';

export function SyntheticBanner() {
  const { t } = useI18n();
  return (
    <div className="banner banner-synthetic" role="alert" data-testid="synthetic-banner">
      <strong>{t('syntheticBanner')}</strong> {t('syntheticBannerDetail')}
    </div>
  );
}

export function AmbitiExampleNote({ note }: { note: string | null }) {
  const { t } = useI18n();
  return (
    <p className="banner banner-note" role="note" data-testid="ambiti-note">
      {t('ambitiExample')}
      {note && ` ${note}`}
    </p>
  );
}
