// End-to-end tests for the Sourced Quiz release build (dist/), in Debian's headless Chromium.
//
// What it checks:
//   A. keyboard only: start screen -> every question, whatever its kind -> summary, with no mouse
//      at all; "Question n of N" advances and the question heading has focus after every Next.
//      Run on ?seed=42&count=10, then on the 20-question quiz, which has matching and ordering too.
//   B. axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices) on the start screen, a question of
//      each kind, its feedback and the summary of the 20-question quiz, in light and dark colour
//      schemes: zero violations.
//   C. screenshots of start, question, feedback and summary at 375x812 and 1280x800 into
//      tests/e2e/artifacts/, and no horizontal scrolling at either size (WCAG 1.4.10 reflow);
//      the teacher's setup, a reading quiz and the answer key are checked for it too.
//   D. each topic on the start screen, ticked alone with 20 questions, starts a quiz (no freeze).
// Every test also fails on a console error, an uncaught page error or a failed request.
//
// Run after `trunk build --release`:   node tests/e2e/run.mjs
//   E2E_DIST=dir      serve another build (e.g. `trunk build --release --dist /tmp/x`)
//   E2E_SEED=n        quiz seed (default 42)
//   E2E_COUNT=n       quiz length, one of 5/10/15/20 (default 10)
// It serves the build itself on 127.0.0.1 (a free port) and never downloads a browser.

import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  ARTIFACTS,
  DESKTOP,
  PHONE,
  SMALLEST_PHONE,
  CSP,
  Failure,
  assert,
  assertEqual,
  withTimeout,
  runAxe,
  ViolationLog,
  serveDist,
  runSuite,
} from './harness.mjs';
import { RIGHT, TYPED_ANSWER, everyKindSeed, waitForQuestion, questionKind, waitForVerdict, answer, next } from './quiz.mjs';

const SEED = Number(process.env.E2E_SEED ?? 42);
const QUIZ_LENGTH = Number(process.env.E2E_COUNT ?? 10);
/** The longest quiz: with the shipped table it holds every question kind, matching and ordering included. */
const LONG_QUIZ_LENGTH = 20;
/** A seed whose 20-question quiz holds all eight kinds with the shipped table (checked by keyboardEveryKind). */
const EVERY_KIND_SEED = everyKindSeed(LONG_QUIZ_LENGTH);
const SUB_PATH = '/news/quiz/';
const quizUrl = (count, seed = SEED) => `/?seed=${seed}&count=${count}`;
/** How long a key press may take: a page whose main thread is stuck never acknowledges input. */
const KEY_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Page helpers.

/** Presses a key; fails (rather than hanging) if the page stops acknowledging input. */
function press(page, key) {
  return withTimeout(
    page.keyboard.press(key),
    KEY_TIMEOUT_MS,
    () => `the page did not respond to ${key} within ${KEY_TIMEOUT_MS / 1000}s (its main thread seems stuck)`,
  );
}

/** A short description of the focused element, e.g. `button "Check answer"`. */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const type = el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : '';
    const label = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${type} "${label}"`;
  });
}

/** Whether the focused element matches a CSS selector (and, if given, has exactly this text). */
function focusMatches(page, selector, text) {
  return page.evaluate(
    ([selector, text]) => {
      const el = document.activeElement;
      return !!el && el.matches(selector) && (text == null || el.textContent.trim() === text);
    },
    [selector, text],
  );
}

/** Whether focus reaches an element matching `selector` within `ms` (a render's effects run just after it). */
async function focusArrives(page, selector, ms = 2_000) {
  try {
    await page.waitForFunction((selector) => document.activeElement?.matches(selector), selector, { timeout: ms });
    return true;
  } catch {
    return false;
  }
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches and returns how many presses it
 * took (0 if it already had focus). Fails with the focus path if `limit` presses do not reach it.
 */
async function tabTo(page, selector, { text, limit = 30, shift = false } = {}) {
  if (await focusMatches(page, selector, text)) return 0;
  const visited = [];
  for (let presses = 1; presses <= limit; presses++) {
    await press(page, shift ? 'Shift+Tab' : 'Tab');
    if (await focusMatches(page, selector, text)) return presses;
    visited.push(await describeFocus(page));
  }
  const shown = visited.slice(0, 12).join(' -> ') + (visited.length > 12 ? ' -> …' : '');
  throw new Failure(
    `could not reach ${selector}${text ? ` "${text}"` : ''} with ${limit} x ${shift ? 'Shift+' : ''}Tab; focus went: ${shown}`,
  );
}

function checkButtonDisabled(page) {
  return page.evaluate(() => document.querySelector('form.sq-card button[type=submit]')?.disabled ?? null);
}

function orderingTexts(page) {
  return page.locator('form.sq-card .sq-ordering li > span:first-child').allTextContents();
}

function tally(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, count]) => `${item} x${count}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Test A: keyboard only, start to summary. Input is page.keyboard alone: no mouse, no click(),
// no fill(); the page is only read to decide which keys to press and to check the result.

