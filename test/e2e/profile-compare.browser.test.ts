/**
 * Profilo comunale and Confronta in Chromium, served by the real API on a snapshot built from fixtures:
 * the numbers drawn (the table and the dots of the spine chart, read from the live Vega view) are those
 * of GET /api/profiles; both pages pass axe-core at desktop and phone sizes and do not scroll sideways at
 * 360 px. Screenshots for review go to test/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { startApi, type RunningApi } from '../support/api.js';
import { load, newStateDir } from '../support/etl.js';
import { axeViolations, launchChromium, sideways } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

declare const document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): unknown };

interface Bounds { lower: number; upper: number }
interface Row { value: number | null; ci95: Bounds | null; suppressed: boolean; comparison: string }
interface Entry {
  indicator: { code: string; decimals: number; polarity: string };
  value: Row | null;
  benchmark: Row | null;
  peers: { min: number; max: number } | null;
}
interface ProfileBody { name: string; rows: Entry[] }
interface Dot { indicator: string; x: number; fill: string }

const itNumber = (value: number, decimals: number) =>
  value.toLocaleString('it-IT', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' } as Intl.NumberFormatOptions);

/** Where the dot should be, worked out here from the API's numbers (benchmark at ½, farthest at an end, better to the right). */
function expectedPosition(e: Entry): number {
  const b = e.benchmark!.value!;
  const v = e.value!.value!;
  const extent = [...(e.peers ? [e.peers.min, e.peers.max] : []), v, ...(e.value!.ci95 ? [e.value!.ci95.lower, e.value!.ci95.upper] : [])];
  const reach = Math.max(...extent.map((x) => Math.abs(x - b)));
  const sign = e.indicator.polarity === 'higher_worse' ? -1 : 1;
  return reach === 0 ? 0.5 : 0.5 + (sign * (v - b)) / (2 * reach);
}

async function open(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  return page;
}



async function profileReady(page: Page) {
  await page.waitForSelector('[data-testid="profile-table"]');
  await page.waitForSelector('[data-testid="spine-chart"] .mark-symbol path');
}

async function compareReady(page: Page) {
  await page.waitForSelector('[data-testid="compare-results"] table');
  await page.waitForSelector('[data-testid="compare-chart"] .mark-rect path');
}

