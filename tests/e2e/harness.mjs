// What the end-to-end suites (run.mjs, classroom.mjs, embed.mjs) share: Debian's Chromium through
// playwright-core, a static server for dist/ under the strict Content-Security-Policy, assertions,
// a per-test run that fails on console errors, page errors and failed requests, axe-core, and the
// runner that prints one `ok` / `not ok` line per test and exits non-zero on any failure.
// Driving the widget itself (a question, an answer, a whole quiz) is quiz.mjs's.
// It never downloads a browser.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
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
/** How long one test may take, in every suite (the slowest take under 20 s). */
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
 *   root      serve this folder instead of dist/ (a copy a test writes pages into)
 * The server it resolves to remembers every request in `asked` ("GET /path"), for a test that
 * checks what the page asked of it.
 */
export function serveDist({ subPath = null, fixtures = null, cors = false, root = DIST } = {}) {
  const asked = [];
  const server = http.createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    asked.push(`${request.method} ${pathname}`);
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
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) {
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
        asked,
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

/** JSON with object keys sorted, so that key order never decides equality. */
const canonical = (value) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

const isObject = (value) => value !== null && typeof value === 'object';

/**
 * `actual` is `expected`: the same primitive (===), or, for arrays and objects, the same JSON
 * whatever the order of the keys.
 */
export function assertEqual(actual, expected, what) {
  const same = isObject(actual) || isObject(expected) ? canonical(actual) === canonical(expected) : actual === expected;
  assert(same, `${what}: expected ${canonical(expected)}, got ${canonical(actual)}`);
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
 * What one test gets: pages (in fresh contexts of the suite's browser, or in browsers of their own
 * with a fresh profile directory) that record browser errors and requests, a `step` to say what
 * it is doing (reported if it times out), warnings, and cleanup of everything it opened.
 * `env` is what the suite's setup returned: `base` (the URL `goto` resolves paths against) and
 * anything else its tests need.
 */
export class TestRun {
  constructor(browser, env) {
    this.browser = browser;
    this.env = env;
    this.base = env.base;
    this.closers = [];
    /** Every page's errors, checked once more when the test ends (for errors that come late). */
    this.errors = [];
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
   * inline styles). `permissions`: granted to the page's origin (e.g. the clipboard).
   */
  async open({ viewport = DESKTOP, colorScheme = 'light', bypassCSP = false, permissions } = {}) {
    const context = await this.browser.newContext({ viewport, colorScheme, bypassCSP, acceptDownloads: true });
    this.closers.push(() => context.close());
    if (permissions) await context.grantPermissions(permissions, { origin: this.base });
    return this.watch(await context.newPage());
  }

  /** A page in a browser of its own with a new, empty profile directory: another reader's device. */
  async openProfile(name) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sq-e2e-${name}-`));
    const context = await chromium.launchPersistentContext(dir, { ...CHROMIUM, viewport: DESKTOP, colorScheme: 'light' });
    this.closers.push(async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return this.watch(context.pages()[0] ?? (await context.newPage()));
  }

  /** The handle a test gets for `page`: it, its requests, `goto`, and its errors and warnings. */
  watch(page) {
    page.setDefaultTimeout(10_000);
    const errors = [];
    const warnings = [];
    const requests = [];
    const report = (error) => {
      errors.push(error);
      this.errors.push(`${page.url()}: ${error}`);
    };
    page.on('console', (message) => {
      if (message.type() === 'error') {
        report(`console error: ${message.text()}`);
      } else if (message.type() === 'warning') {
        warnings.push(message.text());
      }
    });
    page.on('pageerror', (error) => report(`uncaught page error: ${error.message}`));
    page.on('requestfailed', (request) => report(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('request', (request) => requests.push(request.url()));
    return {
      page,
      /** Every URL the page asked for so far. */
      requests,
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

  /** Closes the page opened last (one that may be frozen). */
  async closeLast() {
    await this.closers.pop()?.().catch(() => {});
  }

  async closeAll() {
    await Promise.all(this.closers.map((close) => close().catch(() => {})));
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
        if (!rule.targets.has(target)) rule.targets.set(target, `${node.html.slice(0, 160)}\n${node.failureSummary ?? ''}`);
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
    // Errors after the test's last assertNoErrors, or on a page it never asked: they fail it too.
    assert(run.errors.length === 0, `the browser reported errors:\n    ${run.errors.join('\n    ')}`);
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

/** Thrown by a suite's setup when it cannot start (a missing build): reported as one failed test. */
export class SetupFailure extends Error {}

/**
 * Runs `tests` ([name, (run) => detail]) one after the other in one browser and exits: 0 if all
 * passed. `setup()` starts the servers and returns `{ env, close }` (or throws a SetupFailure);
 * `label` prefixes the summary. Each test has TEST_TIMEOUT_MS, and fails on any browser error on
 * any of its pages. E2E_ONLY=text runs only the tests whose name contains it.
 */
export async function runSuite({ label, tests, setup }) {
  const started = Date.now();
  const cannotStart = (message) => {
    console.log(`not ok - ${message}`);
    console.log(`${label}: 0 passed, 1 failed`);
    process.exit(1);
  };
  try {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) {
      cannotStart(`${path.join(DIST, 'index.html')} is missing: run \`trunk build --release\` first`);
    }
    const only = process.env.E2E_ONLY;
    const selected = only ? tests.filter(([name]) => name.includes(only)) : tests;
    let server;
    try {
      server = await setup();
    } catch (error) {
      if (error instanceof SetupFailure) cannotStart(error.message);
      throw error;
    }
    const { env, close } = server;
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
    console.log(`not ok - the ${label} harness itself failed: ${error.stack ?? error}`);
    process.exit(1);
  }
}