async function keyboardOnly(run, total, seed = SEED) {
  const { page, goto, assertNoErrors } = await run.open({ viewport: DESKTOP });
  await goto(quizUrl(total, seed));
  await page.waitForSelector('form.sq-start');

  run.step('start screen: Tab to "Start the quiz"');
  const tabsToStart = await tabTo(page, 'form.sq-start button[type=submit]', { text: 'Start the quiz' });
  assert(tabsToStart <= 3, `${tabsToStart} Tabs from the page's load to "Start the quiz" (target: 3 at most)`);
  run.step('start screen: open "Customise" and Tab to the length choice');
  await tabTo(page, 'form.sq-start details.sq-customise > summary');
  await press(page, 'Enter');
  await tabTo(page, 'form.sq-start input[name=sq-length]');
  const length = await page.evaluate(() => ({ value: document.activeElement.value, checked: document.activeElement.checked }));
  assert(
    length.value === String(total) && length.checked,
    `Tab reached length ${length.value} (checked: ${length.checked}), not the preset ${total}`,
  );
  run.step('start screen: Shift+Tab back to "Start the quiz" and press Enter');
  await tabTo(page, 'form.sq-start button[type=submit]', { text: 'Start the quiz', shift: true });
  await press(page, 'Enter');

  let right = 0;
  const kinds = [];
  const focusLostAfterCheck = [];
  for (let n = 1; n <= total; n++) {
    run.step(`question ${n}: waiting for it`);
    await waitForQuestion(page, n, total);
    assert(
      await focusArrives(page, 'form.sq-card h2'),
      `question ${n}: focus is on ${await describeFocus(page)}, not on the "Question ${n} of ${total}" heading`,
    );
    assertEqual(
      (await page.locator('form.sq-card .sq-score').textContent()).trim(),
      `Score: ${right} of ${n - 1}`,
      `question ${n}: score line`,
    );

    const kind = await questionKind(page);
    kinds.push(kind);
    run.step(`question ${n} (${kind}): answering by keyboard`);
    await answerWithKeyboard(page, kind, n);
    right += (await waitForVerdict(page, `question ${n} (${kind})`)) === RIGHT ? 1 : 0;
    // The feedback counts the answer just checked (it read "1 of 0" after a right first answer).
    assertEqual(
      (await page.locator('form.sq-card .sq-score').textContent()).trim(),
      `Score: ${right} of ${n}`,
      `question ${n}: score line with its feedback`,
    );

    const focusAfterCheck = await describeFocus(page);
    if (focusAfterCheck === 'body') focusLostAfterCheck.push(kind);
    const nextLabel = n === total ? 'See results' : 'Next question';
    run.step(`question ${n} (${kind}): Tab to "${nextLabel}" and press Enter`);
    await tabTo(page, 'form.sq-card button', { text: nextLabel });
    await press(page, 'Enter');
  }

  run.step('summary');
  await page.waitForSelector('section.sq-summary h2', { timeout: 10_000 });
  assertEqual((await page.locator('section.sq-summary h2').textContent()).trim(), 'Your results', 'summary heading');
  assert(
    await focusArrives(page, 'section.sq-summary h2'),
    `summary: focus is on ${await describeFocus(page)}, not on the "Your results" heading`,
  );
  const final = (await page.locator('section.sq-summary .sq-final').textContent()).trim();
  assertEqual(final, `You got ${right} of ${total} right.`, 'summary score');
  assertNoErrors();

  if (focusLostAfterCheck.length) {
    run.warn(
      `after Check, focus fell back to <body> on ${focusLostAfterCheck.length} of ${total} questions ` +
        `(${tally(focusLostAfterCheck)}): the focused control was removed or disabled; Tab from there still reached Next`,
    );
  }
  return `kinds: ${tally(kinds)}; ${final}`;
}

