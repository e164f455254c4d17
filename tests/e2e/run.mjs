// End-to-end tests for the Sourced Quiz release build (dist/), in Debian's headless Chromium.
//
// What it checks:
//   A. keyboard only: start screen -> 10 questions of every kind -> summary, with no mouse at all;
//      "Question n of 10" advances and the question heading has focus after every Next.
//   B. axe-core (WCAG 2.0/2.1/2.2 A+AA and best practices) on the start screen, questions,
//      feedback and the summary, in light and dark colour schemes: zero violations allowed.
//   C. screenshots of start, question, feedback and summary at 375x812 and 1280x800 into
//      tests/e2e/artifacts/, and no horizontal scrolling at 375px (reflow).
// Every test also fails on a console error or an uncaught page error.
//
// Run after `trunk build --release`:   node tests/e2e/run.mjs
// It serves dist/ itself on 127.0.0.1 (a free port) and never downloads a browser.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DIST = path.join(ROOT, 'dist');
const ARTIFACTS = path.join(HERE, 'artifacts');

const require = createRequire(path.join(ROOT, 'tools/package.json'));
const { chromium } = require('playwright-core');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM = {
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
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const QUIZ_LENGTH = 10;
const QUIZ_URL = `/?seed=42&count=${QUIZ_LENGTH}`;
const TEST_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// A tiny static server for dist/.

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function serveDist() {
  const server = http.createServer((request, response) => {
    let pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    // The page has no favicon and the browser asks anyway; answer "nothing" rather than a 404,
    // so that the console-error check only catches the widget's own failures.
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
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        base: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

class Failure extends Error {}

function assert(condition, message) {
  if (!condition) throw new Failure(message);
}

function assertEqual(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** A fresh browser context and page that records console errors and uncaught exceptions. */
async function openPage(browser, base, { viewport = DESKTOP, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.setDefaultTimeout(10_000);
  return {
    page,
    errors,
    goto: (url) => page.goto(base + url, { waitUntil: 'load' }),
    close: () => context.close(),
    /** Fails the test if anything went to the console as an error. */
    assertNoErrors() {
      assert(errors.length === 0, `browser reported errors:\n    ${errors.join('\n    ')}`);
    },
  };
}

/** A short description of the focused element, e.g. `button "Check answer"` or `input[type=radio]`. */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const type = el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : '';
    const label = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${type} "${label}"`;
  });
}

/** Whether the focused element matches a CSS selector (and, optionally, has this exact text). */
function focusMatches(page, selector, text) {
  return page.evaluate(
    ([selector, text]) => {
      const el = document.activeElement;
      return !!el && el.matches(selector) && (text === undefined || el.textContent.trim() === text);
    },
    [selector, text],
  );
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and returns how many presses it took.
 * Fails with the focus path if it is not reached within `limit` presses.
 */
async function tabTo(page, selector, { text, limit = 30, shift = false } = {}) {
  if (await focusMatches(page, selector, text)) return 0;
  const visited = [];
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (await focusMatches(page, selector, text)) return presses;
    visited.push(await describeFocus(page));
  }
  const shown = visited.slice(0, 12).join(' -> ') + (visited.length > 12 ? ' -> …' : '');
  throw new Failure(
    `could not reach ${selector}${text ? ` "${text}"` : ''} with ${limit} x ${shift ? 'Shift+' : ''}Tab; focus went: ${shown}`,
  );
}

/** Waits until the question card for question n (1-based) is on screen. */
async function waitForQuestion(page, n, total = QUIZ_LENGTH) {
  await page.waitForFunction(
    (text) => document.querySelector('form.sq-card h2')?.textContent.trim() === text,
    `Question ${n} of ${total}`,
    { timeout: 10_000 },
  ).catch(async () => {
    const heading = await page.locator('form.sq-card h2, .sq-summary h2').first().textContent().catch(() => null);
    throw new Failure(`expected "Question ${n} of ${total}", the heading says ${JSON.stringify(heading)}`);
  });
}

/** The kind of the question on screen, read from its native inputs. */
function questionKind(page) {
  return page.evaluate(() => {
    const card = document.querySelector('form.sq-card fieldset.sq-question');
    if (card.querySelector('.sq-options input[type=radio]')) return 'choice';
    if (card.querySelector('.sq-matching select')) return 'matching';
    if (card.querySelector('.sq-ordering')) return 'ordering';
    if (card.querySelector('.sq-cloze')) return 'cloze';
    if (card.querySelector('input[inputmode=decimal]')) return 'numeric';
    if (card.querySelector('input[type=text]')) return 'text';
    return 'unknown';
  });
}

/** A plausible typed answer: a number for numeric questions, a word for cloze. */
const TYPED_ANSWER = { numeric: '220', cloze: 'Kyiv', text: 'Kyiv' };

/** The verdict shown in the live region after Check, or null while there is none. */
function verdict(page) {
  return page.evaluate(() => {
    const live = document.querySelector('form.sq-card [aria-live=polite]');
    return live?.querySelector('.sq-verdict')?.textContent.trim() ?? null;
  });
}

async function waitForFeedback(page) {
  await page.waitForSelector('form.sq-card [aria-live=polite] .sq-feedback', { timeout: 5_000 }).catch(() => {
    throw new Failure('no feedback appeared in the aria-live region after Check');
  });
  const text = await verdict(page);
  assert(text === '✓ Right.' || text === '✗ Not quite.', `unexpected verdict ${JSON.stringify(text)}`);
  return text === '✓ Right.';
}

/** Runs axe-core on the page as it is and returns its violations. */
async function runAxe(page) {
  const injected = await page.evaluate(() => typeof window.axe === 'object');
  if (!injected) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate((tags) => axe.run(document, { runOnly: tags }).then((r) => r.violations), AXE_TAGS);
}

function formatViolations(label, violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `        ${n.target.join(' ')}${n.failureSummary ? `\n          ${n.failureSummary.replace(/\n/g, '\n          ')}` : ''}`)
        .join('\n');
      return `    [${label}] ${v.id} (${v.impact}): ${v.help}\n      ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Answers the question on screen through Playwright's element actions (tests B and C only; test A
 * uses the keyboard alone), presses Check, and returns the kind.
 */
async function answerDirectly(page) {
  const kind = await questionKind(page);
  const card = page.locator('form.sq-card');
  if (kind === 'choice') {
    await card.locator('.sq-options input[type=radio]').first().check();
  } else if (kind === 'matching') {
    const selects = card.locator('.sq-matching select');
    for (let i = 0; i < (await selects.count()); i++) {
      const options = await selects.nth(i).locator('option').count();
      await selects.nth(i).selectOption({ index: 1 + (i % (options - 1)) });
    }
  } else if (kind === 'ordering') {
    await card.locator('.sq-ordering button:not([disabled])').first().click();
  } else {
    await card.locator('input[type=text]').fill(TYPED_ANSWER[kind] ?? 'Kyiv');
  }
  await card.getByRole('button', { name: 'Check answer' }).click();
  await waitForFeedback(page);
  return kind;
}

async function pressNextDirectly(page, last) {
  await page.getByRole('button', { name: last ? 'See results' : 'Next question' }).click();
}

// ---------------------------------------------------------------------------------------------
// Test A: keyboard only, start to summary.

async function keyboardOnly(browser, base) {
  const session = await openPage(browser, base, { viewport: DESKTOP });
  const { page } = session;
  const notes = [];
  try {
    await session.goto(QUIZ_URL);
    await page.waitForSelector('form.sq-start h1');

    // The URL preset the length to 10: Tab reaches the length group on its checked "10" radio.
    await tabTo(page, 'form.sq-start input[name=sq-length]');
    const length = await page.evaluate(() => ({ value: document.activeElement.value, checked: document.activeElement.checked }));
    assert(length.value === String(QUIZ_LENGTH) && length.checked, `Tab reached length ${length.value} (checked: ${length.checked}), not the preset ${QUIZ_LENGTH}`);

    await tabTo(page, 'form.sq-start button[type=submit]', { text: 'Start the quiz' });
    await page.keyboard.press('Enter');

    let right = 0;
    const kinds = [];
    for (let n = 1; n <= QUIZ_LENGTH; n++) {
      await waitForQuestion(page, n);
      assert(
        await focusMatches(page, 'form.sq-card h2'),
        `question ${n}: focus is on ${await describeFocus(page)}, not on the "Question ${n} of ${QUIZ_LENGTH}" heading`,
      );
      const scoreLine = await page.locator('form.sq-card .sq-progress p').textContent();
      assertEqual(scoreLine.trim(), `Score: ${right} of ${n - 1}`, `question ${n}: score line`);

      const kind = await questionKind(page);
      kinds.push(kind);
      await answerWithKeyboard(page, kind, n);

      right += (await waitForFeedback(page)) ? 1 : 0;
      const last = n === QUIZ_LENGTH;
      const nextLabel = last ? 'See results' : 'Next question';
      const focusAfterCheck = await describeFocus(page);
      const presses = await tabTo(page, 'form.sq-card button', { text: nextLabel, limit: 40 });
      if (presses > 1) notes.push(`q${n} (${kind}): focus after Check was ${focusAfterCheck}; ${presses} Tabs to "${nextLabel}"`);
      await page.keyboard.press('Enter');
    }

    await page.waitForSelector('section.sq-summary h2', { timeout: 10_000 });
    assertEqual((await page.locator('section.sq-summary h2').textContent()).trim(), 'Your results', 'summary heading');
    assert(
      await focusMatches(page, 'section.sq-summary h2'),
      `summary: focus is on ${await describeFocus(page)}, not on the "Your results" heading`,
    );
    const final = (await page.locator('section.sq-summary .sq-final').textContent()).trim();
    assertEqual(final, `You got ${right} of ${QUIZ_LENGTH} right.`, 'summary score');
    session.assertNoErrors();
    return `kinds: ${summarizeKinds(kinds)}; ${final}${notes.length ? `\n    notes:\n      ${notes.join('\n      ')}` : ''}`;
  } finally {
    await session.close();
  }
}

/** Answers the question on screen with the keyboard alone, then presses Check (or Enter in a text field). */
async function answerWithKeyboard(page, kind, n) {
  const check = () => tabTo(page, 'form.sq-card button[type=submit]', { text: 'Check answer' });
  const assertCheckEnabled = async () =>
    assert(
      await page.evaluate(() => !document.querySelector('form.sq-card button[type=submit]').disabled),
      `question ${n} (${kind}): "Check answer" is still disabled after answering`,
    );

  if (kind === 'choice') {
    // Tab enters the radio group on its first option; Space checks it, ArrowDown moves and checks.
    await tabTo(page, 'form.sq-card .sq-options input[type=radio]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    const checked = await page.evaluate(() => {
      const radios = [...document.querySelectorAll('form.sq-card .sq-options input[type=radio]')];
      return { index: radios.findIndex((r) => r.checked), focused: radios.indexOf(document.activeElement) };
    });
    assert(checked.index === 1 && checked.focused === 1, `question ${n}: after Space, ArrowDown the second option should be checked and focused, got ${JSON.stringify(checked)}`);
    await assertCheckEnabled();
    await check();
    await page.keyboard.press('Enter');
  } else if (kind === 'matching') {
    const count = await page.locator('form.sq-card .sq-matching select').count();
    for (let i = 0; i < count; i++) {
      await tabTo(page, `form.sq-card .sq-matching .sq-match:nth-child(${i + 1}) select`);
      const options = await page.locator('form.sq-card .sq-matching select').nth(i).locator('option').count();
      for (let k = 0; k <= i % (options - 1); k++) await page.keyboard.press('ArrowDown');
      const value = await page.evaluate(() => document.activeElement.value);
      assert(value !== '', `question ${n}: ArrowDown did not choose an option in select ${i + 1}`);
    }
    await assertCheckEnabled();
    await check();
    await page.keyboard.press('Enter');
  } else if (kind === 'ordering') {
    // Move the first item down with its "Move down" button, by keyboard.
    const before = await orderingTexts(page);
    await tabTo(page, 'form.sq-card .sq-ordering button[aria-label^="Move down"]');
    await page.keyboard.press('Space');
    const after = await orderingTexts(page);
    assert(
      after[0] === before[1] && after[1] === before[0],
      `question ${n}: "Move down" by keyboard did not swap the first two items (${JSON.stringify(before)} -> ${JSON.stringify(after)})`,
    );
    await assertCheckEnabled();
    await check();
    await page.keyboard.press('Space');
  } else {
    // Numeric and cloze: type into the text field; Enter submits the form.
    await tabTo(page, 'form.sq-card input[type=text]');
    await page.keyboard.type(TYPED_ANSWER[kind] ?? 'Kyiv');
    await assertCheckEnabled();
    await page.keyboard.press('Enter');
  }
}

function orderingTexts(page) {
  return page.locator('form.sq-card .sq-ordering li > span:first-child').allTextContents();
}

function summarizeKinds(kinds) {
  const counts = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return Object.entries(counts).map(([k, c]) => `${k} x${c}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Test B: axe-core on every screen, light and dark.

async function axeScreens(browser, base) {
  const problems = [];
  const scanned = [];
  for (const colorScheme of ['light', 'dark']) {
    const session = await openPage(browser, base, { viewport: DESKTOP, colorScheme });
    const { page } = session;
    const scan = async (label) => {
      const violations = await runAxe(page);
      scanned.push(`${colorScheme}/${label}`);
      if (violations.length) problems.push(formatViolations(`${colorScheme}: ${label}`, violations));
    };
    try {
      await session.goto(QUIZ_URL);
      await page.waitForSelector('form.sq-start h1');
      await scan('start');

      await page.getByRole('button', { name: 'Start the quiz' }).click();
      // Scan the first question and its feedback, and each further question kind the first time it appears.
      const seenKinds = new Set();
      for (let n = 1; n <= QUIZ_LENGTH; n++) {
        await waitForQuestion(page, n);
        const kind = await questionKind(page);
        const firstOfKind = !seenKinds.has(kind);
        seenKinds.add(kind);
        if (firstOfKind) await scan(`question ${n} (${kind})`);
        await answerDirectly(page);
        if (firstOfKind) await scan(`feedback ${n} (${kind})`);
        await pressNextDirectly(page, n === QUIZ_LENGTH);
      }
      await page.waitForSelector('section.sq-summary');
      await scan('summary');
      // The review items and the sources panel are disclosures: scan them open too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await scan('summary, all details open');
      session.assertNoErrors();
    } finally {
      await session.close();
    }
  }
  assert(problems.length === 0, `axe found violations:\n${problems.join('\n')}`);
  return `${scanned.length} scans, 0 violations (${scanned.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Test C: screenshots at phone and desktop sizes, and no horizontal scrolling on a phone.

async function screenshots(browser, base) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const files = [];
  const overflow = [];
  for (const viewport of [PHONE, DESKTOP]) {
    const size = `${viewport.width}x${viewport.height}`;
    const session = await openPage(browser, base, { viewport });
    const { page } = session;
    const shoot = async (screen) => {
      const file = path.join(ARTIFACTS, `${screen}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true });
      files.push(path.relative(ROOT, file));
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (widths.scroll > widths.client) overflow.push(`${screen} at ${size}: page is ${widths.scroll}px wide in a ${widths.client}px viewport`);
    };
    try {
      await session.goto(QUIZ_URL);
      await page.waitForSelector('form.sq-start h1');
      await shoot('start');
      await page.getByRole('button', { name: 'Start the quiz' }).click();
      for (let n = 1; n <= QUIZ_LENGTH; n++) {
        await waitForQuestion(page, n);
        if (n === 1) await shoot('question');
        await answerDirectly(page);
        if (n === 1) await shoot('feedback');
        await pressNextDirectly(page, n === QUIZ_LENGTH);
      }
      await page.waitForSelector('section.sq-summary');
      await shoot('summary');
      session.assertNoErrors();
    } finally {
      await session.close();
    }
  }
  assert(overflow.length === 0, `horizontal scrolling (WCAG 1.4.10 reflow):\n    ${overflow.join('\n    ')}`);
  return `${files.length} screenshots in ${path.relative(ROOT, ARTIFACTS)}/`;
}

// ---------------------------------------------------------------------------------------------
// Runner.

const TESTS = [
  ['keyboard only, start to summary', keyboardOnly],
  ['axe: start, question, feedback, summary in light and dark', axeScreens],
  ['screenshots at 375x812 and 1280x800, no horizontal scroll', screenshots],
];

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Failure(`${what} timed out after ${ms / 1000}s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const started = Date.now();
  for (const file of ['index.html']) {
    if (!fs.existsSync(path.join(DIST, file))) {
      console.error(`not ok - dist/${file} is missing: run \`trunk build --release\` first`);
      process.exit(2);
    }
  }
  const server = await serveDist();
  const browser = await chromium.launch(CHROMIUM);
  let passed = 0;
  let failed = 0;
  try {
    for (const [name, test] of TESTS) {
      const t0 = Date.now();
      try {
        const detail = await withTimeout(test(browser, server.base), TEST_TIMEOUT_MS, name);
        passed++;
        console.log(`ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)${detail ? `\n    ${detail}` : ''}`);
      } catch (error) {
        failed++;
        const reason = error instanceof Failure ? error.message : error.stack ?? String(error);
        console.log(`not ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n    ${reason}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`not ok - e2e harness crashed: ${error.stack ?? error}`);
  process.exit(1);
});
