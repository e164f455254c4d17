// What the end-to-end suites (run.mjs, embed.mjs) share: Debian's Chromium through playwright-core,
// a static server for dist/ under the strict Content-Security-Policy, assertions, a per-test run
// that fails on console errors, page errors and failed requests, axe-core, and the runner that
// prints one `ok` / `not ok` line per test and exits non-zero on any failure.
// It never downloads a browser.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, 'dist'));
export const ARTIFACTS = path.join(HERE, 'artifacts');

const require = createRequire(path.join(ROOT, 'tools/package.json'));
const { chromium } = require('playwright-core');
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
};
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const SMALLEST_PHONE = { width: 320, height: 640 };
/** The policy every page is served with: no inline script or style, no eval but wasm's. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const TEST_TIMEOUT_MS = 90_000;

// ---------------------------------------------------------------------------------------------
// A tiny static server for the build.

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves dist/ on 127.0.0.1 (a free port), every file with the strict CSP.
 *   subPath   dist/ is also served under this path (e.g. '/news/quiz/'), as a newsroom's host would.
 *   fixtures  a Map of test-only files by exact path, each `{ body, type?, csp? }`; they are read
 *             at request time, so a test may add some while the server runs. `csp` replaces the
 *             default policy for that file (a host page that frames or loads another origin).
 *   cors      also send `Access-Control-Allow-Origin: *` with dist/'s files, as a static host must
 *             for a script-tag embed on another origin (the module, its JS and its wasm are
 *             fetched in CORS mode).
 */
export function serveDist({ subPath = null, fixtures = null, cors = false } = {}) {
  const server = http.createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const fixture = fixtures?.get(pathname);
    if (fixture) {
      const type = fixture.type ?? CONTENT_TYPES[path.extname(pathname)] ?? 'application/octet-stream';
      response
        .writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': fixture.csp ?? CSP })
        .end(fixture.body);
      return;
    }
    if (subPath && pathname.startsWith(subPath)) pathname = pathname.slice(subPath.length - 1);
    if (pathname.endsWith('/')) pathname += 'index.html';
    // The page declares no favicon and Chromium asks for one anyway; answer "no content" rather
    // than 404, so that the console-error check only catches the widget's own failures.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = path.join(DIST, path.normalize(pathname));
    if (!file.startsWith(DIST + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Every page runs under the strict policy a cautious newsroom sends (see README).
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': CSP };
      if (cors) headers['Access-Control-Allow-Origin'] = '*';
      response.writeHead(200, headers).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        base: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Assertions and the per-test harness.

export class Failure extends Error {}

export function assert(condition, message) {
  if (!condition) throw new Failure(message);
}

export function assertEqual(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Rejects with a Failure if `promise` has not settled within `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Failure(message())), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * What one test gets: pages in fresh browser contexts that record browser errors, a `step` to
 * say what it is doing (reported if it times out), warnings, and cleanup of every context it opened.
 * `env` is what the suite's setup returned: `base` (the URL `goto` resolves paths against) and
 * anything else its tests need.
 */
export class TestRun {
  constructor(browser, env) {
    this.browser = browser;
    this.env = env;
    this.base = env.base;
    this.contexts = [];
    this.warnings = [];
    this.currentStep = 'starting';
  }

  step(text) {
    this.currentStep = text;
  }

  warn(text) {
    this.warnings.push(text);
  }

  /**
   * A page in a fresh context (no saved progress) that records console errors and page errors.
   * `bypassCSP`: the context ignores Content-Security-Policy headers (for a test tool that needs
   * inline styles).
   */
  async open({ viewport = DESKTOP, colorScheme = 'light', bypassCSP = false } = {}) {
    const context = await this.browser.newContext({ viewport, colorScheme, bypassCSP });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push(`console error: ${message.text()}`);
      } else if (message.type() === 'warning') {
        warnings.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(`uncaught page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
    );
    return {
      page,
      goto: async (url) => {
        this.step(`loading ${url}`);
        await page.goto(/^https?:/.test(url) ? url : this.base + url, { waitUntil: 'load' });
      },
      assertNoErrors: () =>
        assert(errors.length === 0, `the browser reported errors:\n    ${errors.join('\n    ')}`),
      /** Console warnings so far (not failures: the widget warns about unknown settings). */
      consoleWarnings: () => [...warnings],
    };
  }

  /** Closes the context opened last (one that may hold a frozen page). */
  async closeLast() {
    await this.contexts.pop()?.close().catch(() => {});
  }

  async closeAll() {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => {})));
  }
}

