import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { quality, qualityIssue, snapshot } from '../test/fixtures';

// The component test answers fetch with fixed API-shaped bodies; the real API is exercised end to end in test/.
type Routes = Record<string, { status?: number; body: unknown }>;

function serve(routes: Routes) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const route = routes[url.pathname + url.search];
    if (!route) return new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', message: `no route ${url.pathname + url.search}` }), { status: 404 });
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const breakPavia = qualityIssue();
const localized = (it: string, en: string) => ({ message: en, localizedMessage: { it, en } });
const mismatch = qualityIssue({ rule: 'sex-total-mismatch', territoryCode: '019036', territoryName: 'Cremona', year: 2022, sourceTitle: 'Popolazione per sesso', ...localized('maschi 34.000 + femmine 37.500 = 71.500, ma il totale è 71.600', 'men 34000 + women 37500 = 71500, but the total is 71600') });
const missing = qualityIssue({ severity: 'info', rule: 'missing-value', sourceId: null, sourceTitle: null, territoryCode: '018177', territoryName: 'Vigevano', year: 2019, ...localized('Vigevano non ha un valore di pop_res per il 2019, che altri comuni della provincia di Pavia hanno', 'Vigevano has no pop_res value for 2019 while other comuni of its provincia do') });
const all = quality([breakPavia, mismatch, missing]);

function routes(extra: Routes = {}): Routes {
  return {
    '/api/health': { body: { status: 'ok', snapshot: snapshot(), database: 'sqlite' } },
    '/api/quality?limit=50': { body: all },
    '/api/quality?severity=info&limit=50': { body: quality([missing], { severity: 'info', bySeverity: all.bySeverity }) },
    '/api/quality?rule=sex-total-mismatch&limit=50': { body: quality([mismatch], { rule: 'sex-total-mismatch', bySeverity: all.bySeverity, byRule: all.byRule }) },
    ...extra,
  };
}

beforeEach(() => {
  window.location.hash = '#/qualita';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('Qualità dei dati', () => {
  it('lists the issues with territory names, in Italian, and the counts per severity', async () => {
    serve(routes());
    render(<App lang="it" />);
    const table = await screen.findByTestId('quality-table');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Qualità dei dati');
    expect(cells(table)).toEqual([
      ['avviso', 'Salto nella serie', 'Pavia (018110)', '2020', 'Popolazione residente (POSAS)', "Pavia: i residenti passano da 71.500 (2019) a 76.000 (2020), +6,3% in un anno; verificare se c'è stato un ricalcolo sul censimento o una variazione dei confini"],
      ['avviso', 'Maschi più femmine diversi dal totale', 'Cremona (019036)', '2022', 'Popolazione per sesso', 'maschi 34.000 + femmine 37.500 = 71.500, ma il totale è 71.600'],
      ['informazione', 'Valore mancante', 'Vigevano (018177)', '2019', '—', 'Vigevano non ha un valore di pop_res per il 2019, che altri comuni della provincia di Pavia hanno'],
    ]);
    expect(screen.queryByText(/Le descrizioni sono scritte in inglese/)).toBeNull();
    expect(screen.getByTestId('severity-counts').textContent).toBe('Errori: 0Avvisi: 2Informazioni: 1');
    expect(screen.getByRole('link', { name: 'Scarica i problemi in CSV' }).getAttribute('href')).toBe('/api/quality?limit=1000&format=csv');
    expect(screen.getByRole('link', { name: 'Qualità dei dati' }).getAttribute('aria-current')).toBe('page');
  });

  it('filters by severity and by rule, with the counts in the options', async () => {
    const fetchMock = serve(routes());
    render(<App lang="it" />);
    await screen.findByTestId('quality-table');
    const severity = screen.getByLabelText('Gravità');
    expect([...severity.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Tutte (3)', 'Errori (0)', 'Avvisi (2)', 'Informazioni (1)']);
    fireEvent.change(severity, { target: { value: 'info' } });
    await waitFor(() => expect(cells(screen.getByTestId('quality-table'))).toHaveLength(1));
    expect(cells(screen.getByTestId('quality-table'))[0]![2]).toBe('Vigevano (018177)');
    expect(fetchMock).toHaveBeenCalledWith('/api/quality?severity=info&limit=50', expect.anything());

    fireEvent.change(severity, { target: { value: '' } });
    await waitFor(() => expect(cells(screen.getByTestId('quality-table'))).toHaveLength(3));
    const rule = screen.getByLabelText('Regola');
    expect([...rule.querySelectorAll('option')].map((o) => o.textContent)).toContain('Maschi più femmine diversi dal totale (1)');
    fireEvent.change(rule, { target: { value: 'sex-total-mismatch' } });
    await waitFor(() => expect(cells(screen.getByTestId('quality-table'))).toHaveLength(1));
    expect(cells(screen.getByTestId('quality-table'))[0]![2]).toBe('Cremona (019036)');
  });

  it('switches to English with the language switch', async () => {
    serve(routes());
    render(<App lang="it" />);
    await screen.findByTestId('quality-table');
    fireEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Data quality');
    expect(cells(screen.getByTestId('quality-table')).map((row) => [...row.slice(0, 3), row[5]])).toEqual([
      ['warning', 'Series break', 'Pavia (018110)', 'Pavia: residents went from 71500 (2019) to 76000 (2020), +6.3% in one year; check for a census rebase or a boundary change'],
      ['warning', 'Men plus women differ from the total', 'Cremona (019036)', 'men 34000 + women 37500 = 71500, but the total is 71600'],
      ['info', 'Missing value', 'Vigevano (018177)', 'Vigevano has no pop_res value for 2019 while other comuni of its provincia do'],
    ]);
    expect(screen.getByTestId('severity-counts').textContent).toBe('Errors: 0Warnings: 2Infos: 1');
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });

  it('pages through the issues', async () => {
    const many = Array.from({ length: 50 }, (_, i) => qualityIssue({ year: 1970 + i }));
    serve(routes({
      '/api/quality?limit=50': { body: quality(many, { matching: 51 }) },
      '/api/quality?limit=50&offset=50': { body: quality([missing], { matching: 51, offset: 50 }) },
    }));
    render(<App lang="it" />);
    await screen.findByTestId('quality-table');
    expect(screen.getByRole('status').textContent).toBe('Righe 1–50 di 51');
    expect((screen.getByRole('button', { name: 'Precedenti' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Successive' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Righe 51–51 di 51'));
    expect(cells(screen.getByTestId('quality-table'))[0]![2]).toBe('Vigevano (018177)');
  });

  it('says when there is nothing to report', async () => {
    serve(routes({ '/api/quality?limit=50': { body: quality([]) } }));
    render(<App lang="it" />);
    expect((await screen.findByTestId('no-issues')).textContent).toBe('Nessun problema di qualità per questa scelta.');
  });

  it('is reachable from the header of the indicators page', async () => {
    window.location.hash = '';
    serve(routes());
    render(<App lang="it" />);
    const link = screen.getByRole('link', { name: 'Qualità dei dati' });
    expect(link.getAttribute('href')).toBe('#/qualita');
    window.location.hash = '#/qualita';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByTestId('quality-table')).toBeTruthy();
  });
});
