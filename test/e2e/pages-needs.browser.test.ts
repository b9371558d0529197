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
import { axeViolations, launchChromium, sideways } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const AMBITO = 'PV-E6';
const PAGES = {
  panoramica: { hash: `#/?territorio=${AMBITO}`, ready: '[data-testid="trend-badge"]' },
  area: { hash: `#/area?area=anziani&territorio=${AMBITO}`, ready: '[data-testid="trend-chart"] svg' },
  bisogni: { hash: `#/bisogni?area=minori_famiglia&territorio=${AMBITO}`, ready: '[data-testid="scatter"] svg' },
} as const;

declare const location: { hash: string };
declare const window: { scrollY: number };
declare const document: { querySelector(s: string): unknown };
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
      const scrolled = await sideways(page);
      expect(scrolled.pixels, `${name}: ${scrolled.where.join('; ')}`).toBe(0);
      await page.close();
    }
  });

  /**
   * The comuni of the Ambito above the benchmark's need and below its coverage, computed here from
   * /api/values, most units missing first (from /api/gaps), then lowest coverage.
   */
  async function expectedPriority(ambito: string, needCode: string, supplyCode: string): Promise<{ codes: string[]; year: number }> {
    const catalogue = (await demo.get<{ rows: { code: string; years: number[] }[] }>('/api/indicators')).body.rows;
    const year = catalogue.find((i) => i.code === supplyCode)!.years.at(-1)!;
    type Values = { rows: (Row & { suppressed: boolean })[]; benchmark: Row };
    const values = async (code: string) => (await demo.get<Values>(`/api/indicators/${code}/values?level=comune&parent=${ambito}&year=${year}`)).body;
    const [need, supply] = [await values(needCode), await values(supplyCode)];
    const gaps = (await demo.get<{ rows: { code: string; shortfall: number | null }[] }>(`/api/gaps?indicator=${supplyCode}&level=comune&parent=${ambito}&year=${year}`)).body;
    const shortfall = new Map(gaps.rows.map((r) => [r.code, r.shortfall ?? -1]));
    const needs = new Map(need.rows.filter((r) => r.value !== null && !r.suppressed).map((r) => [r.code, r.value!]));
    const rows = supply.rows.filter((r) => r.value !== null && !r.suppressed && needs.has(r.code) && needs.get(r.code)! > need.benchmark.value! && r.value < supply.benchmark.value!);
    rows.sort((a, b) => shortfall.get(b.code)! - shortfall.get(a.code)! || a.value! - b.value! || a.name.localeCompare(b.name, 'it'));
    return { codes: rows.map((r) => r.code), year };
  }

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`answers "which comuni of my area need most and are served least?" in three clicks from the home page (${size})`, async () => {
      // Nursery places against the children under 6: the demo's first service with a need to read it
      // against. The first Ambito that has comuni in that quadrant, so that there is a list to check.
      const ambiti = (await demo.get<{ rows: Row[] }>('/api/territories?level=ambito')).body.rows;
      let ambito = '';
      let expected = { codes: [] as string[], year: 0 };
      for (const a of ambiti) {
        expected = await expectedPriority(a.code, 'DEM08', 'SUP01');
        ambito = a.code;
        if (expected.codes.length > 0) break;
      }
      expect(expected.codes.length, 'the demo has an Ambito with comuni in that quadrant').toBeGreaterThan(0);
      // The home page, with the Ambito as Il mio territorio (a shared link, or the one remembered).
      const page = await open(browser, `${demo.url}/#/?territorio=${ambito}`, viewport);
      await page.waitForSelector('[data-testid="overview"]');
      expect(await page.getByRole('heading', { level: 2, name: /^Panoramica/ }).count()).toBe(1);
      // The question is on the first screen, without scrolling, and the demo banner is there above it.
      const question = await page.getByTestId('priority-link').boundingBox();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(question!.y).toBeGreaterThanOrEqual(0);
      expect(question!.y + question!.height, `the link ends at ${question!.y + question!.height} px of ${viewport.height}`).toBeLessThanOrEqual(viewport.height);
      expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
      let clicks = 0;
      const click = async (target: ReturnType<Page['getByRole']>) => {
        clicks += 1;
        await target.click();
      };
      await click(page.getByRole('link', { name: 'Vedi i comuni con bisogno alto e offerta bassa' }));
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/bisogni\?area=minori_famiglia/);
      const heading = page.getByRole('heading', { name: 'Comuni con bisogno alto e offerta bassa' });
      await expect.poll(() => heading.isVisible()).toBe(true);
      await page.waitForSelector('[data-testid="priority-table"]');
      const listed = await page.locator('[data-testid="priority-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
      expect(listed).toEqual(expected.codes);
      expect(await page.getByTestId('priority-table').locator('caption').textContent()).toContain(String(expected.year));
      // The list is on screen, not below the charts.
      const box = await page.getByTestId('priority-table').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(clicks).toBeLessThanOrEqual(3);
      await page.screenshot({ path: `${ARTIFACTS}three-clicks-${viewport.width}.png`, fullPage: false });
      await page.close();
    });
  }

  it('says on Area di intervento why no indicator of the area has values, with no empty year to choose', async () => {
    const catalogue = (await demo.get<{ rows: { code: string; area: string; available: boolean; unavailableReason: { it: string } | null }[] }>('/api/indicators')).body.rows;
    const offered = catalogue.filter((i) => i.area === 'disabilita');
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((i) => !i.available), 'the demo has no values for disabilità').toBe(true);
    const page = await open(browser, `${demo.url}/#/area?area=disabilita&territorio=${AMBITO}`, SIZES.phone);
    const notice = page.getByTestId('indicator-unavailable');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await page.locator('#year-select').count()).toBe(0);
    expect(await notice.textContent()).toBe(`Non disponibile: ${offered[0]!.unavailableReason!.it}`);
    expect(await page.getByTestId('no-values-here').textContent()).toMatch(/^Nessuno di questi indicatori ha dati/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('draws comuni with no unit missing in a class of their own on the map of the gaps', async () => {
    const year = 2023;
    const gaps = (await demo.get<{ rows: { code: string; shortfall: number | null }[] }>(`/api/gaps?indicator=SUP01&level=comune&parent=${AMBITO}&year=${year}`)).body.rows;
    const none = gaps.filter((r) => r.shortfall === 0).map((r) => r.code);
    const some = gaps.filter((r) => r.shortfall !== null && Math.ceil(r.shortfall) > 0).map((r) => r.code);
    expect(none.length, 'the demo Ambito has comuni with nothing missing').toBeGreaterThan(0);
    expect(some.length, 'and comuni with a gap').toBeGreaterThan(0);
    const page = await open(browser, `${demo.url}/${PAGES.bisogni.hash}`, SIZES.desktop);
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
    // Each comune's shape as Vega drew it: its class and its fill.
    const drawn = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="map"]') as unknown as { vegaView: { scenegraph(): { root: unknown } } };
      const shapes: Record<string, { classLabel: string; fill: string }> = {};
      const visit = (node: { marktype?: string; items?: unknown[] }) => {
        if (node.marktype === 'shape') {
          for (const item of node.items as { fill: string; datum: { properties: { code: string }; classLabel: string } }[]) shapes[item.datum.properties.code] = { classLabel: item.datum.classLabel, fill: item.fill };
        }
        for (const child of (node.items ?? []) as (typeof node)[]) if (child && typeof child === 'object') visit(child);
      };
      visit(host.vegaView.scenegraph().root as never);
      return shapes;
    });
    const classes = Object.fromEntries(Object.entries(drawn).map(([code, shape]) => [code, shape.classLabel]));
    const zeroFills = new Set(none.map((code) => drawn[code]?.fill));
    expect(zeroFills.size, 'one colour for every comune with nothing missing').toBe(1);
    for (const code of some) expect(zeroFills.has(drawn[code]!.fill), code).toBe(false);
    for (const code of none) expect(classes[code], code).toBe('nessuna carenza');
    for (const code of some) expect(classes[code], code).not.toBe('nessuna carenza');
    const legend = await page.locator('[data-testid="map"] .role-legend-label text').allTextContents();
    expect(legend[0]).toBe('nessuna carenza');
    expect(legend).toContain('nessun dato');
    expect(legend.filter((label) => label.includes('–') && label.startsWith('0')), 'no class joins 0 to other values').toEqual([]);
    await page.close();
  });
});