/** The same walk through the longest quiz, so that every kind (selects, Move buttons) meets the keyboard. */
async function keyboardEveryKind(run) {
  const detail = await keyboardOnly(run, LONG_QUIZ_LENGTH, EVERY_KIND_SEED);
  for (const kind of ['choice', 'cloze', 'numeric', 'matching', 'ordering']) {
    if (!detail.includes(`${kind} x`)) {
      throw new Error(`no ${kind} question in ${quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED)}: pick another E2E_EVERY_KIND_SEED`);
    }
  }
  return detail;
}

/** Answers the question on screen with the keyboard alone, then presses Check (or Enter in a text field). */
async function answerWithKeyboard(page, kind, n) {
  const where = `question ${n} (${kind})`;
  const pressCheck = async (key) => {
    assertEqual(await checkButtonDisabled(page), false, `${where}: "Check answer" disabled after a complete answer`);
    await tabTo(page, 'form.sq-card button[type=submit]', { text: 'Check answer' });
    await press(page, key);
  };
  if (kind !== 'ordering') {
    // An ordering is complete as shown; every other kind needs an answer before Check.
    assertEqual(await checkButtonDisabled(page), true, `${where}: "Check answer" disabled before any answer`);
  }

  if (kind === 'choice') {
    // Tab enters the radio group on its first option; Space checks it, ArrowDown moves on and checks.
    await tabTo(page, 'form.sq-card .sq-options input[type=radio]');
    await press(page, 'Space');
    await press(page, 'ArrowDown');
    const state = await page.evaluate(() => {
      const radios = [...document.querySelectorAll('form.sq-card .sq-options input[type=radio]')];
      return { checked: radios.findIndex((r) => r.checked), focused: radios.indexOf(document.activeElement) };
    });
    assert(
      state.checked === 1 && state.focused === 1,
      `${where}: after Space and ArrowDown the second option should be checked and focused, got ${JSON.stringify(state)}`,
    );
    await pressCheck('Enter');
  } else if (kind === 'matching') {
    // Each select in turn: Tab to it, ArrowDown on the closed select chooses the next option.
    const selects = page.locator('form.sq-card .sq-matching select');
    const count = await selects.count();
    for (let i = 0; i < count; i++) {
      await tabTo(page, `form.sq-card .sq-matching .sq-match:nth-child(${i + 1}) select`);
      const options = await selects.nth(i).locator('option').count();
      for (let k = 0; k <= i % (options - 1); k++) await press(page, 'ArrowDown');
      const value = await page.evaluate(() => document.activeElement.value);
      assert(value !== '', `${where}: ArrowDown did not choose an option in select ${i + 1}`);
    }
    await pressCheck('Enter');
  } else if (kind === 'ordering') {
    // Move the first item down with its "Move down" button, pressed with Space.
    const before = await orderingTexts(page);
    await tabTo(page, 'form.sq-card .sq-ordering button[aria-label^="Move down"]');
    await press(page, 'Space');
    const after = await orderingTexts(page);
    assert(
      after[0] === before[1] && after[1] === before[0],
      `${where}: "Move down" by keyboard did not swap the first two items (${JSON.stringify(before)} -> ${JSON.stringify(after)})`,
    );
    // Focus went with the item, and the move was announced.
    assertEqual(await describeFocus(page), `button[type=button] "Move down: ${before[0]}"`, `${where}: focus after "Move down"`);
    const said = (await page.locator('form.sq-card .sq-ordering + [role=status]').textContent()).trim();
    assert(said.includes(before[0]) && said.includes(`2 of ${before.length}`), `${where}: the move was announced as ${JSON.stringify(said)}`);
    await pressCheck('Space');
  } else {
    // Numeric and cloze: type into the text field; Enter there submits the form.
    await tabTo(page, 'form.sq-card input[type=text]');
    await page.keyboard.type(TYPED_ANSWER[kind] ?? 'Kyiv');
    assertEqual(await checkButtonDisabled(page), false, `${where}: "Check answer" disabled after typing an answer`);
    await press(page, 'Enter');
  }
}

// ---------------------------------------------------------------------------------------------
// Test B: axe-core on every screen, light and dark.