// ---------------------------------------------------------------------------------------------
// axe-core.

/** Runs axe-core on the page (or frame) as it is and returns its violations. */
export async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Evaluated through DevTools rather than an inline <script>, which the page's CSP forbids.
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate((tags) => axe.run(document, { runOnly: tags }).then((result) => result.violations), AXE_TAGS);
}

/**
 * Collects axe violations across screens, one entry per rule, so that a problem repeated on every
 * screen is printed once, with the screens and the nodes it was found on.
 */
export class ViolationLog {
  constructor() {
    this.rules = new Map();
  }

  add(screen, violations) {
    for (const violation of violations) {
      const rule = this.rules.get(violation.id) ?? { ...violation, screens: [], targets: new Map() };
      rule.screens.push(screen);
      for (const node of violation.nodes) {
        const target = node.target.join(' ');
        if (!rule.targets.has(target)) rule.targets.set(target, node.failureSummary ?? '');
      }
      this.rules.set(violation.id, rule);
    }
  }

  get size() {
    return this.rules.size;
  }

  toString() {
    return [...this.rules.values()]
      .map((rule) => {
        const nodes = [...rule.targets]
          .map(([target, summary]) => `      node: ${target}\n        ${summary.replace(/\n/g, '\n        ')}`)
          .join('\n');
        return `    ${rule.id} (${rule.impact}): ${rule.help}\n      ${rule.helpUrl}\n      on: ${rule.screens.join('; ')}\n${nodes}`;
      })
      .join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Runner.

export const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

async function runTest(browser, env, name, test) {
  const run = new TestRun(browser, env);
  const started = Date.now();
  try {
    const detail = await withTimeout(
      test(run),
      TEST_TIMEOUT_MS,
      () => `timed out after ${TEST_TIMEOUT_MS / 1000}s while ${run.currentStep}`,
    );
    console.log(`ok - ${name} (${seconds(started)})`);
    if (detail) console.log(`    ${detail}`);
    return true;
  } catch (error) {
    console.log(`not ok - ${name} (${seconds(started)})`);
    if (error instanceof Failure) {
      console.log(`    ${error.message}`);
    } else if (error?.name === 'TimeoutError') {
      // Playwright's own timeouts: the first line says what it waited for.
      console.log(`    ${error.message.split('\n')[0]} (while ${run.currentStep})`);
    } else {
      console.log(`    ${error?.stack ?? error}\n    (while ${run.currentStep})`);
    }
    return false;
  } finally {
    for (const warning of run.warnings) console.log(`    warning: ${warning}`);
    await run.closeAll();
  }
}

/**
 * Runs `tests` ([name, (run) => detail]) one after the other in one browser and exits: 0 if all
 * passed. `setup()` starts the servers and returns `{ env, close }`; `label` prefixes the summary.
 * E2E_ONLY=text runs only the tests whose name contains it.
 */
export async function runSuite({ label, tests, setup }) {
  const started = Date.now();
  try {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) {
      console.log(`not ok - ${path.join(DIST, 'index.html')} is missing: run \`trunk build --release\` first`);
      console.log(`${label}: 0 passed, 1 failed`);
      process.exit(1);
    }
    const only = process.env.E2E_ONLY;
    const selected = only ? tests.filter(([name]) => name.includes(only)) : tests;
    const { env, close } = await setup();
    const browser = await chromium.launch(CHROMIUM);
    let passed = 0;
    let failed = 0;
    try {
      for (const [name, test] of selected) {
        if (await runTest(browser, env, name, test)) passed++;
        else failed++;
      }
    } finally {
      await browser.close();
      await close();
    }
    console.log(`${label}: ${passed} passed, ${failed} failed (${seconds(started)})`);
    process.exit(failed ? 1 : 0);
  } catch (error) {
    console.log(`not ok - the e2e harness itself failed: ${error.stack ?? error}`);
    process.exit(1);
  }
}
