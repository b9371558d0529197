/**
 * Panoramica, Area di intervento and Bisogni e offerta in Chromium on the demo snapshot, served by the
 * real API: the numbers on Bisogni e offerta are those of /api/values and /api/gaps, axe-core passes at
 * desktop and phone sizes, nothing scrolls sideways at 360 px, and "which comuni of my area need most
 * and are served least?" is answered within three clicks of the home page. Screenshots go to test/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { load, newStateDir } from '../support/etl.js';
import { axeViolations, launchChromium } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const AMBITO = 'PV-E6';
const PAGES = {
  panoramica: { hash: `#/panoramica?territorio=${AMBITO}`, ready: '[data-testid="trend-badge"]' },
  area: { hash: `#/area?area=anziani&territorio=${AMBITO}`, ready: '[data-testid="trend-chart"] svg' },
  bisogni: { hash: `#/bisogni?area=minori_famiglia&territorio=${AMBITO}`, ready: '[data-testid="scatter"] svg' },
} as const;

declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };
interface Row { code: string; name: string; value: number | null }

// Italian formats computed here, independently of the dashboard's own formatting code.
const it2 = (value: number | null, decimals: number) => (value === null ? 'nessun dato' : new Intl.NumberFormat('it-IT', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' }).format(value));

async function open(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  return page;
}


describeIf(chromium)('Panoramica, Area di intervento, Bisogni e offerta', () => {
  let browser: Browser;
  let demo: RunningApi;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const state = await newStateDir();
    await load(state, null);
    demo = await startApi(state);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('draws on Bisogni e offerta the numbers of /api/values and /api/gaps', async () => {
    const year = 2023;
    const values = async (code: string) => (await demo.get<{ rows: Row[]; benchmark: Row; indicator: { decimals: number } }>(`/api/indicators/${code}/values?level=comune&parent=${AMBITO}&year=${year}`)).body;
    const [need, supply] = [await values('DEM08'), await values('SUP01')];
    const gaps = (await demo.get<{ rows: (Row & { shortfall: number | null })[]; totalShortfall: number }>(`/api/gaps?indicator=SUP01&level=comune&parent=${AMBITO}&year=${year}`)).body;
    const byCode = (rows: Row[]) => new Map(rows.map((r) => [r.code, r]));
    const [needs, supplies, shortfalls] = [byCode(need.rows), byCode(supply.rows), new Map(gaps.rows.map((r) => [r.code, r.shortfall]))];
    const both = supply.rows.filter((r) => r.value !== null && needs.get(r.code)?.value != null);
    expect(both.length).toBeGreaterThan(2);

    const page = await open(browser, `${demo.url}/${PAGES.bisogni.hash}`, SIZES.desktop);
    await page.waitForSelector(PAGES.bisogni.ready);
    const table = await page.locator('[data-testid="needs-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ code: tr.getAttribute('data-code'), cells: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.getAttribute('data-field'), td.textContent])) })),
    );
    expect(table.map((r) => r.code).sort()).toEqual(both.map((r) => r.code).sort());
    for (const row of table) {
      expect(row.cells.need, row.code!).toBe(it2(needs.get(row.code!)!.value, need.indicator.decimals));
      expect(row.cells.supply, row.code!).toBe(it2(supplies.get(row.code!)!.value, supply.indicator.decimals));
      const shortfall = shortfalls.get(row.code!) ?? null;
      expect(row.cells.shortfall, row.code!).toBe(it2(shortfall === null ? null : Math.ceil(shortfall), 0));
    }
    // The scatter draws a mark per row of the table, each saying that row's numbers.
    const marks = await page.locator('[data-testid="scatter"] path[role="graphics-symbol"][aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const spoken = marks.filter((label) => label.includes('Bambini di 0-5 anni'));
    expect(spoken).toHaveLength(both.length);
    for (const r of both) expect(spoken.some((label) => label.includes(`${it2(needs.get(r.code)!.value, need.indicator.decimals)}, Posti nei nidi`) && label.includes(`${it2(r.value, supply.indicator.decimals)} (`))).toBe(true);
    // The benchmark lines are at the Ambito's values, and the total missing is the API's.
    await expect.poll(() => page.getByText(`${it2(need.benchmark.value, need.indicator.decimals)} per il bisogno e ${it2(supply.benchmark.value, supply.indicator.decimals)} per la copertura`).count()).toBe(1);
    expect(await page.getByTestId('gaps-total').textContent()).toContain(`mancano ${it2(Math.ceil(gaps.totalShortfall), 0)} unità`);
    await page.close();
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const [name, { hash, ready }] of Object.entries(PAGES)) {
      it(`${name} passes axe-core (WCAG 2.1 AA) at ${size} size`, async () => {
        const page = await open(browser, `${demo.url}/${hash}`, viewport);
        await page.waitForSelector(ready);
        const violations = await axeViolations(page);
        await page.screenshot({ path: `${ARTIFACTS}${name}-${viewport.width}.png`, fullPage: true });
        await page.close();
        expect(violations).toEqual([]);
      });
    }
  }

  it('has no sideways scrolling at 360 px on any of the three pages', async () => {
    for (const [name, { hash, ready }] of Object.entries(PAGES)) {
      const page = await open(browser, `${demo.url}/${hash}`, { width: 360, height: 800 });
      await page.waitForSelector(ready);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), name).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`answers "which comuni of my area need most and are served least?" in three clicks from the home page (${size})`, async () => {
      const page = await open(browser, `${demo.url}/?territorio=${AMBITO}`.replace('/?', '/#/?'), viewport);
      await page.waitForSelector('[data-testid="values-table"]');
      await page.getByRole('navigation', { name: 'Sezioni' }).getByRole('link', { name: 'Bisogni e offerta' }).click(); // 1
      await page.getByRole('navigation', { name: 'Scegli l’area di intervento' }).getByRole('link', { name: 'Anziani' }).click(); // 2
      await page.waitForSelector(PAGES.bisogni.ready);
      const heading = page.getByRole('heading', { name: 'Comuni con bisogno alto e offerta bassa' });
      await expect.poll(() => heading.isVisible()).toBe(true);
      // The answer: a list of comuni, or the statement that none is in that quadrant.
      await expect.poll(async () => (await page.getByTestId('priority-table').count()) + (await page.getByTestId('priority-none').count())).toBe(1);
      await page.screenshot({ path: `${ARTIFACTS}three-clicks-${viewport.width}.png`, fullPage: false });
      await page.close();
    });
  }
});