async function axeScreens(run) {
  const log = new ViolationLog();
  const perScreen = new Map();
  const kindsScanned = new Set();
  let scans = 0;
  for (const colorScheme of ['light', 'dark']) {
    const { page, goto, assertNoErrors } = await run.open({ viewport: DESKTOP, colorScheme });
    const scan = async (screen) => {
      run.step(`axe, ${colorScheme}: ${screen}`);
      const violations = await runAxe(page);
      log.add(`${colorScheme}/${screen}`, violations);
      const name = screen.replace(/ \d+ \(/, ' (');
      perScreen.set(`${colorScheme} ${name}`, violations.length);
      scans++;
    };
    await goto(quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED));
    await page.waitForSelector('form.sq-start');
    await scan('start');

    run.step(`${colorScheme}: start the quiz`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    // The first question of each kind is scanned, before and after Check.
    const scanned = new Set();
    for (let n = 1; n <= LONG_QUIZ_LENGTH; n++) {
      run.step(`${colorScheme}: question ${n}`);
      await waitForQuestion(page, n, LONG_QUIZ_LENGTH);
      const kind = await questionKind(page);
      const first = !scanned.has(kind);
      scanned.add(kind);
      kindsScanned.add(kind);
      if (first) await scan(`question ${n} (${kind})`);
      await answer(page, `${colorScheme}: question ${n}`);
      if (first) await scan(`feedback ${n} (${kind})`);
      await next(page, n, LONG_QUIZ_LENGTH);
    }
    await page.waitForSelector('section.sq-summary');
    await scan('summary');
    // The review items and the sources panel are disclosures: scan their contents too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    await scan('summary with every <details> open');
    assertNoErrors();
  }
  assert(log.size === 0, `axe found ${log.size} rule(s) violated (${scans} scans):\n${log}`);
  const counts = [...perScreen].map(([screen, n]) => `${screen}: ${n}`).join(', ');
  return `${scans} scans, no violations; question kinds scanned: ${[...kindsScanned].join(', ')}\n    violations per screen: ${counts}`;
}

// ---------------------------------------------------------------------------------------------
// Test C: screenshots at phone and desktop sizes, and no horizontal scrolling.

async function screenshots(run) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const files = [];
  const overflow = [];
  // 320 px is the narrowest phone the widget promises to fit; its pictures are kept too.
  for (const viewport of [SMALLEST_PHONE, PHONE, DESKTOP]) {
    const size = `${viewport.width}x${viewport.height}`;
    const { page, goto, assertNoErrors } = await run.open({ viewport });
    const shoot = async (screen) => {
      run.step(`screenshot ${screen} at ${size}`);
      const file = path.join(ARTIFACTS, `${screen}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true });
      files.push(file);
      const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
      if (width.page > width.viewport) overflow.push(`${screen} at ${size}: ${width.page}px of content in a ${width.viewport}px viewport`);
    };
    await goto(quizUrl(QUIZ_LENGTH));
    await page.waitForSelector('form.sq-start');
    await shoot('start');
    run.step(`${size}: start the quiz`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    for (let n = 1; n <= QUIZ_LENGTH; n++) {
      run.step(`${size}: question ${n}`);
      await waitForQuestion(page, n, QUIZ_LENGTH);
      if (n === 1) await shoot('question');
      await answer(page, `${size}: question ${n}`);
      if (n === 1) await shoot('feedback');
      await next(page, n, QUIZ_LENGTH);
    }
    await page.waitForSelector('section.sq-summary');
    await shoot('summary');
    // The classroom screens: the teacher's setup (its passage list has long options), a reading
    // quiz with its passage, and the printable answer key.
    for (const [screen, url, selector] of [
      ['teacher', '/?view=teacher', 'section.sq-teacher .sq-code'],
      ['reading', '/?seed=5&passage=2&autostart=1', 'section.sq-passage'],
      ['answer-key', '/?seed=42&count=10&view=key', 'section.sq-answer-key'],
    ]) {
      await goto(url);
      await page.waitForSelector(selector);
      await shoot(screen);
    }
    assertNoErrors();
  }
  assert(overflow.length === 0, `horizontal scrolling (WCAG 1.4.10 reflow):\n    ${overflow.join('\n    ')}`);
  return `${files.length} screenshots in ${path.relative(ROOT, ARTIFACTS)}/`;
}

// ---------------------------------------------------------------------------------------------
// Test E: the figures the redesign is held to, printed, on a 375 x 812 phone: where Start is and
// how many Tabs reach it, the feedback's height over every kind, the verdict in view after
// Check, Next after the feedback.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function phoneFigures(run) {
  const { page, goto, assertNoErrors } = await run.open({ viewport: PHONE });
  await goto(quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED));
  await page.waitForSelector('form.sq-start');
  const start = await page.locator('form.sq-start button.sq-primary').boundingBox();
  assert(start.y <= 500, `"Start the quiz" is at y = ${Math.round(start.y)} on a 375 x 812 phone (target: 500 at most)`);
  const tabs = await tabTo(page, 'form.sq-start button[type=submit]', { text: 'Start the quiz' });
  assert(tabs <= 3, `${tabs} Tabs from load to "Start the quiz" (target: 3 at most)`);
  await press(page, 'Enter');
  const heights = [];
  let tallest = "";
  const byKind = new Map();
  const outOfView = [];
  for (let n = 1; n <= LONG_QUIZ_LENGTH; n++) {
    run.step(`phone: question ${n}`);
    await waitForQuestion(page, n, LONG_QUIZ_LENGTH);
    // Hierarchy: the prompt is the card's largest text, no fieldset border cuts it, the progress
    // is a bar as well as words, and the title is a one-line label, not a headline again.
    const look = await page.evaluate(() => {
      const size = (el) => parseFloat(getComputedStyle(el).fontSize);
      const card = document.querySelector('form.sq-card');
      const prompt = card.querySelector('legend');
      const others = [...card.querySelectorAll('*')].filter((el) => el !== prompt && !prompt.contains(el) && el.textContent.trim());
      const bar = card.querySelector('progress.sq-bar');
      return {
        prompt: size(prompt),
        largestOther: Math.max(...others.map(size)),
        border: getComputedStyle(card.querySelector('fieldset')).borderTopWidth,
        bar: bar && `${bar.value}/${bar.max}`,
        title: document.querySelector('h1').getBoundingClientRect().height,
      };
    });
    assert(look.prompt > look.largestOther, `question ${n}: the prompt (${look.prompt}px) is not the card's largest text (${look.largestOther}px)`);
    assertEqual(look.border, '0px', `question ${n}: the question's fieldset border`);
    assertEqual(look.bar, `${n}/${LONG_QUIZ_LENGTH}`, `question ${n}: the progress bar`);
    assert(look.title <= 40, `question ${n}: the title takes ${look.title}px above the card`);
    const { kind } = await answer(page, `phone: question ${n}`);
    // Let the scroll that brings the verdict into view happen.
    await page.waitForTimeout(50);
    const seen = await page.evaluate(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      const verdict = box('form.sq-card .sq-verdict-line');
      const feedback = box('form.sq-card .sq-feedback');
      const button = box('form.sq-card button[type=submit]');
      return { top: verdict.top, bottom: verdict.bottom, viewport: innerHeight, height: feedback.height,
        nextBelow: button.top >= feedback.bottom - 1 };
    });
    // In view, and in the upper half, so that the feedback under it is too (it landed at the bottom edge).
    if (seen.top < 0 || seen.top > seen.viewport / 2) outOfView.push(`question ${n} (${kind}): verdict at ${Math.round(seen.top)}–${Math.round(seen.bottom)} px`);
    assert(seen.nextBelow, `question ${n} (${kind}): Next is not below the feedback`);
    heights.push(seen.height);
    byKind.set(kind, Math.max(byKind.get(kind) ?? 0, seen.height));
    if (seen.height >= Math.max(...heights)) tallest = `question ${n} (${kind})`;
    await next(page, n, LONG_QUIZ_LENGTH);
  }
  await page.waitForSelector('section.sq-summary');
  // The summary: the score large, what to do next, the review collapsed by question.
  const summary = await page.evaluate(() => {
    const section = document.querySelector('section.sq-summary');
    const big = section.querySelector('.sq-score-big');
    return {
      score: big ? parseFloat(getComputedStyle(big).fontSize) : 0,
      scoreY: big ? big.getBoundingClientRect().top + scrollY : Infinity,
      buttons: [...section.querySelectorAll('button')].map((b) => b.textContent.trim()),
      review: section.querySelectorAll('.sq-review > li > details').length,
      open: section.querySelectorAll('.sq-review > li > details[open]').length,
    };
  });
  assert(summary.score >= 48, `the summary's score is ${summary.score}px, not large`);
  assert(summary.scoreY < PHONE.height / 2, `the summary's score is at y = ${summary.scoreY}`);
  for (const label of ['Retry this set', 'New set', 'Copy link to share']) {
    assert(summary.buttons.includes(label), `the summary offers no "${label}": ${summary.buttons.join(', ')}`);
  }
  assertEqual([summary.review, summary.open], [LONG_QUIZ_LENGTH, 0], 'review items, and how many are open');
  assertNoErrors();
  assert(outOfView.length === 0, `after Check the verdict is out of view on a phone:\n    ${outOfView.join('\n    ')}`);
  const max = Math.max(...heights);
  const kinds = [...byKind].map(([kind, h]) => `${kind} ${Math.round(h)}`).join(', ');
  if (max > PHONE.height) run.warn(`the tallest feedback is ${Math.round(max)} px, more than one ${PHONE.height} px screen`);
  return `Start y = ${Math.round(start.y)} px (bottom ${Math.round(start.y + start.height)}), ${tabs} Tab(s) from load to Start; ` +
    `feedback height with quotes collapsed over ${heights.length} questions: median ${Math.round(median(heights))} px, max ${Math.round(max)} px at ${tallest} ` +
    `(tallest per kind: ${kinds}); the verdict was in view after every Check, Next below the feedback`;
}

// ---------------------------------------------------------------------------------------------
// Test F: the README's screenshots (docs/screenshots/), phone and desktop, light and dark, so
// they stay current: the start screen, a question, its feedback, the summary, the teacher's page.

const README_SHOTS = path.join(ROOT, 'docs/screenshots');

async function readmeScreenshots(run) {
  fs.mkdirSync(README_SHOTS, { recursive: true });
  const files = [];
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      const { page, goto, assertNoErrors } = await run.open({ viewport, colorScheme });
      const shoot = async (screen) => {
        run.step(`README screenshot: ${screen}, ${size}, ${colorScheme}`);
        const file = path.join(README_SHOTS, `${screen}-${size}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        files.push(file);
      };
      await goto(quizUrl(5, 4));
      await page.waitForSelector('form.sq-start');
      await shoot('start');
      await page.getByRole('button', { name: 'Start the quiz' }).click();
      for (let n = 1; n <= 5; n++) {
        await waitForQuestion(page, n, 5);
        if (n === 1) await shoot('question');
        await answer(page, `${size}: question ${n}`);
        if (n === 1) {
          await page.waitForTimeout(50);
          await shoot('feedback');
        }
        await next(page, n, 5);
      }
      await page.waitForSelector('section.sq-summary');
      // The share link holds the test server's random port: show where a newsroom would host it,
      // so that the picture changes only when the screen does.
      await page.evaluate(() => {
        document.querySelector('section.sq-summary input[readonly]').value = 'https://quiz.example/?seed=4&count=5&autostart=1';
        scrollTo(0, 0);
      });
      await shoot('summary');
      // A fixed quiz number, so the class code in the picture stays the same.
      await goto('/?view=teacher&seed=42');
      await page.waitForSelector('section.sq-teacher .sq-code');
      await shoot('teacher');
      assertNoErrors();
      await run.closeLast();
    }
  }
  return `${files.length} screenshots in ${path.relative(ROOT, README_SHOTS)}/`;
}

// ---------------------------------------------------------------------------------------------
// Test G: before the wasm runs the page shows the title and a loading line in the widget's room;
// when a file cannot load it says which; theme=dark and theme=light colour the whole page.

/** The wasm, by path: boot.js's own URL names it in its query. */
const isWasm = (url) => url.pathname.endsWith('_bg.wasm');

async function loadingFailureAndPageTheme(run) {
  const { page } = await run.open({ viewport: PHONE });
  let release;
  const held = new Promise((done) => (release = done));
  await page.route(isWasm, async (route) => {
    await held;
    await route.continue();
  });
  // Not `goto`: the page's load event waits for the module, which waits for the held wasm.
  await page.goto(run.base + quizUrl(QUIZ_LENGTH), { waitUntil: 'commit' });
  await page.waitForSelector('#sourced-quiz .sq-boot');
  const boot = await page.evaluate(() => {
    const boot = document.querySelector('#sourced-quiz .sq-boot');
    return boot && { title: boot.querySelector('h1')?.textContent, line: boot.querySelector('[role=status]')?.textContent,
      height: boot.getBoundingClientRect().height };
  });
  assert(boot, 'the page is blank while the wasm loads');
  assertEqual(boot.title, 'Carney in Kyiv: a sourced quiz', 'the title while loading');
  assertEqual(boot.line, 'Loading the quiz…', 'the loading line');
  release();
  await page.waitForSelector('form.sq-start');
  const start = await page.evaluate(() => document.querySelector('.sq-widget').getBoundingClientRect().height);
  await run.closeLast();

  const failing = await run.open({ viewport: PHONE });
  // A host that lost the file (a 404).
  await failing.page.route(isWasm, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await failing.goto(quizUrl(QUIZ_LENGTH));
  const alert = failing.page.locator('#sourced-quiz [role=alert]');
  await alert.waitFor({ timeout: 10_000 });
  const said = (await alert.textContent()).trim();
  assert(/could not load: sourced-quiz-\w+_bg\.wasm did not arrive/.test(said), `the failure names the file: ${JSON.stringify(said)}`);
  run.errors = run.errors.filter((e) => !/_bg\.wasm|could not load|Failed to fetch|Failed to load resource|ERR_FAILED|404|WebAssembly/i.test(e));
  await run.closeLast();

  const backgrounds = [];
  for (const [colorScheme, theme, dark] of [['light', 'dark', true], ['dark', 'light', false]]) {
    const { page, goto, assertNoErrors } = await run.open({ viewport: DESKTOP, colorScheme });
    await goto(`${quizUrl(QUIZ_LENGTH)}&theme=${theme}`);
    await page.waitForSelector('form.sq-start');
    const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const channels = body.match(/\d+/g).slice(0, 3).map(Number);
    const isDark = channels.every((c) => c < 80);
    assert(isDark === dark, `theme=${theme} on a ${colorScheme} system: the page around the widget is ${body}`);
    backgrounds.push(`theme=${theme} on ${colorScheme}: ${body}`);
    assertNoErrors();
    await run.closeLast();
  }
  return `while loading: title and "Loading the quiz…" in ${Math.round(boot.height)}px (the start screen takes ${Math.round(start)}px); ` +
    `on failure: "${said.slice(0, 80)}…"; ${backgrounds.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// Test D: every topic the start screen offers, ticked alone with the longest length, starts a quiz
// (the page neither freezes nor shows an error).

/** How long a quiz may take to appear after Start; generation takes milliseconds. */
const START_TIMEOUT_MS = 5_000;

async function everyTopicStarts(run) {
  const startScreen = await run.open({ viewport: DESKTOP });
  await startScreen.goto(quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED));
  await startScreen.page.waitForSelector('form.sq-start');
  const topics = await startScreen.page
    .locator('form.sq-start input[name=sq-topic]')
    .evaluateAll((boxes) => boxes.map((box) => box.value));
  await run.closeLast();
  assert(topics.length > 0, 'the start screen offers no topics');

  const stuck = [];
  const started = [];
  for (const topic of topics) {
    // A fresh context per topic, so that a frozen page cannot hold up the next one.
    const { page, goto, assertNoErrors } = await run.open({ viewport: DESKTOP });
    const url = `/?seed=${SEED}&count=${LONG_QUIZ_LENGTH}&topics=${topic}`;
    await goto(url);
    await page.waitForSelector('form.sq-start');
    run.step(`topic ${topic}: Start`);
    // Submit without waiting for the page's answer: a frozen page never gives one.
    page.locator('form.sq-start').evaluate((form) => setTimeout(() => form.requestSubmit(), 0)).catch(() => {});
    try {
      await page.waitForSelector('form.sq-card h2', { timeout: START_TIMEOUT_MS });
      started.push(`${topic}: ${(await page.locator('form.sq-card h2').textContent()).trim().replace('Question 1 of ', '')}`);
      assertNoErrors();
    } catch (error) {
      if (error instanceof Failure) throw error;
      stuck.push(`${url} -> Start: no question within ${START_TIMEOUT_MS / 1000}s (the page stopped responding)`);
    }
    await run.closeLast();
  }
  assert(stuck.length === 0, `${stuck.length} of ${topics.length} topics never start:\n    ${stuck.join('\n    ')}`);
  return `questions per topic: ${started.join(', ')}`;
}

/**
 * The browser shows the same questions, in the same order, as `sourced quiz` for the same seed:
 * the generator is one pure function compiled twice (x86_64 for the CLI, wasm32 for the page).
 */
async function sameQuizAsCli(run) {
  const { execFileSync } = await import('node:child_process');
  const cli = path.join(ROOT, 'target/release/sourced');
  assert(fs.existsSync(cli), `${cli} is missing: run 'cargo build --release --bin sourced' first`);
  const expected = JSON.parse(
    execFileSync(cli, ['quiz', '--seed', String(SEED), '--count', String(QUIZ_LENGTH), '--json'], { cwd: ROOT }),
  ).questions;
  const { page, goto, assertNoErrors } = await run.open({ viewport: DESKTOP });
  await goto(`${quizUrl(QUIZ_LENGTH)}&autostart=1`);
  for (const [i, question] of expected.entries()) {
    await waitForQuestion(page, i + 1, QUIZ_LENGTH);
    const legend = (await page.locator('fieldset.sq-question > legend').textContent()).trim();
    assert(legend === question.prompt, `question ${i + 1}: the page asks "${legend}", the CLI "${question.prompt}"`);
    const options = await page.locator('.sq-options .sq-option-text').allTextContents();
    if (question.options.length && options.length) {
      assert(
        JSON.stringify(options) === JSON.stringify(question.options),
        `question ${i + 1}: options differ: page ${JSON.stringify(options)}, CLI ${JSON.stringify(question.options)}`,
      );
    }
    // Answer anything to move on; correctness is the browser tests' business.
    await answer(page, `question ${i + 1}`);
    await next(page, i + 1, QUIZ_LENGTH);
  }
  await page.waitForSelector('section.sq-summary');
  assertNoErrors();
  return `${expected.length} questions and their options match \`sourced quiz --seed ${SEED} --count ${QUIZ_LENGTH}\``;
}

/** dist/ works from a sub-path under the strict CSP: the widget starts, and its share link stays there. */
async function subPathUnderCsp(run) {
  const { page, goto, assertNoErrors } = await run.open({ viewport: DESKTOP });
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await goto(`${SUB_PATH}?seed=${SEED}&count=1&autostart=1`);
  await waitForQuestion(page, 1, 1, SUB_PATH);
  await answer(page, `${SUB_PATH}, question 1`);
  await next(page, 1, 1);
  const link = await page.locator('section.sq-summary input[readonly]').inputValue();
  assert(new URL(link).pathname === SUB_PATH, `the share link leaves the sub-path: ${link}`);
  assert(violations.length === 0, `CSP violations:\n    ${violations.join('\n    ')}`);
  assertNoErrors();
  return `served at ${SUB_PATH} with "${CSP}": started, answered, share link ${new URL(link).pathname}`;
}

// ---------------------------------------------------------------------------------------------
// Runner.

const TESTS = [
  [`keyboard only, start to summary (${quizUrl(QUIZ_LENGTH)})`, (run) => keyboardOnly(run, QUIZ_LENGTH)],
  [`keyboard only, every question kind (${quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED)})`, keyboardEveryKind],
  [`axe: start, each question kind, feedback, summary, light and dark (${quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED)})`, axeScreens],
  ['screenshots at 320x640, 375x812 and 1280x800, no horizontal scroll', screenshots],
  [`phone figures at 375x812: Start's y, Tabs to Start, feedback heights, the verdict in view (${quizUrl(LONG_QUIZ_LENGTH, EVERY_KIND_SEED)})`, phoneFigures],
  ['README screenshots (docs/screenshots/): phone and desktop, light and dark', readmeScreenshots],
  ['loading: the title and a loading line before the wasm runs, a plain failure naming the file; theme= colours the whole page', loadingFailureAndPageTheme],
  [`every topic alone starts a ${LONG_QUIZ_LENGTH}-question quiz`, everyTopicStarts],
  [`the page and the CLI give the same quiz (${quizUrl(QUIZ_LENGTH)})`, sameQuizAsCli],
  ['dist/ under a sub-path with a strict Content-Security-Policy', subPathUnderCsp],
];

runSuite({
  label: 'e2e',
  tests: TESTS,
  setup: async () => {
    const server = await serveDist({ subPath: SUB_PATH });
    return { env: { base: server.base }, close: server.close };
  },
});
