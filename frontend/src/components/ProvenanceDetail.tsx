import { api, urls, type ProvenanceQuery } from '../api/client';
import type { Provenance, ProvenanceTerm } from '../api/types';
import { useResource } from '../api/useResource';
import { formatCount, formatShortDate, translate } from '../i18n';
import { useI18n } from '../LanguageContext';
import type { Lang } from '../api/types';
import { ErrorMessage, Loading } from './Status';

function termText(term: ProvenanceTerm, date: string, lang: Lang): string {
  const when = formatShortDate(date, lang);
  return term.attribute !== null
    ? translate(lang, 'termArea', { date: when })
    : translate(lang, 'termVariable', { variable: term.variable ?? '', sex: term.sex ?? '', band: term.ageBand ?? '', date: when });
}

function Terms({ provenance }: { provenance: Provenance }) {
  const { lang, t } = useI18n();
  const source = (id: string | null) => provenance.sources.find((s) => s.id === id);
  return (
    <ul>
      {provenance.terms.map((term, index) => (
        <li key={index}>
          {t(term.part === 'numerator' ? 'numeratorTerm' : 'denominatorTerm')}
          {term.sign < 0 && ` (${t('termSubtracted')})`}: {termText(term, term.contributions[0]?.referenceDate ?? provenance.snapshot.referenceDate, lang)}
          <ul>
            {term.contributions.map((c) => (
              <li key={c.sourceId ?? ''}>
                {t('contribution', {
                  publisher: source(c.sourceId)?.publisher ?? '—',
                  title: source(c.sourceId)?.title ?? c.sourceId ?? '—',
                  value: formatCount(c.value, lang),
                  comuni: c.comuni,
                })}
                {c.files.map((f) => (
                  <span key={f.file}>
                    {' · '}
                    {t('file', { file: f.file })}
                    {f.sha256 && <code className="sha"> sha256 {f.sha256.slice(0, 12)}…</code>}
                  </span>
                ))}
                {c.mergedComuni.length > 0 && (
                  <ul>
                    {c.mergedComuni.map((m) => (
                      <li key={m.code} data-testid="merged-codes">
                        {t('mergedCodes', { code: m.code, name: m.name, codes: m.sourceCodes.join(', ') })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** Where one value comes from: terms, sources, files with their checksum, codes summed from mergers. */
export function ProvenanceDetail({ query, id, onClose }: { query: ProvenanceQuery; id: string; onClose: () => void }) {
  const { lang, t } = useI18n();
  const provenance = useResource<Provenance>(urls.provenance(query), (signal) => api.provenance(query, signal));
  let body;
  if (provenance.status === 'error') body = <ErrorMessage error={provenance.error} onRetry={provenance.retry} />;
  else if (provenance.status !== 'ready') body = <Loading />;
  else {
    const p = provenance.data;
    body = (
      <>
        <p>
          <strong>{t('provenanceHeading', { name: p.territory.name, year: p.year })}</strong>{' '}
          {t('provenanceComuni', { with: p.comuniWithData, total: p.comuniTotal })}
        </p>
        <Terms provenance={p} />
        <p className="hint">{t('loadRun', { run: p.loadRun.runId, date: formatShortDate(p.loadRun.startedAt, lang) })}</p>
      </>
    );
  }
  return (
    <div className="provenance" id={id} data-testid="provenance-detail" role="region" aria-label={t('provenanceHeading', { name: query.territory, year: query.year })}>
      {body}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
