/**
 * The dashboard on any screen, in Chromium, served by the real API: axe-core (WCAG 2.1 AA) on every page
 * at desktop and phone sizes, no sideways scrolling from 360 px up, a long ranking that keeps its axis in
 * view, charts read from the keyboard, the view kept in the URL. Screenshots for review go to test/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { populationWithQualityIssues, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir } from '../support/etl.js';
import { axeViolations, launchChromium, sideways } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const PAGES = { indicatori: '#/indicatori', qualita: '#/qualita' } as const;

// These run in the page, where the DOM exists; the test package is typed for Node only.
declare const window: { scrollTo(x: number, y: number): void };
declare const location: { hash: string };


async function open(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  return page;
}

async function ready(page: Page, hash: string) {
  if (hash === PAGES.qualita) await page.waitForSelector('[data-testid="quality-table"]');
  else {
    await page.waitForSelector('[data-testid="values-table"]');
    await page.waitForSelector('[data-testid="bar-chart"] .mark-rect path');
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
  }
}



describeIf(chromium)('the dashboard on any screen', () => {
  let browser: Browser;
  let api: RunningApi;
  let demo: RunningApi;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const [dataState, demoState] = [await newStateDir(), await newStateDir()];
    // With published flaws, so that the quality page has a table of issues to lay out.
    await load(dataState, await writeFixtureDataFolder({ population: populationWithQualityIssues }));
    await load(demoState, null);
    [api, demo] = await Promise.all([startApi(dataState), startApi(demoState)]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await demo?.close();
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const [name, hash] of Object.entries(PAGES)) {
      it(`${name} passes axe-core (WCAG 2.1 AA) at ${size} size`, async () => {
        const page = await open(browser, `${demo.url}/${hash}`, viewport);
        await ready(page, hash);
        const violations = await axeViolations(page);
        await page.screenshot({ path: `${ARTIFACTS}${name}-${viewport.width}.png`, fullPage: true });
        await page.close();
        expect(violations).toEqual([]);
      });
    }
  }

  it('has no sideways scrolling from 360 px up, and the map, its legend and the values fit a 390 px phone', async () => {
    for (const width of [360, 390, 768, 1920]) {
      const page = await open(browser, `${demo.url}/${PAGES.indicatori}`, { width, height: 800 });
      await ready(page, PAGES.indicatori);
      const scrolled = await sideways(page);
      expect(scrolled.pixels, `${width} px: ${scrolled.where.join('; ')}`).toBe(0);
      if (width === 390) {
        const right = (selector: string) => page.locator(selector).evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
        expect(await right('[data-testid="map"] svg')).toBeLessThanOrEqual(width);
        expect(await right('[data-testid="map"] .role-legend')).toBeLessThanOrEqual(width);
        expect(await right('[data-testid="values-table"] td.col-value')).toBeLessThanOrEqual(width);
        expect(await right('[data-testid="bar-chart"] svg')).toBeLessThanOrEqual(width);
      }
      await page.close();
    }
  });

  it('lays the quality table out on a phone with no sideways scrolling, inside its box or not', async () => {
    for (const width of [360, 390]) {
      const page = await open(browser, `${api.url}/${PAGES.qualita}`, { width, height: 800 });
      await ready(page, PAGES.qualita);
      expect(await page.locator('[data-testid="quality-table"] tbody tr').count()).toBeGreaterThan(0);
      const scrolled = await sideways(page);
      expect(scrolled.pixels, `${width} px: ${scrolled.where.join('; ')}`).toBe(0);
      // Every cell still says what it is: the column's name is shown beside the value.
      const labelled = await page.locator('[data-testid="quality-table"] tbody td').evaluateAll((tds) => tds.every((td) => (td.getAttribute('data-label') ?? '') !== ''));
      expect(labelled).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}qualita-stacked-${width}.png`, fullPage: true });
      await page.close();
    }
  });

  it('keeps the axis of the full ranking in view while scrolling through its 186 bars', async () => {
    const page = await open(browser, `${demo.url}/${PAGES.indicatori}`, SIZES.desktop);
    await ready(page, PAGES.indicatori);
    await page.getByRole('button', { name: /Mostra tutti/ }).click();
    await page.waitForSelector('[data-testid="bar-axis"] .role-axis-label text');
    await expect.poll(() => page.locator('[data-testid="bar-chart"] .mark-rect path').count()).toBe(186);
    const chart = await page.getByTestId('bar-chart').boundingBox();
    expect(chart!.height).toBeGreaterThan(2000);
    await page.evaluate((y) => window.scrollTo(0, y), chart!.y + chart!.height / 2);
    const axis = await page.locator('[data-testid="bar-axis"] .role-axis-label').boundingBox();
    expect(axis!.y).toBeGreaterThanOrEqual(0);
    expect(axis!.y + axis!.height).toBeLessThan(SIZES.desktop.height);
    await page.screenshot({ path: `${ARTIFACTS}ranking-all-scrolled.png` });
    await page.close();
  });

  it('reads the bars from the keyboard: arrows move from bar to bar, with the tooltip and the spoken value', async () => {
    const page = await open(browser, `${api.url}/${PAGES.indicatori}`, SIZES.desktop);
    await ready(page, PAGES.indicatori);
    const year = await page.getByLabel('Anno', { exact: true }).inputValue();
    const values = await api.get<{ rows: { name: string; value: number | null }[] }>(`/api/indicators/DEM_POP/values?level=comune&parent=018&year=${year}`);
    const top = values.body.rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)[0]!;
    await page.getByTestId('bar-chart').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('bar-chart-spoken').textContent()).toBe(`1. ${top.name}: ${top.value!.toLocaleString('it-IT', { useGrouping: 'always' } as Intl.NumberFormatOptions)}`);
    await expect.poll(() => page.locator('#vg-tooltip-element').textContent()).toContain(top.name);
    expect(await page.locator('#vg-tooltip-element').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('bar-chart-spoken').textContent()).toBe('');
    await page.close();
  });

  it('keeps the view in the URL: a reload shows the same year, back returns to the one before', async () => {
    const page = await open(browser, `${api.url}/${PAGES.indicatori}`, SIZES.desktop);
    await ready(page, PAGES.indicatori);
    const years = await page.getByLabel('Anno', { exact: true }).locator('option').allTextContents();
    const [latest, earlier] = [years[0]!, years[1]!];
    await page.getByLabel('Anno', { exact: true }).selectOption(earlier);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`anno=${earlier}`);
    await page.reload();
    await ready(page, PAGES.indicatori);
    expect(await page.getByLabel('Anno', { exact: true }).inputValue()).toBe(earlier);
    await page.goBack();
    await expect.poll(() => page.getByLabel('Anno', { exact: true }).inputValue()).toBe(latest);
    await page.close();
  });

  it('prints a clean A4 page without the controls', async () => {
    const page = await open(browser, `${demo.url}/${PAGES.indicatori}`, SIZES.desktop);
    await ready(page, PAGES.indicatori);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('.language-switch').isVisible()).toBe(false);
    expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
    await page.pdf({ path: `${ARTIFACTS}print.pdf`, format: 'A4' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${ARTIFACTS}print-a4.png`, fullPage: true });
    await page.close();
  });
});
