// Headless Debian Chromium through playwright-core: launches once per test file, opens pages with every
// console error, page error, failed request, HTTP error and CSP violation collected, and reports the time
// from launch to the page's first engine answer.
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** Launches Chromium; closes it when the test ends. Returns {browser, launchedAt}. */
export async function launch(t) {
  const launchedAt = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  t.after(() => browser.close());
  return { browser, launchedAt };
}

/**
 * Opens url, waits for window.__preflight.done (set by tests/runtimes/shared/page.mjs), returns the page
 * state plus everything that went wrong on the way and when the first engine answer arrived (node clock).
 */
export async function runPage(browser, url, timeoutMs = 60_000) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = [];
    let firstResultAt = null;
    await page.exposeBinding('__firstResult', () => { firstResultAt ??= performance.now(); });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
      });
    });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
    const navigatedAt = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__preflight && window.__preflight.done, null, { timeout: timeoutMs });
    const state = await page.evaluate(() => ({ ...window.__preflight, csp: window.__csp }));
    const text = await page.textContent('#out');
    return { state, problems, csp: state.csp, text, navigatedAt, firstResultAt };
  } finally {
    await context.close();
  }
}
