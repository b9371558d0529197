import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Boundaries, IndicatorList, IndicatorValues } from '../api/types';
import { App } from '../App';
import { forgetCachedAnswers } from '../api/client';
import { indicator, indicatorList, provenance, snapshot, source, territory, territoryList, topology, valueRow, values } from '../test/fixtures';

// The component test answers fetch with fixed API-shaped bodies; the real API is exercised end to end in test/.
type Routes = Record<string, { status?: number; body: unknown; until?: Promise<void> }>;

function serve(routes: Routes) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const key = url.pathname + url.search;
    const route = routes[key] ?? routes[url.pathname];
    if (!route) return new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', message: `no route ${key}` }), { status: 404 });
    await route.until;
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const comuni = [
  { code: '018110', name: 'Pavia' },
  { code: '018177', name: 'Vigevano' },
  { code: '018002', name: 'Albaredo Arnaboldi' },
];
const densita = indicator({ code: 'DEM_DENS', name: { it: 'Densità abitativa', en: 'Population density' }, decimals: 2, years: [2023, 2024] });
const comuneValues = (overrides: Partial<IndicatorValues> = {}) =>
  values({
    indicator: densita,
    year: 2024,
    rows: [
      valueRow({ code: '018110', name: 'Pavia', numerator: 70971, denominator: 62.86, value: 1129.03 }),
      valueRow({ code: '018177', name: 'Vigevano', numerator: 62000, denominator: 5021.5, value: 12.344 }),
      valueRow({ code: '018002', name: 'Albaredo Arnaboldi', value: null }),
    ],
    benchmark: valueRow({ code: '018', name: 'Provincia di Pavia', numerator: 535000, denominator: 2968.6, value: 180.22 }),
    ...overrides,
  });

function routes({ list = indicatorList([densita]), vals = comuneValues(), boundaries }: { list?: IndicatorList; vals?: IndicatorValues; boundaries?: Boundaries } = {}): Routes {
  return {
    '/api/health': { body: { status: 'ok', snapshot: list.snapshot, database: 'sqlite' } },
    '/api/indicators': { body: list },
    '/api/territories?level=provincia': { body: territoryList([territory('018', 'Pavia', 'provincia', '03'), territory('019', 'Cremona', 'provincia', '03')]) },
    '/api/territories?level=ambito': { body: territoryList([]) },
    '/api/indicators/DEM_DENS/values?level=comune&parent=018&year=2024': { body: vals },
    '/api/boundaries/018': boundaries
      ? { body: boundaries }
      : { status: 404, body: { statusCode: 404, message: 'boundaries not loaded', downloadUrl: 'https://www.istat.it/' } },
  };
}

// These are the Indicatori page's; the home page is Panoramica.
beforeEach(() => globalThis.history.replaceState(null, '', '#/indicatori'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  forgetCachedAnswers();
  globalThis.localStorage.clear();
});

