import type { AmbitoMembership } from './ambiti.js';
import type { ModelInput } from './input.js';
import type { TerritoryLevel } from './territory-levels.js';

export interface TerritoryRow {
  readonly code: string;
  readonly level: TerritoryLevel;
  readonly name: string;
  readonly parentCode: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly areaKm2: number | null;
  readonly areaSourceId: string | null;
  readonly sourceId: string;
}

export interface AmbitoDefinition {
  readonly code: string;
  readonly name: string;
  readonly provincia: string;
}

/** The territorial hierarchy on the reference date: comune → Ambito → provincia → regione → Italia. */
export function buildTerritory(input: ModelInput, ambiti: readonly AmbitoDefinition[], memberships: readonly AmbitoMembership[], ambitiSourceId: string): TerritoryRow[] {
  const source = input.territorySourceId;
  const currentStart = new Map<string, string>();
  for (const period of input.history) {
    if (period.validTo === null || period.validTo >= input.referenceDate) currentStart.set(period.code, period.validFrom);
  }
  const comuni: TerritoryRow[] = input.comuni.map((c) => ({
    code: c.code, level: 'comune', name: c.name, parentCode: c.provinciaCode,
    validFrom: currentStart.get(c.code) ?? null, validTo: null, areaKm2: c.areaKm2,
    areaSourceId: c.areaKm2 === null ? null : c.areaSourceId ?? source, sourceId: source,
  }));
  const area = new Map(comuni.map((c) => [c.code, c.areaKm2]));
  const current = (m: AmbitoMembership) => m.validFrom <= input.referenceDate && (m.validTo === null || m.validTo >= input.referenceDate);
  const ambitiRows: TerritoryRow[] = ambiti.map((a) => {
    const members = memberships.filter((m) => m.ambitoCode === a.code && current(m));
    const areas = members.map((m) => area.get(m.comuneCode) ?? null);
    return {
      code: a.code, level: 'ambito', name: a.name, parentCode: a.provincia, validFrom: null, validTo: null,
      areaKm2: areas.every((x) => x !== null) ? areas.reduce<number>((sum, x) => sum + (x ?? 0), 0) : null,
      areaSourceId: null,
      sourceId: ambitiSourceId,
    };
  });
  return [
    ...comuni,
    ...ambitiRows,
    ...input.province.map((p): TerritoryRow => ({ code: p.code, level: 'provincia', name: p.name, parentCode: p.regioneCode, validFrom: null, validTo: null, areaKm2: p.areaKm2, areaSourceId: p.areaKm2 === null ? null : p.sourceId, sourceId: p.sourceId })),
    ...input.regioni.map((r): TerritoryRow => ({ code: r.code, level: 'regione', name: r.name, parentCode: 'IT', validFrom: null, validTo: null, areaKm2: r.areaKm2, areaSourceId: r.areaKm2 === null ? null : r.sourceId, sourceId: r.sourceId })),
    { code: 'IT', level: 'italia', name: 'Italia', parentCode: null, validFrom: null, validTo: null, areaKm2: null, areaSourceId: null, sourceId: source },
  ];
}
