/**
 * Every export of every chart, in Chromium on the demo snapshot served by the real API: each chart's
 * PNG, SVG and CSV are downloaded as a user would, then read here. The SVG names the title, the
 * territory, the year, the legend, the source and that the data are synthetic; the PNG decodes to an
 * image twice the SVG's size; the CSV (BOM, ';', decimal comma) holds the rows the API gives.
 */
import { readFile } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { load, newStateDir } from '../support/etl.js';
import { launchChromium } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';

const AMBITO = 'PV-E6';
const COMUNE = '018110';

interface Row { code: string; name: string; year: number; value: number | null }
interface Values { rows: Row[]; year: number; benchmark: Row | null; sources: { publisher: string }[]; indicator: { code: string; name: { it: string }; unit: { it: string } } }
interface Catalogue { rows: { code: string; name: { it: string }; unit: { it: string }; years: number[] }[] }

/** What one chart's exports must say, and the rows its CSV must hold (key column → value). */
interface Expected {
  title: string;
  territory: string;
  year: string;
  legend: string;
  /** The legend is drawn inside the chart (a labelled line) rather than as a Vega legend. */
  inlineLegend?: boolean;
  publishers: string[];
  keyColumn: string;
  valueColumn: string;
  rows: Map<string, number | null>;
}

declare const location: { hash: string };
// Runs in the page, where the DOM exists; the test package is typed for Node only.
declare function createImageBitmap(blob: Blob): Promise<{ width: number; height: number }>;

const decodeEntities = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
/** The words an SVG shows: the content of its <text> elements (a Vega label's lines are <tspan>s). */
const svgWords = (svg: string) => decodeEntities([...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ')).join('\n'));
/** The API's number as the Italian CSV writes it: decimal comma, no grouping. */
const csvNumber = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

function parseCsv(text: string): { preamble: string[]; header: string[]; rows: string[][] } {
  expect(text.charCodeAt(0), 'BOM').toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  const blank = lines.indexOf('');
  // Fields here hold no ';' inside quotes except where quoted; split honouring quotes.
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)].slice(0, -1).map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!));
  return { preamble: lines.slice(0, blank), header: split(lines[blank + 1]!), rows: lines.slice(blank + 2, -1).map(split) };
}

