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

/** A placeholder shaped like what is coming (a chart by default), with the words for screen readers too. */
export function Loading({ shape = 'chart' }: { shape?: 'chart' | 'line' }) {
  const { t } = useI18n();
  return (
    <div className={`skeleton skeleton-${shape}`} role="status" data-testid="loading">
      <p className="hint">{t('loading')}</p>
      {shape === 'chart' && <div className="skeleton-block" aria-hidden="true" />}
    </div>
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
