import { useId, useState } from 'react';
import { useI18n } from '../LanguageContext';
import { Results, useSettled } from './TerritoryPicker';

/** A search field for one territory (comuni by today's or a former name, Ambiti, province), for a page's own choice. */
export function TerritorySearch({ label, onChoose, testId }: { label: string; onChoose: (code: string) => void; testId?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useSettled(text.trim());
  const inputId = useId();
  const hintId = useId();
  return (
    <form role="search" className="territory-search" onSubmit={(event) => event.preventDefault()} data-testid={testId}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" autoComplete="off" aria-describedby={hintId} value={text} onChange={(event) => setText(event.target.value)} />
      <p id={hintId} className="hint">
        {t('searchHint')}
      </p>
      <Results
        q={q}
        onChoose={(code) => {
          setText('');
          onChoose(code);
        }}
      />
    </form>
  );
}
