import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run, workspace } from './helpers.js';

/**
 * The HTML overview in a real headless browser (Debian's chromium, driven by
 * playwright-core): it loads without console errors and its charts are drawn.
 * Skips cleanly where chromium is absent; .ci/run installs it.
 */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe.skipIf(!CHROMIUM)('overview HTML in a headless browser', () => {
  it('loads without console errors, shows the headline numbers and draws every chart', async () => {
    const ws = workspace({});
    const out = join(ws, 'overview.html');
    const r = await run(['-C', join(REPO, 'data-examples', 'furniture'), '--as-of', '2026-11-16', 'overview', '--html', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const metrics = JSON.parse(r.stdout).metrics as { key: string; value: string }[];
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/https?:\/\//); // self-contained: nothing to fetch
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`file://${out}`);
      expect(errors).toEqual([]);
      // every headline number of `overview --format json` is on the page, exactly
      for (const m of metrics) expect(await page.getAttribute(`.card[data-key="${m.key}"] .value`, 'data-value')).toBe(m.value);
      // every chart has bars with a real size on screen
      const charts = await page.$$eval('section.chart-box', (els) => els.map((e) => ({ key: e.getAttribute('data-chart'), bars: [...e.querySelectorAll('rect.bar')].filter((b) => b.getBoundingClientRect().height > 0 && b.getBoundingClientRect().width > 0).length })));
      expect(charts.length).toBeGreaterThanOrEqual(2);
      for (const c of charts) expect(c.bars).toBeGreaterThan(0);
      const png = await page.screenshot({ fullPage: true });
      expect(png.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
