import { ApiError } from '../api/client';
import type { Lang } from '../api/types';
import { translate } from '../i18n';
import { useI18n } from '../LanguageContext';

/** What went wrong, in the user's language, with what to do about it. */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    if (error.status === null) return translate(lang, 'errorNetwork');
    if (error.status === 404) return translate(lang, 'errorNotFound', { message: error.message });
    if (error.status === 400) return translate(lang, 'errorBadRequest', { message: error.message });
    return translate(lang, 'errorServer', { status: error.status, message: error.message });
  }
  return translate(lang, 'errorServer', { status: '—', message: error instanceof Error ? error.message : String(error) });
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="notice" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { lang, t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeError(error, lang)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