describeIf(chromium)('Profilo comunale and Confronta in Chromium', () => {
  let browser: Browser;
  let api: RunningApi;
  let comuni: string[];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const state = await newStateDir();
    await load(state, await writeFixtureDataFolder());
    api = await startApi(state);
    browser = await launchChromium();
    const list = await api.get<{ rows: { code: string }[] }>('/api/territories?level=comune&parent=018');
    comuni = list.body.rows.map((r) => r.code).filter((c) => c !== '018110').slice(0, 2);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('draws the profile of 018110 with the numbers of GET /api/profiles, in the table and in the dots', async () => {
    const profile = (await api.get<ProfileBody>('/api/profiles/018110?benchmark=provincia')).body;
    const page = await open(browser, `${api.url}/#/profilo?territorio=018110&riferimento=provincia`, SIZES.desktop);
    await profileReady(page);
    expect(await page.getByTestId('profile-title').textContent()).toBe(`Profilo di ${profile.name}`);

    // The table: every indicator, its value in it-IT, or why there is none.
    const cells = await page.locator('[data-testid="profile-table"] tr[data-indicator]').evaluateAll((rows) =>
      rows.map((r) => ({ code: r.getAttribute('data-indicator')!, value: r.querySelector('[data-testid="profile-value"]')!.textContent!.trim() })),
    );
    expect(cells.map((c) => c.code)).toEqual(profile.rows.map((r) => r.indicator.code));
    const withValue = profile.rows.filter((r) => r.value?.value !== null && r.value?.value !== undefined);
    expect(withValue.length).toBeGreaterThanOrEqual(3);
    for (const r of withValue) {
      expect(cells.find((c) => c.code === r.indicator.code)!.value.replace(/ \*$/, ''), r.indicator.code).toBe(itNumber(r.value!.value!, r.indicator.decimals));
    }
    for (const r of profile.rows.filter((e) => e.value === null || e.value.value === null)) {
      expect(cells.find((c) => c.code === r.indicator.code)!.value, r.indicator.code).not.toMatch(/^\d/);
    }

    // The dots, as Vega drew them: one per indicator with a value and a benchmark, at the position its value gives.
    const drawn = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="spine-chart"]') as { vegaView: { width(): number; scenegraph(): { root: unknown } } };
      const dots: Dot[] = [];
      const visit = (node: { marktype?: string; name?: string; items?: unknown[] }) => {
        if (node.marktype === 'symbol' && node.name?.startsWith('dots')) {
          for (const item of node.items as { x: number; fill: string; datum: { indicator: string } }[]) dots.push({ indicator: item.datum.indicator, x: item.x, fill: item.fill });
        }
        for (const child of (node.items ?? []) as (typeof node)[]) if (child && typeof child === 'object') visit(child);
      };
      visit(host.vegaView.scenegraph().root as never);
      return { width: host.vegaView.width(), dots };
    });
    const drawable = withValue.filter((r) => r.benchmark?.value !== null && r.benchmark?.value !== undefined);
    expect(drawn.dots.map((d) => d.indicator).sort()).toEqual(drawable.map((r) => r.indicator.code).sort());
    const colours: Record<string, string> = { better: '#2166ac', similar: '#bdbdbd', worse: '#b2182b', higher: '#542788', lower: '#e08214', not_compared: '#ffffff' };
    for (const dot of drawn.dots) {
      const entry = drawable.find((r) => r.indicator.code === dot.indicator)!;
      expect(dot.x / drawn.width, dot.indicator).toBeCloseTo(expectedPosition(entry), 6);
      expect(dot.fill, dot.indicator).toBe(colours[entry.value!.comparison]);
    }
    await page.screenshot({ path: `${ARTIFACTS}profilo-018110-1280.png`, fullPage: true });
    await page.close();
  });

  it('opens the profile of a comune clicked in the table of the Indicatori page', async () => {
    const page = await open(browser, `${api.url}/#/indicatori?territorio=018`, SIZES.desktop);
    await page.waitForSelector('[data-testid="values-table"]');
    await page.locator('[data-testid="values-table"] a', { hasText: 'Pavia' }).first().click();
    await profileReady(page);
    expect(page.url()).toContain('#/profilo?territorio=018110');
    await page.close();
  });

  it('opens the profile of a comune clicked in the ranking', async () => {
    const page = await open(browser, `${api.url}/#/indicatori?territorio=018`, SIZES.desktop);
    await page.waitForSelector('[data-testid="bar-chart"] .mark-rect path');
    await page.locator('[data-testid="bar-chart"] .mark-rect path').first().click();
    await profileReady(page);
    expect(page.url()).toMatch(/#\/profilo\?territorio=\d{6}/);
    await page.close();
  });

  it('compares two comuni side by side, with the values of GET /api/compare', async () => {
    const codes = ['018110', comuni[0]!];
    const body = (await api.get<{ rows: { indicator: { code: string; decimals: number }; values: { code: string; value: number | null }[] }[] }>(`/api/compare?territories=${codes.join(',')}&benchmark=provincia`)).body;
    const page = await open(browser, `${api.url}/#/confronta?territori=${codes.join(',')}`, SIZES.desktop);
    await compareReady(page);
    const first = body.rows.find((r) => r.values.length === 2 && r.values.every((v) => v.value !== null))!;
    const allText = await page.locator('[data-testid="compare-results"]').textContent();
    for (const v of first.values) expect(allText).toContain(itNumber(v.value!, first.indicator.decimals));
    expect(await page.locator('[data-testid="compare-chart"] .mark-rect[class*="bars"] path').count()).toBe(2);
    await page.screenshot({ path: `${ARTIFACTS}confronta-1280.png`, fullPage: true });
    await page.close();
  });

  it('gives the Confronta chart a legend of the comparisons drawn, inside a phone screen, with names that do not overlap', async () => {
    const codes = ['018110', ...comuni];
    const body = (await api.get<{ rows: { values: { code: string; value: number | null; comparison: string }[] }[] }>(`/api/compare?territories=${codes.join(',')}&benchmark=provincia`)).body;
    const drawn = body.rows.find((r) => r.values.some((v) => v.value !== null))!;
    const words: Record<string, string> = { better: 'migliore', similar: 'simile', worse: 'peggiore', higher: 'più alto', lower: 'più basso' };
    const expected = [...new Set(drawn.values.filter((v) => v.value !== null && v.comparison in words).map((v) => words[v.comparison]!))];
    const page = await open(browser, `${api.url}/#/confronta?territori=${codes.join(',')}`, { width: 390, height: 844 });
    await compareReady(page);
    const legend = page.locator('[data-testid="compare-chart"] .role-legend');
    const labels = await legend.locator('text').allTextContents();
    expect(labels).toContain('Rispetto al riferimento');
    for (const word of expected) expect(labels).toContain(word);
    const right = await legend.evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(390);
    // The territories' names on the axis: no two boxes overlap.
    // Labels Vega hid to avoid overlap (opacity 0) are not drawn.
    const boxes = await page.locator('[data-testid="compare-chart"] .role-axis-label text:not([opacity="0"])').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
    expect(boxes.length).toBeGreaterThanOrEqual(codes.length);
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5 || a.right <= b.left + 0.5 || b.right <= a.left + 0.5, `label ${i} and ${j}`).toBe(true);
      }
    }
    await page.screenshot({ path: `${ARTIFACTS}confronta-legend-390.png`, fullPage: true });
    await page.close();
  });

  describe('accessibility and any screen', () => {
    for (const [size, viewport] of Object.entries(SIZES)) {
      it(`the profile passes axe-core at ${size} size`, async () => {
        const page = await open(browser, `${api.url}/#/profilo?territorio=018110`, viewport);
        await profileReady(page);
        const violations = await axeViolations(page);
        await page.screenshot({ path: `${ARTIFACTS}profilo-${viewport.width}.png`, fullPage: true });
        await page.close();
        expect(violations).toEqual([]);
      });

      it(`Confronta passes axe-core at ${size} size`, async () => {
        const page = await open(browser, `${api.url}/#/confronta?territori=018110,${comuni.join(',')}`, viewport);
        await compareReady(page);
        const violations = await axeViolations(page);
        await page.screenshot({ path: `${ARTIFACTS}confronta-${viewport.width}.png`, fullPage: true });
        await page.close();
        expect(violations).toEqual([]);
      });
    }

    it('has no sideways scrolling at 360 px on either page', async () => {
      const profile = await open(browser, `${api.url}/#/profilo?territorio=018110`, { width: 360, height: 800 });
      await profileReady(profile);
      const profileScrolled = await sideways(profile);
      expect(profileScrolled.pixels, profileScrolled.where.join('; ')).toBe(0);
      await profile.screenshot({ path: `${ARTIFACTS}profilo-360.png`, fullPage: true });
      await profile.close();
      const compare = await open(browser, `${api.url}/#/confronta?territori=018110,${comuni.join(',')}`, { width: 360, height: 800 });
      await compareReady(compare);
      const compareScrolled = await sideways(compare);
      expect(compareScrolled.pixels, compareScrolled.where.join('; ')).toBe(0);
      await compare.close();
    });
  });
});
