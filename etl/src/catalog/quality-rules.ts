/** The data-quality rules (datasets/quality.yaml): each rule's severity and thresholds, as data. */
import { z } from 'zod';
import { readYamlFile } from './yaml-file.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const severity = z.enum(SEVERITIES);
const share = z.number().positive().max(10);
const plain = z.object({ severity }).strict();

const rulesSchema = z
  .object({
    rules: z
      .object({
        series_break: z.object({ severity, relative: share, absolute: z.number().min(0) }).strict(),
        implausible_jump: z.object({ severity, relative: share, absolute: z.number().min(0) }).strict(),
        incomplete_source: plain,
        coverage_dropped: plain,
        sources_disagree: z.object({ severity, relative: z.number().min(0).max(1) }).strict(),
        conflicting_sources: plain,
        bands_total_mismatch: plain,
        sex_total_mismatch: plain,
        numerator_exceeds_denominator: plain,
        outlier: z.object({ severity, modified_z: z.number().positive(), min_residents: z.number().min(0), chance_z: z.number().min(0), min_comuni: z.number().int().min(3) }).strict(),
        missing_value: plain,
        ambiti_coverage: plain,
        bad_area: plain,
      })
      .strict(),
  })
  .strict();

export type QualityRules = z.infer<typeof rulesSchema>['rules'];

export async function loadQualityRules(file: string): Promise<QualityRules> {
  return (await readYamlFile(file, rulesSchema)).data.rules;
}

/** The rules as named SQL parameters: `<rule>_severity`, `<rule>_<threshold>`. */
export function qualityParams(rules: QualityRules): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [rule, settings] of Object.entries(rules)) {
    for (const [key, value] of Object.entries(settings)) params[`${rule}_${key}`] = value as string | number;
  }
  return params;
}
