import { useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import type { Territory, TerritoryList } from '../api/types';
import { useResource } from '../api/useResource';
import type { MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';
import { placeName, type Place } from '../territory';
import { ErrorMessage } from './Status';

const levelKey = (level: Territory['level']): MessageKey => `level_${level}`;

/** Waits `ms` after the last keystroke, so that typing a name sends one request, not one per letter. */
export function useSettled(value: string, ms = 200): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function Results({ q, onChoose }: { q: string; onChoose: (code: string) => void }) {
  const { t } = useI18n();
  const results = useResource<TerritoryList>(q.length >= 2 ? `search:${q}` : null, (signal) => api.territorySearch(q, signal));
  if (results.status === 'error') return <ErrorMessage error={results.error} onRetry={results.retry} />;
  const rows = results.status === 'ready' ? results.data.rows.filter((row) => row.level !== 'italia' && row.level !== 'regione') : null;
  return (
    <>
      <p className="hint" role="status" aria-live="polite">
        {rows === null ? '' : rows.length === 0 ? t('searchNone', { q }) : t('searchResults', { n: rows.length })}
      </p>
      {rows && rows.length > 0 && (
        <ul className="search-results" data-testid="territory-results">
          {rows.map((row) => (
            <li key={row.code}>
              <button type="button" onClick={() => onChoose(row.code)}>
                <strong>{placeName(row)}</strong> <span className="hint">{t(levelKey(row.level))}</span>
                {row.formerName && <span className="hint"> · {t('formerName', { name: row.formerName })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Il mio territorio: …" with a search to change it (comuni by today's or a former name, Ambiti, province). */
export function TerritoryPicker({ home, onChoose, prompt }: { home: Place | null; onChoose: (code: string) => void; prompt: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(prompt);
  const [text, setText] = useState('');
  const q = useSettled(text.trim());
  const inputId = useId();
  const hintId = useId();
  return (
    <section className="territory-picker" aria-label={t('myTerritory')} data-testid="territory-picker">
      <p className="territory-current">
        <span>{t('myTerritory')}:</span> <strong data-testid="home-name">{home?.name ?? '—'}</strong>{' '}
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('closeSearch') : t('changeTerritory')}
        </button>
      </p>
      {prompt && <p className="hint">{t('chooseTerritoryHint')}</p>}
      {open && (
        <form role="search" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={inputId}>{t('searchTerritory')}</label>
          <input
            id={inputId}
            type="search"
            autoComplete="off"
            aria-describedby={hintId}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={hintId} className="hint">
            {t('searchHint')}
          </p>
          <Results
            q={q}
            onChoose={(code) => {
              setOpen(false);
              setText('');
              onChoose(code);
            }}
          />
        </form>
      )}
    </section>
  );
}
