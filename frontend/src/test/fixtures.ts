import type { Boundaries, Indicator, IndicatorList, IndicatorValues, SnapshotInfo, Source, ValueRow } from '../api/types';

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
    unit: { it: 'abitanti', en: 'residents' },
    multiplier: 1,
    decimals: 0,
    polarity: 'neither',
    description: { it: 'Residenti al 1° gennaio.', en: 'Residents on 1 January.' },
    target: null,
    plainCount: false,
    years: [2023, 2024, 2025],
    ...overrides,
  };
}

export function valueRow(overrides: Partial<ValueRow> & Pick<ValueRow, 'code' | 'name'>): ValueRow {
  const value = overrides.value === undefined ? 100 : overrides.value;
  return {
    numerator: value,
    denominator: value === null ? null : 1,
    value,
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
    snapshot: snapshot(),
    benchmark: null,
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
