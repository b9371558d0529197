/**
 * Response shapes of the Osservatorio API, under the names the frontend uses. They are taken from
 * openapi.ts, generated from the backend's OpenAPI document by `npm run openapi`: to change a shape,
 * change the backend's DTO and regenerate.
 */
import type { components } from './openapi';

type Schemas = components['schemas'];

export type Localized = Schemas['LocalizedTextDto'];
export type Lang = keyof Localized;

export type SnapshotInfo = Schemas['SnapshotInfoDto'];
export type Health = Schemas['HealthDto'];

export type Indicator = Schemas['IndicatorDto'];
export type Polarity = Indicator['polarity'];
export type IndicatorList = Schemas['IndicatorsResponseDto'];

export type TerritoryList = Schemas['TerritoriesResponseDto'];

/** The values of an available indicator: the dashboard asks only for those (an indicator without years has none), so the year is known. */
export type IndicatorValues = Omit<Schemas['ValuesResponseDto'], 'year'> & { year: number };
export type Level = IndicatorValues['level'];
export type ValueRow = Schemas['ValueRowDto'];
export type Source = Schemas['SourceDto'];

export type Boundaries = Schemas['BoundariesDto'];

export type Quality = Schemas['QualityResponseDto'];
export type QualityIssue = Schemas['QualityIssueDto'];
export type Severity = QualityIssue['severity'];

export type Provenance = Schemas['ProvenanceResponseDto'];
export type ProvenanceSource = Schemas['ProvenanceSourceDto'];
export type ProvenanceTerm = Schemas['ProvenanceTermDto'];

// Error answers are documented by status and description only, so their body has no schema to take.
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message: string;
  downloadUrl?: string;
}

export type Territory = Schemas['TerritoryDto'];

export type Profile = Schemas['ProfileResponseDto'];
export type ProfileEntry = Schemas['ProfileEntryDto'];
export type Spread = Schemas['SpreadDto'];
export type Comparison = ValueRow['comparison'];
export type Compare = Schemas['CompareResponseDto'];
export type CompareEntry = Schemas['CompareEntryDto'];
