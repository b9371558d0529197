/**
 * Chromium for the browser tests: Debian's binary, launched headless as DESIGN.md says, and the checks
 * several pages share (axe-core's WCAG 2.1 AA audit, sideways scrolling).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './requirements.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }

export function launchChromium(): Promise<Browser> {
  return playwright.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** axe-core's WCAG 2.1 A and AA violations of the page, one line each (rule, impact, help, first nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, not as a <script>: the page's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the audit must run under it.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe.run;
    return run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * How many pixels something scrolls sideways: the page itself, or any box inside it that scrolls (a
 * table in an `overflow: auto` wrapper, say), the widest of them; 0 when everything fits. `where` names
 * the boxes that scroll, for the failure message.
 */
export async function sideways(page: Page): Promise<{ pixels: number; where: string[] }> {
  return page.evaluate(() => {
    // Runs in the page, where the DOM exists; the test package is typed for Node only.
    interface Box { scrollWidth: number; clientWidth: number; tagName: string; className: unknown; getAttribute(name: string): string | null }
    const { document, getComputedStyle } = globalThis as unknown as { document: { documentElement: Box; querySelectorAll(s: string): Box[] }; getComputedStyle(e: Box): { overflowX: string } };
    const { documentElement } = document;
    const found: { pixels: number; name: string }[] = [{ pixels: documentElement.scrollWidth - documentElement.clientWidth, name: 'the page' }];
    for (const box of document.querySelectorAll('body *')) {
      const overflow = getComputedStyle(box).overflowX;
      // A box that clips without a scroll bar (hidden, clip) cannot be scrolled by its reader.
      if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth) {
        const id = box.getAttribute('data-testid') ?? box.getAttribute('aria-label') ?? box.getAttribute('aria-labelledby') ?? '';
        found.push({ pixels: box.scrollWidth - box.clientWidth, name: `${box.tagName.toLowerCase()}.${String(box.className)}${id ? ` [${id}]` : ''}` });
      }
    }
    return { pixels: Math.max(...found.map((f) => f.pixels)), where: found.filter((f) => f.pixels > 0).map((f) => `${f.name}: ${f.pixels} px`) };
  });
}