describeIf(chromium)('chart exports (PNG, SVG, CSV) on every page with charts', () => {
  let browser: Browser;
  let demo: RunningApi;
  let catalogue: Catalogue['rows'];
  let ambitoName: string;

  beforeAll(async () => {
    const state = await newStateDir();
    await load(state, null);
    demo = await startApi(state);
    browser = await launchChromium();
    catalogue = (await demo.get<Catalogue>('/api/indicators')).body.rows;
    ambitoName = (await demo.get<{ rows: Row[] }>('/api/territories?level=ambito')).body.rows.find((r) => r.code === AMBITO)!.name;
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const values = async (code: string, year: number) => (await demo.get<Values>(`/api/indicators/${code}/values?level=comune&parent=${AMBITO}&year=${year}`)).body;
  const byKey = (rows: { key: string; value: number | null }[]) => new Map(rows.map((r) => [r.key, r.value]));
  const indicatorOf = (code: string) => catalogue.find((i) => i.code === code)!;

  async function download(page: Page, testId: string, name: RegExp): Promise<Buffer> {
    const exporter = page.getByTestId(`${testId}-export`);
    const [file] = await Promise.all([page.waitForEvent('download'), exporter.getByRole(name.source.includes('CSV') ? 'link' : 'button', { name }).click()]);
    return readFile((await file.path())!);
  }

  /** Downloads the three exports of the chart `testId` on `page` and checks them against `expected`. */
  async function checkExports(page: Page, testId: string, expected: Expected) {
    await page.waitForSelector(`[data-testid="${testId}"] svg`);
    const svg = (await download(page, testId, /SVG/)).toString('utf8');
    const words = svgWords(svg);
    expect(words, 'title').toContain(expected.title);
    expect(words, 'territory').toContain(expected.territory);
    expect(words, 'year').toContain(expected.year);
    for (const publisher of expected.publishers) expect(words, 'source').toContain(publisher);
    expect(words, 'source').toMatch(/Fonte: /);
    expect(words, 'synthetic').toContain('dati sintetici');
    if (expected.inlineLegend) expect(words, 'legend').toContain(expected.legend);
    else expect(svgWords(svg.slice(svg.indexOf('role-legend'))), 'legend').toContain(expected.legend);

    const png = await download(page, testId, /PNG/);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Decoded by the browser, on a blank page: a real image, drawn at twice the SVG's size.
    const blank = await browser.newPage();
    const size = await blank.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      return { width: bitmap.width, height: bitmap.height };
    }, png.toString('base64'));
    await blank.close();
    const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
    const svgHeight = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)![1]);
    expect(svgWidth).toBeGreaterThanOrEqual(400);
    expect(size.width).toBe(Math.round(svgWidth * 2));
    expect(size.height).toBe(Math.round(svgHeight * 2));
    expect(size.height).toBeGreaterThan(200);

    const csv = parseCsv((await download(page, testId, /CSV/)).toString('utf8'));
    expect(csv.preamble[0]).toBe(expected.title);
    expect(csv.preamble.join('\n')).toContain(expected.year);
    expect(csv.preamble.join('\n')).toContain('dati sintetici');
    const key = csv.header.indexOf(expected.keyColumn);
    const value = csv.header.findIndex((h) => h.startsWith(expected.valueColumn));
    expect([key, value].every((i) => i >= 0), csv.header.join(';')).toBe(true);
    expect(csv.rows.map((r) => r[key]).sort()).toEqual([...expected.rows.keys()].sort());
    for (const row of csv.rows) expect(row[value], row[key]).toBe(csvNumber(expected.rows.get(row[key]!)!));
  }

  async function open(hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${demo.url}/${hash}`);
    return page;
  }

  for (const [name, hash] of [['Indicatori', `#/indicatori?territorio=${AMBITO}`], ['Aree di intervento', `#/area?area=anziani&territorio=${AMBITO}`]] as const) {
    describe(name, () => {
      it('exports the map and the ranking with the values of /api/values', async () => {
        const page = await open(hash);
        await page.waitForSelector('[data-testid="bar-chart"] .mark-rect path');
        await page.waitForSelector('[data-testid="map"] .mark-shape path');
        const params = new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]);
        const [code, year] = [params.get('indicatore')!, Number(params.get('anno'))];
        const body = await values(code, year);
        const indicator = indicatorOf(code);
        const common = {
          title: `${indicator.name.it} (${indicator.unit.it})`,
          territory: ambitoName,
          year: String(year),
          publishers: [...new Set(body.sources.map((s) => s.publisher))],
          keyColumn: 'Codice',
          valueColumn: 'Valore',
          rows: byKey(body.rows.map((r) => ({ key: r.code, value: r.value }))),
        };
        await checkExports(page, 'map', { ...common, legend: indicator.unit.it });
        await checkExports(page, 'bar-chart', { ...common, legend: body.benchmark!.name, inlineLegend: true });
        if (name === 'Aree di intervento') {
          const trend = (await demo.get<{ rows: Row[]; benchmarks: Row[]; sources: { publisher: string }[] }>(`/api/indicators/${code}/trend?territory=${AMBITO}&benchmark=018`)).body;
          const years = trend.rows.map((r) => r.year);
          await checkExports(page, 'trend-chart', {
            ...common,
            year: `${Math.min(...years)}–${Math.max(...years)}`,
            legend: trend.benchmarks[0]!.name,
            publishers: [...new Set(trend.sources.map((s) => s.publisher))],
            keyColumn: 'Anno',
            rows: byKey(trend.rows.map((r) => ({ key: String(r.year), value: r.value }))),
          });
        }
        await page.close();
      });
    });
  }

  it('Profilo comunale exports the spine chart with the rows of /api/profiles', async () => {
    const profile = (await demo.get<{ name: string; rows: { indicator: { code: string }; year: number | null; value: { value: number | null } | null }[]; sources: { publisher: string }[] }>(`/api/profiles/${COMUNE}`)).body;
    const years = profile.rows.flatMap((r) => (r.year === null ? [] : [r.year]));
    const page = await open(`#/profilo?territorio=${COMUNE}`);
    await page.waitForSelector('[data-testid="spine-chart"] svg');
    await checkExports(page, 'spine-chart', {
      title: `Profilo di ${profile.name}`,
      territory: profile.name,
      year: Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}–${Math.max(...years)}`,
      legend: 'Rispetto al riferimento',
      publishers: [...new Set(profile.sources.map((s) => s.publisher))],
      keyColumn: 'Codice',
      valueColumn: 'Valore',
      rows: byKey(profile.rows.map((r) => ({ key: r.indicator.code, value: r.value?.value ?? null }))),
    });
    await page.close();
  });

  it('Confronta exports its chart with the values of /api/compare', async () => {
    const territories = [COMUNE, '018001', '018002'];
    const compare = (await demo.get<{ rows: { indicator: { code: string; name: { it: string } }; year: number; values: Row[] }[]; sources: { publisher: string }[] }>(`/api/compare?territories=${territories.join(',')}&benchmark=provincia`)).body;
    const entry = compare.rows.find((r) => r.values.some((v) => v.value !== null))!;
    const page = await open(`#/confronta?territori=${territories.join(',')}`);
    await page.waitForSelector('[data-testid="compare-chart"] .mark-rect path');
    await checkExports(page, 'compare-chart', {
      title: entry.indicator.name.it,
      territory: entry.values[0]!.name,
      year: String(entry.year),
      legend: 'Rispetto al riferimento',
      publishers: [...new Set(compare.sources.map((s) => s.publisher))],
      keyColumn: 'Codice',
      valueColumn: 'Valore',
      rows: byKey(territories.map((code) => ({ key: code, value: entry.values.find((v) => v.code === code)?.value ?? null }))),
    });
    await page.close();
  });

  it('Bisogni e offerta exports the scatter and the map of the gaps with the numbers of /api/values and /api/gaps', async () => {
    const year = indicatorOf('SUP01').years.at(-1)!;
    const [need, supply] = [await values('DEM08', year), await values('SUP01', year)];
    const gaps = (await demo.get<{ target: number; rows: { code: string; shortfall: number | null }[]; sources: { publisher: string }[] }>(`/api/gaps?indicator=SUP01&level=comune&parent=${AMBITO}&year=${year}`)).body;
    const needs = new Map(need.rows.map((r) => [r.code, r.value]));
    const page = await open(`#/bisogni?area=minori_famiglia&territorio=${AMBITO}`);
    await page.waitForSelector('[data-testid="scatter"] svg');
    await checkExports(page, 'scatter', {
      title: `${indicatorOf('DEM08').name.it} e ${indicatorOf('SUP01').name.it}`,
      territory: ambitoName,
      year: String(year),
      legend: 'Bisogno alto, offerta bassa',
      publishers: [...new Set([...need.sources, ...supply.sources].map((s) => s.publisher))],
      keyColumn: 'Codice',
      valueColumn: 'Copertura',
      rows: byKey(supply.rows.filter((r) => r.value !== null && needs.get(r.code) != null).map((r) => ({ key: r.code, value: r.value }))),
    });
    await checkExports(page, 'map', {
      title: `Quanto manca per l’obiettivo di ${new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(gaps.target)} ${indicatorOf('SUP01').unit.it}`,
      territory: ambitoName,
      year: String(year),
      legend: 'unità mancanti',
      publishers: [...new Set(gaps.sources.map((s) => s.publisher))],
      keyColumn: 'Codice',
      valueColumn: 'Valore',
      rows: byKey(gaps.rows.map((r) => ({ key: r.code, value: r.shortfall === null ? null : Math.ceil(r.shortfall) }))),
    });
    await page.close();
  });
});
