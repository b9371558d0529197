import { useI18n } from '../LanguageContext';
import type { ReactNode } from 'react';
import type { Lang, Localized } from '../api/types';
import { localized, translate } from '../i18n';

/** Demo data: one banner, which also carries the note on example Ambiti when there is one. */
export function SyntheticBanner({ ambitiNote }: { ambitiNote?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-synthetic" role="note" data-testid="synthetic-banner">
      <strong>{t('syntheticBanner')}</strong> {t('syntheticBannerDetail')}
      {ambitiNote && <> {ambitiNote}</>}
    </div>
  );
}

export function ambitiNoteText(note: Localized | null, lang: Lang): string {
  return `${translate(lang, 'ambitiExample')}${note ? ` ${localized(note, lang)}` : ''}`;
}

export function AmbitiExampleNote({ note }: { note: Localized | null }) {
  const { lang } = useI18n();
  return (
    <p className="banner banner-note" role="note" data-testid="ambiti-note">
      {ambitiNoteText(note, lang)}
    </p>
  );
}
