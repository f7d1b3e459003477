// Opens the demo in a fresh browser context and records everything that must not happen: console errors,
// page errors, failed requests, HTTP errors, requests to other origins, and CSP violations (the
// securitypolicyviolation event and the console's CSP reports).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './demo-server.mjs';

export const VIEWPORTS = {
  laptop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
};

export const SHOTS = join(repoRoot, 'test-output/demo');

/** @returns {Promise<{page, context, problems: string[], requests: {url, status, type}[], violations(): Promise<object[]>, close()}>} */
export async function openDemo(browser, url, { viewport = VIEWPORTS.laptop, permissions = [] } = {}) {
  const context = await browser.newContext({ viewport, permissions });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const problems = [];
  const requests = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    else if (/Content.Security.Policy/i.test(m.text())) problems.push(`CSP report: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request to another origin: ${r.url()}`);
  });
  page.on('response', (r) => {
    requests.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });
  return {
    page,
    context,
    problems,
    requests,
    violations: () => page.evaluate(() => window.__csp),
    close: () => context.close(),
  };
}

/** Asserts nothing went wrong on the page so far (console, network, CSP). */
export async function assertClean(assert, demo, what) {
  assert.deepEqual(demo.problems, [], `${what}: no console errors, page errors, failed or foreign requests`);
  assert.deepEqual(await demo.violations(), [], `${what}: no CSP violations`);
}

/** Waits until the edit preview has run for exactly these edits. */
export async function waitEdits(page, edits) {
  const want = JSON.stringify(edits);
  await page.waitForFunction((w) => document.querySelector('#edit-out').dataset.edits === w, want, { timeout: 10_000 });
}

/** Waits until the refund panel has calculated exactly this request. */
export async function waitRefund(page, request) {
  const want = JSON.stringify(request);
  await page.waitForFunction((w) => document.querySelector('#refund-out').dataset.request === w, want, { timeout: 10_000 });
}

/** Text of the error element that describes a control (aria-describedby → *-err). */
export function fieldError(page, controlSelector) {
  return page.evaluate((sel) => {
    const control = document.querySelector(sel);
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-err'));
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  }, controlSelector);
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Controls without an accessible label (label element, aria-label or aria-labelledby; buttons by text). */
export function unlabelledControls(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => {
      if (el.type === 'hidden') return false;
      if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
      if (el.tagName === 'BUTTON') return el.textContent.trim() === '';
      return !(el.labels && [...el.labels].some((l) => l.textContent.trim() !== ''));
    })
    .map((el) => el.outerHTML.slice(0, 120)));
}

/** Fails when the page scrolls sideways: `label` names the viewport and the panel. */
export async function assertNoHorizontalScroll(assert, page, label) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${label}: the page is ${scroll}px wide in a ${width}px window`);
}
