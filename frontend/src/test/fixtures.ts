import type { Territory, TerritoryList, Boundaries, Indicator, IndicatorList, IndicatorValues, Provenance, ProvenanceSource, Quality, QualityIssue, Severity, SnapshotInfo, Source, ValueRow } from '../api/types';

// Factories for API-shaped objects: each test states only the fields it is about.

export function snapshot(overrides: Partial<SnapshotInfo> = {}): SnapshotInfo {
  return {
    id: '20250301-120000',
    createdAt: '2025-03-01T12:00:00Z',
    mode: 'real',
    referenceDate: '2025-01-01',
    ambitiExample: false,
    ambitiNote: null,
    ...overrides,
  };
}

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: 'DEM_POP',
    name: { it: 'Popolazione residente', en: 'Resident population' },
    area: 'trasversale',
    areaName: { it: 'Trasversale', en: 'Cross-cutting' },
    unit: { it: 'abitanti', en: 'residents' },
    multiplier: 1,
    decimals: 0,
    polarity: 'neither',
    description: { it: 'Residenti al 1° gennaio.', en: 'Residents on 1 January.' },
    sourceNotes: { it: 'ISTAT.', en: 'ISTAT.' },
    caveats: { it: 'Nessuna.', en: 'None.' },
    ciMethod: 'none',
    minDenominator: null,
    target: null,
    plainCount: false,
    years: [2023, 2024, 2025],
    available: true,
    unavailableReason: null,
    ...overrides,
  };
}

export function valueRow(overrides: Partial<ValueRow> & Pick<ValueRow, 'code' | 'name'>): ValueRow {
  const value = overrides.value === undefined ? 100 : overrides.value;
  return {
    level: 'comune',
    indicator: 'DEM_POP',
    year: 2025,
    numerator: value,
    denominator: value === null ? null : 1,
    value,
    ci95: null,
    ci998: null,
    comparison: 'not_compared',
    smallNumber: false,
    suppressed: false,
    benchmarkCode: null,
    synthetic: false,
    comuniWithData: value === null ? 0 : 1,
    comuniTotal: 1,
    ...overrides,
  };
}

export function source(overrides: Partial<Source> = {}): Source {
  return {
    id: 'istat-posas',
    title: 'Popolazione residente per età e sesso (POSAS)',
    publisher: 'ISTAT',
    licence: 'CC BY 4.0',
    url: 'https://demo.istat.it/',
    synthetic: false,
    ...overrides,
  };
}

export function indicatorList(rows: Indicator[] = [indicator()], snap: SnapshotInfo = snapshot()): IndicatorList {
  return { snapshot: snap, rows };
}

export function values(overrides: Partial<IndicatorValues> & Pick<IndicatorValues, 'rows'>): IndicatorValues {
  return {
    indicator: indicator(),
    level: 'comune',
    parent: '018',
    year: 2025,
    years: [2025],
    snapshot: snapshot(),
    total: overrides.rows.length,
    limit: 10000,
    offset: 0,
    benchmark: null,
    benchmarks: [],
    sources: [source()],
    synthetic: false,
    ...overrides,
  };
}

/** A topology of unit squares side by side near Pavia, one per comune. */
export function topology(comuni: Array<{ code: string; name: string }>): Boundaries {
  const arcs = comuni.map((_, i) => {
    const x = 9 + i * 0.1;
    return [[x, 45], [x + 0.1, 45], [x + 0.1, 45.1], [x, 45.1], [x, 45]];
  });
  return {
    type: 'Topology',
    objects: {
      comuni: {
        type: 'GeometryCollection',
        geometries: comuni.map((properties, i) => ({ type: 'Polygon', arcs: [[i]], properties })),
      },
    },
    arcs,
    source: source({ id: 'istat-confini', title: 'Confini delle unità amministrative', licence: 'CC BY 4.0' }),
  };
}

export function provenanceSource(overrides: Partial<ProvenanceSource> = {}): ProvenanceSource {
  return { ...source(), files: [{ file: 'population/POSAS_2024.csv', sha256: 'ab'.repeat(32), year: 2024 }], ...overrides };
}

/** Colli Verdi's residents in 2018, summed from the three comuni it was made of. */
export function provenance(overrides: Partial<Provenance> = {}): Provenance {
  return {
    snapshot: snapshot(),
    indicator: indicator({ years: [2018] }),
    territory: { code: '018193', name: 'Colli Verdi', level: 'comune', parentCode: '018', validFrom: '2019-01-01', validTo: null, areaKm2: 43.2 },
    year: 2018,
    comuniWithData: 1,
    comuniTotal: 1,
    terms: [
      {
        part: 'numerator',
        variable: 'pop_res',
        sex: 'T',
        ageBand: 'TOT',
        lag: 0,
        sign: 1,
        attribute: null,
        contributions: [
          {
            sourceId: 'istat-posas',
            dataYear: 2018,
            referenceDate: '2018-01-01',
            value: 1200,
            comuni: 1,
            derived: false,
            files: [{ file: 'population/POSAS_2024.csv', sha256: 'ab'.repeat(32), year: 2024 }],
            mergedComuni: [{ code: '018193', name: 'Colli Verdi', sourceCodes: ['018028', '018132', '018170'] }],
          },
        ],
      },
    ],
    sources: [provenanceSource()],
    loadRun: { runId: 'run-1', startedAt: '2026-12-01T14:40:48.869Z', finishedAt: null, etlVersion: '0.2.0' },
    ...overrides,
  };
}

export function qualityIssue(overrides: Partial<QualityIssue> = {}): QualityIssue {
  return {
    severity: 'warning',
    rule: 'series-break',
    sourceId: 'istat-posas',
    sourceTitle: 'Popolazione residente (POSAS)',
    territoryCode: '018110',
    territoryName: 'Pavia',
    territoryLevel: 'comune',
    year: 2020,
    message: 'Pavia: residents went from 71500 (2019) to 76000 (2020), +6.3% in one year; check for a census rebase or a boundary change',
    localizedMessage: {
      it: "Pavia: i residenti passano da 71.500 (2019) a 76.000 (2020), +6,3% in un anno; verificare se c'è stato un ricalcolo sul censimento o una variazione dei confini",
      en: 'Pavia: residents went from 71500 (2019) to 76000 (2020), +6.3% in one year; check for a census rebase or a boundary change',
    },
    ...overrides,
  };
}

export function quality(rows: QualityIssue[], overrides: Partial<Quality> = {}): Quality {
  const count = (severity: Severity) => rows.filter((r) => r.severity === severity).length;
  const rules = [...new Set(rows.map((r) => r.rule))];
  return {
    snapshot: snapshot(),
    severity: null,
    rule: null,
    territory: null,
    limit: 50,
    offset: 0,
    matching: rows.length,
    bySeverity: (['error', 'warning', 'info'] as const).map((severity) => ({ severity, issues: count(severity) })),
    byRule: rules.map((rule) => ({ rule, severity: rows.find((r) => r.rule === rule)!.severity, issues: rows.filter((r) => r.rule === rule).length })),
    rows,
    ...overrides,
  };
}

export function territory(code: string, name: string, level: Territory['level'], parentCode: string | null = null): Territory {
  return { code, name, level, parentCode, validFrom: null, validTo: null, areaKm2: null };
}

export function territoryList(rows: Territory[], overrides: Partial<TerritoryList> = {}): TerritoryList {
  return { snapshot: snapshot(), level: rows[0]?.level === 'italia' ? null : (rows[0]?.level ?? null), parent: null, rows, ...overrides } as TerritoryList;
}
