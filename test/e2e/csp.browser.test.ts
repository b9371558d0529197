/**
 * The dashboard and /api/docs in Chromium under the API's Content-Security-Policy: each works (charts
 * drawn, operations listed) and the browser reports no violation of the policy.
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { startApi, type RunningApi } from '../support/api.js';
import { load, newStateDir } from '../support/etl.js';
import { launchChromium } from '../support/browser.js';
import { chromium, describeIf } from '../support/requirements.js';


/** A page that records every CSP violation: the DOM event, and the console line Chromium writes. */
async function openWatched(browser: Browser, url: string): Promise<{ page: Page; violations: string[] }> {
  const violations: string[] = [];
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  // As page source: the test's own types know no DOM.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));",
  });
  await page.goto(url);
  return { page, violations };
}

describeIf(chromium)('the Content-Security-Policy in Chromium', () => {
  let browser: Browser;
  let api: RunningApi;

  beforeAll(async () => {
    const state = await newStateDir();
    await load(state, await writeFixtureDataFolder());
    api = await startApi(state);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('is sent with the dashboard, and does not forbid eval to the page for nothing', async () => {
    const { headers } = await api.get('/');
    const policy = headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('lets the dashboard draw its map and charts with no violation', async () => {
    const { page, violations } = await openWatched(browser, `${api.url}/#/indicatori`);
    await page.waitForSelector('[data-testid="values-table"]');
    await page.waitForSelector('[data-testid="bar-chart"] .mark-rect path');
    await page.waitForSelector('[data-testid="map"] .mark-shape path');
    expect(await page.locator('[data-testid="bar-chart"] .mark-rect path').count()).toBeGreaterThan(0);
    // A Vega tooltip or an interaction evaluates expressions too: hover a bar.
    await page.locator('[data-testid="bar-chart"] .mark-rect path').first().hover();
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('lets Swagger UI at /api/docs list the operations with no violation', async () => {
    const { page, violations } = await openWatched(browser, `${api.url}/api/docs`);
    await page.waitForSelector('.swagger-ui .opblock');
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThanOrEqual(9);
    await page.locator('.swagger-ui .opblock-summary').first().click();
    await page.waitForSelector('.swagger-ui .opblock-body');
    expect(violations).toEqual([]);
    await page.close();
  });
});
