/**
 * The rule ids the ETL's quality checks write (etl/src/quality/checks.sql, one per entry of
 * datasets/quality.yaml, in kebab case), and their severities. A rule the snapshot holds but this list
 * lacks (a newer ETL) is accepted too; quality-rules.spec.ts keeps the list in step with quality.yaml.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const QUALITY_RULES = [
  'series-break',
  'implausible-jump',
  'incomplete-source',
  'coverage-dropped',
  'sources-disagree',
  'conflicting-sources',
  'bands-total-mismatch',
  'sex-total-mismatch',
  'numerator-exceeds-denominator',
  'outlier',
  'missing-value',
  'ambiti-coverage',
  'bad-area',
] as const;