describe('Dashboard', () => {
  it('shows the values table with Italian numbers, "nessun dato" and the benchmark row', async () => {
    serve(routes());
    render(<App lang="it" />);
    const table = await screen.findByTestId('values-table');
    const bodyRows = within(table).getAllByRole('row').slice(1, 4);
    expect(bodyRows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['1', '018110', 'Pavia', '70.971', '62,86', '1.129,03'],
      ['2', '018177', 'Vigevano', '62.000', '5.021,5', '12,34'],
      ['—', '018002', 'Albaredo Arnaboldi', 'nessun dato', 'nessun dato', 'nessun dato'],
    ]);
    expect(screen.getByTestId('benchmark-row').textContent).toContain('180,22');
    expect(screen.getByTestId('missing-note').textContent).toBe('1 comune senza dato (non incluso nel grafico).');
    expect(screen.queryByTestId('synthetic-banner')).toBeNull();
    expect(screen.getByRole('link', { name: 'Scarica la tabella in CSV' }).getAttribute('href')).toBe(
      '/api/indicators/DEM_DENS/values?level=comune&parent=018&year=2024&format=csv',
    );
    expect(screen.getAllByTestId('attribution')[0]!.textContent).toContain('Licenza CC BY 4.0');
  });

  it('shows the synthetic-data banner for a demo snapshot', async () => {
    const demo = snapshot({ mode: 'demo', ambitiExample: true, ambitiNote: { it: 'Ambiti di esempio.', en: 'Example Ambiti.' } });
    serve(routes({ list: indicatorList([densita], demo), vals: comuneValues({ snapshot: demo, synthetic: true, sources: [source({ synthetic: true })] }) }));
    render(<App lang="it" />);
    const banner = await screen.findByTestId('synthetic-banner');
    expect(banner.textContent).toContain('Dati dimostrativi: alcuni valori sono generati sinteticamente e non sono dati reali');
    await screen.findByTestId('values-table');
    // One banner, not two: the note on example Ambiti is part of it.
    expect(document.querySelectorAll('.banner')).toHaveLength(1);
    expect(banner.textContent).toContain('Ambiti di esempio.');
    expect(screen.getAllByTestId('attribution')[0]!.textContent).toContain('dati sintetici dimostrativi');
  });

  it('shows the banner when a real snapshot serves synthetic values', async () => {
    serve(routes({ vals: comuneValues({ synthetic: true }) }));
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    expect(screen.getByTestId('synthetic-banner')).toBeTruthy();
  });

  it('explains where to get the boundaries when they are not loaded, and still shows the chart and table', async () => {
    serve(routes());
    render(<App lang="it" />);
    const notice = await screen.findByTestId('boundaries-missing');
    expect(notice.textContent).toContain('Confini comunali non caricati');
    expect(notice.textContent).toContain('OSSERVATORIO_DATA_DIR');
    expect(within(notice).getByRole('link', { name: /openpolis/ }).getAttribute('href')).toBe('https://github.com/openpolis/geojson-italy');
    expect(screen.getByTestId('bar-chart')).toBeTruthy();
    expect(screen.queryByTestId('map')).toBeNull();
  });

  it('draws the map and the bars as SVG when boundaries are loaded', async () => {
    serve(routes({ boundaries: topology(comuni) }));
    render(<App lang="it" />);
    const map = await screen.findByTestId('map');
    await waitFor(() => expect(map.querySelectorAll('.mark-shape path')).toHaveLength(3), { timeout: 10_000 });
    const bars = screen.getByTestId('bar-chart');
    await waitFor(() => expect(bars.querySelectorAll('.mark-rect path')).toHaveLength(2), { timeout: 10_000 });
    // happy-dom lays nothing out (width 0), so the label is cut to its value; bar.spec checks it in full.
    expect(bars.textContent).toContain('180,22 (');
  });

  it('sorts the table by a column header and reports it with aria-sort', async () => {
    serve(routes());
    render(<App lang="it" />);
    const table = await screen.findByTestId('values-table');
    fireEvent.click(within(table).getByRole('button', { name: /Territorio/ }));
    const header = within(table).getByRole('columnheader', { name: /Territorio/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    const names = within(table).getAllByRole('row').slice(1, 4).map((row) => within(row).getAllByRole('cell')[2]!.textContent);
    expect(names).toEqual(['Albaredo Arnaboldi', 'Pavia', 'Vigevano']);
  });

  it('switches the page to English, lang attribute included', async () => {
    serve(routes());
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    fireEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Osservatorio — social needs and services');
    expect(screen.getByTestId('values-table').textContent).toContain('1,129.03');
  });

  it('says what to do when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    render(<App lang="it" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('non risponde');
    expect(within(alert).getByRole('button', { name: 'Riprova' })).toBeTruthy();
  });

  it('says how to load data when no snapshot is published', async () => {
    serve({
      '/api/health': { status: 503, body: { status: 'unavailable', snapshot: null, reason: 'no-snapshot-published', message: 'Nessuno snapshot ancora pubblicato', database: 'sqlite' } },
      '/api/indicators': { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'no snapshot published' } },
    });
    render(<App lang="it" />);
    expect((await screen.findByTestId('no-snapshot')).textContent).toContain('npm run etl -- load');
  });

  it('colours each comune by its Ambito at Ambito level and shows coverage', async () => {
    const ambitoValues = values({
      indicator: densita,
      level: 'ambito',
      year: 2024,
      rows: [
        valueRow({ code: 'PV-E1', name: 'Ambito Pavese', numerator: 132971, denominator: 5084.36, value: 26.15, comuniWithData: 2, comuniTotal: 2 }),
        valueRow({ code: 'PV-E2', name: 'Ambito Lomellina', value: null, comuniWithData: 0, comuniTotal: 1 }),
      ],
      benchmark: valueRow({ code: '018', name: 'Provincia di Pavia', numerator: 535000, denominator: 2968.6, value: 180.22 }),
    });
    serve({
      ...routes({ boundaries: topology(comuni) }),
      '/api/territories?level=ambito': { body: territoryList([territory('PV-E1', 'Ambito Pavese', 'ambito', '018'), territory('PV-E2', 'Ambito Lomellina', 'ambito', '018')]) },
      '/api/indicators/DEM_DENS/values?level=ambito&parent=018&year=2024': { body: ambitoValues },
      '/api/territories?level=comune&parent=PV-E1': {
        body: { snapshot: snapshot(), level: 'comune', parent: 'PV-E1', rows: [territory('018110', 'Pavia', 'comune'), territory('018177', 'Vigevano', 'comune')] },
      },
      '/api/territories?level=comune&parent=PV-E2': {
        body: { snapshot: snapshot(), level: 'comune', parent: 'PV-E2', rows: [territory('018002', 'Albaredo Arnaboldi', 'comune')] },
      },
    });
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    fireEvent.change(screen.getByLabelText('Livello territoriale'), { target: { value: 'ambito' } });
    await waitFor(() => expect(screen.getByTestId('values-table').textContent).toContain('Ambito Pavese'));
    expect(screen.getByRole('columnheader', { name: /Comuni con dato/ })).toBeTruthy();
    expect(screen.getByTestId('values-table').textContent).toContain('0 su 1');
    const map = await screen.findByTestId('map');
    await waitFor(() => expect(map.querySelectorAll('.mark-shape path')).toHaveLength(3), { timeout: 10_000 });
    expect([...map.querySelectorAll('.mark-shape path')].filter((p) => p.getAttribute('fill') === '#e0e0e0')).toHaveLength(1);
    expect(screen.getByTestId('missing-note').textContent).toBe('1 Ambito senza dato (non incluso nel grafico).');
  });

  it('shows a count without a denominator column and without a reference line', async () => {
    const population = indicator({ years: [2024], plainCount: true });
    const counts = values({
      indicator: population,
      year: 2024,
      rows: [valueRow({ code: '018110', name: 'Pavia', value: 70971, denominator: null })],
      benchmark: valueRow({ code: '018', name: 'Provincia di Pavia', value: 534951, denominator: null }),
    });
    serve({ ...routes({ list: indicatorList([population]) }), '/api/indicators/DEM_POP/values?level=comune&parent=018&year=2024': { body: counts } });
    render(<App lang="it" />);
    const table = await screen.findByTestId('values-table');
    expect(within(table).queryByRole('columnheader', { name: /Base di calcolo/ })).toBeNull();
    // Nor a count column repeating the value, and no engineers' word in the headers.
    expect(within(table).queryByRole('columnheader', { name: /Conteggio/ })).toBeNull();
    expect(table.querySelector('thead')!.textContent).not.toMatch(/[Nn]umerator|[Dd]enominator/);
    expect(screen.getByTestId('benchmark-row').textContent).toContain('534.951');
    expect(screen.queryByText(/Linea tratteggiata/)).toBeNull();
  });

  it('does not crash on an indicator without data', async () => {
    const r = routes({ vals: comuneValues({ rows: [], benchmark: null }) });
    serve(r);
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    expect(screen.getByText('Nessun territorio ha un valore per questa scelta.')).toBeTruthy();
  });

  it('puts the source line, with the file year and the load date, under the chart and the table', async () => {
    serve({ ...routes(), '/api/provenance?indicator=DEM_DENS&territory=018&year=2024': { body: provenance({ territory: { code: '018', name: 'Pavia', level: 'provincia', parentCode: '03', validFrom: null, validTo: null, areaKm2: null } }) } });
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    await waitFor(() => expect(screen.getAllByTestId('attribution')[0]!.textContent).toContain('caricato il'));
    for (const line of screen.getAllByTestId('attribution')) {
      expect(line.textContent).toBe('Fonte: ISTAT, Popolazione residente per età e sesso (POSAS) 2024, caricato il 01/12/2026 — Licenza CC BY 4.0');
    }
  });

  it('opens where one value comes from with a button on the value, listing the codes summed from a merger', async () => {
    serve({ ...routes(), '/api/provenance?indicator=DEM_DENS&territory=018110&year=2024': { body: provenance() } });
    render(<App lang="it" />);
    const table = await screen.findByTestId('values-table');
    const button = within(table).getByRole('button', { name: 'Mostra la provenienza del valore 1.129,03 di Pavia' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const detail = await screen.findByTestId('provenance-detail');
    expect(button.getAttribute('aria-controls')).toBe(detail.id);
    await waitFor(() => expect(within(detail).getByTestId('merged-codes').textContent).toBe('018193 Colli Verdi ← 018028, 018132, 018170 (codici soppressi sommati)'));
    expect(detail.textContent).toContain('Numeratore: pop_res (sesso T, età TOT) al 01/01/2018');
    expect(detail.textContent).toContain('file population/POSAS_2024.csv');
    expect(detail.textContent).toContain('Caricamento run-1 del 01/12/2026');
    fireEvent.click(within(detail).getByRole('button', { name: 'Chiudi' }));
    expect(screen.queryByTestId('provenance-detail')).toBeNull();
    // No value, nothing to trace.
    expect(within(table).queryByRole('button', { name: /Albaredo/ })).toBeNull();
  });
});

describe('Dashboard state in the URL and "Il mio territorio"', () => {
  const fetched = (fetchMock: ReturnType<typeof serve>, path: string) =>
    fetchMock.mock.calls.filter(([input]) => new URL(String(input), 'http://localhost').pathname === path).length;
  const yearRoutes = (): Routes => ({
    ...routes({ boundaries: topology(comuni) }),
    '/api/indicators/DEM_DENS/values?level=comune&parent=018&year=2023': { body: comuneValues({ year: 2023 }) },
  });

  it('writes the view into the URL, and back returns to the previous view', async () => {
    serve(yearRoutes());
    render(<App />);
    await screen.findByTestId('values-table');
    await waitFor(() => expect(globalThis.location.hash).toBe('#/indicatori?indicatore=DEM_DENS&anno=2024&livello=comune&territorio=018'));
    fireEvent.change(screen.getByLabelText('Anno'), { target: { value: '2023' } });
    await waitFor(() => expect(globalThis.location.hash).toContain('anno=2023'));
    await waitFor(() => expect(screen.getByTestId('values-table').textContent).toContain('2023'));
    globalThis.history.back();
    await waitFor(() => expect((screen.getByLabelText('Anno') as HTMLSelectElement).value).toBe('2024'));
  });

  it('opens a shared link as it was: year and language from the URL', async () => {
    serve(yearRoutes());
    globalThis.history.replaceState(null, '', '#/indicatori?indicatore=DEM_DENS&anno=2023&territorio=018&lingua=en');
    render(<App />);
    await screen.findByTestId('values-table');
    expect((screen.getByLabelText('Year') as HTMLSelectElement).value).toBe('2023');
    expect(document.documentElement.lang).toBe('en');
  });

  it('fetches the boundaries once, however often the year changes', async () => {
    const fetchMock = serve(yearRoutes());
    render(<App lang="it" />);
    const map = await screen.findByTestId('map');
    await waitFor(() => expect(map.querySelectorAll('.mark-shape path')).toHaveLength(3), { timeout: 10_000 });
    for (const year of ['2023', '2024', '2023']) {
      fireEvent.change(screen.getByLabelText('Anno'), { target: { value: year } });
      await waitFor(() => expect(globalThis.location.hash).toContain(`anno=${year}`));
      await waitFor(() => expect(screen.getByTestId('results').getAttribute('aria-busy')).toBe('false'));
    }
    expect(fetched(fetchMock, '/api/boundaries/018')).toBe(1);
  });

  it('keeps the previous table on screen, marked busy, until the new values arrive', async () => {
    let release: () => void = () => undefined;
    const r = yearRoutes();
    r['/api/indicators/DEM_DENS/values?level=comune&parent=018&year=2023']!.until = new Promise<void>((resolve) => (release = resolve));
    serve(r);
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    fireEvent.change(screen.getByLabelText('Anno'), { target: { value: '2023' } });
    await waitFor(() => expect(screen.getByTestId('results').getAttribute('aria-busy')).toBe('true'));
    expect(screen.getByTestId('values-table').textContent).toContain('1.129,03');
    release();
    await waitFor(() => expect(screen.getByTestId('results').getAttribute('aria-busy')).toBe('false'));
  });

  it('keeps the snapshot id out of the header (it is in the footer, for maintainers)', async () => {
    serve(routes());
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    const header = document.querySelector('header')!;
    expect(header.textContent).not.toContain(snapshot().id);
    expect(header.textContent).not.toMatch(/snapshot/i);
    expect(screen.getByTestId('data-version').textContent).toContain(snapshot().id);
  });

  it('finds a comune by its former name, remembers the choice and starts from it next time', async () => {
    serve({
      ...routes(),
      '/api/territories?q=albaredo': { body: territoryList([{ ...territory('018177', 'Vigevano', 'comune', '018'), formerName: 'Albaredo' }]) },
      '/api/territories?level=comune&parent=018': { body: territoryList(comuni.map((c) => territory(c.code, c.name, 'comune', '018'))) },
    });
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    expect(screen.getByTestId('home-name').textContent).toBe('Provincia di Pavia');
    // A first visit opens the search by itself.
    fireEvent.change(screen.getByLabelText('Cerca un comune, un Ambito o una provincia'), { target: { value: 'albaredo' } });
    const results = await screen.findByTestId('territory-results', {}, { timeout: 3000 });
    expect(results.textContent).toContain('già Albaredo');
    fireEvent.click(within(results).getByRole('button', { name: /Vigevano/ }));
    await waitFor(() => expect(screen.getByTestId('home-name').textContent).toBe('Vigevano'));
    expect(globalThis.localStorage.getItem('osservatorio.territorio')).toBe('018177');
    await waitFor(() => expect(screen.getByTestId('values-table').textContent).toContain('(il mio territorio)'));

    cleanup();
    globalThis.history.replaceState(null, '', '#/indicatori');
    render(<App lang="it" />);
    await screen.findByTestId('values-table');
    await waitFor(() => expect(screen.getByTestId('home-name').textContent).toBe('Vigevano'));
    expect(globalThis.location.hash).toContain('territorio=018177');
  });
});
