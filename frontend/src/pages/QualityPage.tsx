import { useState } from 'react';
import { api, urls, type QualityQuery } from '../api/client';
import type { Health, Quality, QualityIssue, Severity } from '../api/types';
import { useResource } from '../api/useResource';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { ruleLabel, type MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';

export const PAGE_SIZE = 50;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const severityLabel = (severity: Severity): MessageKey => `severity_${severity}`;
const severityOne = (severity: Severity): MessageKey => `severityOne_${severity}`;

interface Filters {
  severity: Severity | '';
  rule: string;
  offset: number;
}

function FilterForm({ quality, filters, onChange }: { quality: Quality | null; filters: Filters; onChange: (filters: Filters) => void }) {
  const { lang, t } = useI18n();
  const total = quality?.bySeverity.reduce((sum, s) => sum + s.issues, 0);
  const rules = quality?.byRule ?? [];
  // A rule chosen before the counts arrive stays selectable.
  const ruleOptions = filters.rule && !rules.some((r) => r.rule === filters.rule) ? [...rules, { rule: filters.rule, issues: 0 }] : rules;
  return (
    <form className="controls" aria-label={t('qualityFilters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="severity-select">{t('severity')}</label>
        <select id="severity-select" value={filters.severity} onChange={(event) => onChange({ ...filters, severity: event.target.value as Severity | '', offset: 0 })}>
          <option value="">{total === undefined ? t('severityAll') : t('optionCount', { label: t('severityAll'), n: total })}</option>
          {SEVERITIES.map((severity) => {
            const n = quality?.bySeverity.find((s) => s.severity === severity)?.issues;
            return (
              <option key={severity} value={severity}>
                {n === undefined ? t(severityLabel(severity)) : t('optionCount', { label: t(severityLabel(severity)), n })}
              </option>
            );
          })}
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor="rule-select">{t('rule')}</label>
        <select id="rule-select" value={filters.rule} onChange={(event) => onChange({ ...filters, rule: event.target.value, offset: 0 })}>
          <option value="">{t('ruleAll')}</option>
          {ruleOptions.map((r) => (
            <option key={r.rule} value={r.rule}>
              {t('optionCount', { label: ruleLabel(r.rule, lang), n: r.issues })}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function SeverityCounts({ quality }: { quality: Quality }) {
  const { t } = useI18n();
  return (
    <ul className="severity-counts" data-testid="severity-counts" aria-label={t('qualityCounts')}>
      {quality.bySeverity.map((s) => (
        <li key={s.severity} className={`severity severity-${s.severity}`}>
          {t(severityLabel(s.severity))}: <strong>{s.issues}</strong>
        </li>
      ))}
    </ul>
  );
}

function IssueRow({ issue }: { issue: QualityIssue }) {
  const { lang, t } = useI18n();
  return (
    <tr>
      <td data-label={t('severity')}>
        <span className={`severity severity-${issue.severity}`}>{t(severityOne(issue.severity))}</span>
      </td>
      <td data-label={t('rule')}>{ruleLabel(issue.rule, lang)}</td>
      <td data-label={t('name')}>{issue.territoryCode === null ? '—' : `${issue.territoryName ?? issue.territoryCode} (${issue.territoryCode})`}</td>
      <td className="num" data-label={t('year')}>{issue.year ?? '—'}</td>
      <td data-label={t('qualitySource')}>{issue.sourceTitle ?? '—'}</td>
      <td data-label={t('message')}>{issue.localizedMessage[lang]}</td>
    </tr>
  );
}

function IssueTable({ quality, onPage }: { quality: Quality; onPage: (offset: number) => void }) {
  const { t } = useI18n();
  if (quality.rows.length === 0) return <p className="notice" data-testid="no-issues">{t('noIssues')}</p>;
  const from = quality.offset + 1;
  const to = quality.offset + quality.rows.length;
  return (
    <div className="table-block">
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="quality-caption">
        <table className="stacked-table" data-testid="quality-table">
          <caption id="quality-caption">{t('qualityCaption', { n: quality.matching })}</caption>
          <thead>
            <tr>
              {(['severity', 'rule', 'name', 'year', 'qualitySource', 'message'] as const).map((key) => (
                <th key={key} scope="col">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quality.rows.map((issue, index) => (
              <IssueRow key={`${quality.offset + index}`} issue={issue} />
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('pageRange', { from, to, total: quality.matching })}>
        <span role="status">{t('pageRange', { from, to, total: quality.matching })}</span>
        {quality.matching > quality.limit && (
          <>
            {' '}
            <button type="button" disabled={quality.offset === 0} onClick={() => onPage(Math.max(0, quality.offset - quality.limit))}>
              {t('previousPage')}
            </button>{' '}
            <button type="button" disabled={to >= quality.matching} onClick={() => onPage(quality.offset + quality.limit)}>
              {t('nextPage')}
            </button>
          </>
        )}
      </nav>
    </div>
  );
}

/** "Qualità dei dati": the issues the last load published, by severity and rule. */
export function QualityPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({ severity: '', rule: '', offset: 0 });
  const query: QualityQuery = {
    severity: filters.severity || undefined,
    rule: filters.rule || undefined,
    limit: PAGE_SIZE,
    offset: filters.offset || undefined,
  };
  const health = useResource<Health>('health', api.health);
  const quality = useResource<Quality>(urls.quality(query), (signal) => api.quality(query, signal));
  const data = quality.status === 'ready' ? quality.data : null;
  const snapshot = data?.snapshot ?? (health.status === 'ready' ? health.data.snapshot : null);
  const { offset: _offset, limit: _limit, ...download } = query;

  return (
    <Page route="quality" snapshot={snapshot}>
      <section className="panel" aria-labelledby="quality-heading">
        <h2 id="quality-heading">{t('qualityHeading')}</h2>
        <p>{t('qualityIntro')}</p>
        <FilterForm quality={data} filters={filters} onChange={setFilters} />
        {quality.status === 'error' ? (
          <ErrorMessage error={quality.error} onRetry={quality.retry} />
        ) : data ? (
          <>
            <SeverityCounts quality={data} />
            <IssueTable quality={data} onPage={(offset) => setFilters({ ...filters, offset })} />
            <p>
              <a href={urls.quality({ ...download, limit: 1000 }, 'csv')} download>
                {t('downloadQualityCsv')}
              </a>
            </p>
          </>
        ) : (
          <Loading />
        )}
      </section>
    </Page>
  );
}
