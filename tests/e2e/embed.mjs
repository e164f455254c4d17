// End-to-end tests for embedding the release build (dist/) in other sites' pages, in Debian's
// headless Chromium. Three servers, three origins, on 127.0.0.1:
//   A  the news site: host pages written by this file (fixtures under /__e2e/)
//   B  the quiz host: dist/ (with CORS, as a script-tag embed on another origin needs)
//   C  a foreign origin: an ad or any other third party framed on the host page
// Every server also serves dist/ and the fixtures; which origin a page comes from is the point.
//
// What it checks:
//   1. an iframe (A frames B, embed.js from B) is as tall as its content on load, with the
//      feedback open and on the summary, with no scrollbar inside it; a lazy iframe below the
//      fold causes no warnings while it waits and is sized when the reader gets to it
//   2. two widgets on one page stay independent: two iframes with different seeds, and the two
//      script mounts of examples/two-widgets.html (each in its own shadow root, own settings)
//   3. events: ready, answered and completed with the documented payloads and xAPI statements,
//      as postMessage to `host` and as CustomEvents (re-dispatched on the iframe by embed.js, on
//      the mount element of a script embed); without `host`, no message at all
//   4. a foreign origin's messages do nothing: a fake resize and forged events from C, a hello
//      from C to the widget frame, a widget frame navigated to C, a parent that `host` excludes
//   5. pym.js (dist/examples/pym.v1.min.js) sizes the frame it creates, and follows the feedback
//   6. the demo pages work under the strict Content-Security-Policy
//   7. a hostile host stylesheet changes nothing inside a script-mounted widget (computed styles
//      and pixels, against the same widget on a clean page), and the widget's CSS stays inside
//   8. the demos in dist/examples load without console errors, CSP violations or widget warnings
//   9. bad and unknown settings are reported, naming the key as the page spelled it
//  10. axe-core on examples/two-widgets.html (both shadow roots), start, question and feedback
//  11. WordPress's sandbox (sandbox="allow-scripts": an opaque origin, no forms, no storage) with
//      the markup WordPress writes for our oEmbed and its real wp-embed.js: styled, every control
//      works, no storage and no error, heights with the secret, the 1000 px cap
//  12. oEmbed: `sourced embed-page` pages carry the link, their JSON is what WordPress needs
//  13. lazy and stable: ≤ 5 KB and no wasm before the reader is near; CLS 0 as widgets start
//  14. the reader's place after Check and Next (embed.js, pym.js, script mount), and no scroll
//      the reader did not cause
//  15. two bundles: reader's mounts load only the reader's files; a mount asking for a reading
//      passage or a sheet loads the classroom's (once), beside a reader's mount on the same page
// Every page runs under a strict CSP (no inline script or style; host pages allow exactly the
// quiz's origin), and every test fails on a console error, an uncaught page error, a failed
// request or a CSP violation in any frame.
//
// Run after `trunk build --release`:   node tests/e2e/embed.mjs
//   E2E_DIST=dir   serve another build        E2E_ONLY=text   run only tests whose name has it

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import {
  ARTIFACTS,
  DIST,
  ROOT,
  CSP,
  assert,
  assertEqual,
  DESKTOP,
  PHONE,
  runAxe,
  ViolationLog,
  serveDist,
  runSuite,
} from './harness.mjs';
import { waitForStart, startQuiz, waitForQuestion, answer, next, waitForSummary, takeQuiz } from './quiz.mjs';

const SEED = 42;
const OTHER_SEED = 7;
/** The CLI, for `sourced embed-page` (scripts/test builds it before the suites). */
const CLI = path.join(ROOT, 'target/release/sourced');
/** Short quizzes: these tests are about the embedding, run.mjs takes long ones. */
const COUNT = 2;
const FIT_TOLERANCE_PX = 2;
/** How long sizing may take after the content changes (a ResizeObserver, a postMessage, a style). */
const SETTLE_MS = 5_000;
/** How long to keep listening for something that must not happen, once its control has happened. */
const QUIET_MS = 1_500;
/** How long the reader of the lazy-frame test takes to reach the quiz: past embed.js's 15 s of greeting. */
const LAZY_READER_MS = 16_000;

const VERB_ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
const VERB_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
const KINDS = ['multiple_choice', 'true_false', 'numeric', 'cloze', 'who_said', 'matching', 'ordering', 'source_check'];
const INTERACTION_TYPES = ['choice', 'true-false', 'numeric', 'fill-in', 'matching', 'sequencing'];
const EVENT_TYPES = ['sourced-quiz:ready', 'sourced-quiz:answered', 'sourced-quiz:completed'];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// Fixtures: test-only host pages and their scripts, served at /__e2e/ by every server.

const fixtures = new Map();

/** Adds a host page; `head` and `body` are markup (no inline script or style: the CSP forbids both). */
function hostPage(name, { title, head = '', body, csp = CSP, lang = 'en' }) {
  fixtures.set(`/__e2e/${name}`, {
    csp,
    body: `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${head}
  </head>
  <body>
${body}
  </body>
</html>
`,
  });
  return `/__e2e/${name}`;
}

/** What every host page's head has: the news site's stylesheet and the recorder. */
const HOST_HEAD = '<link rel="stylesheet" href="/__e2e/host.css" />\n    <script src="/__e2e/recorder.js"></script>';

/** A plain news-site look for host pages. */
fixtures.set(
  '/__e2e/host.css',
  {
    body: `body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #fbfaf7; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
iframe { display: block; width: 100%; border: 1px solid #999; margin: 1rem 0; }
.long-read { height: 6000px; }
.lead-in { height: 300px; }
/* The README's reserved room for a script mount (a strict CSP forbids the style attribute). */
.quiz-slot { display: block; min-height: 640px; }
`,
  },
);

/**
 * Records, in the host page, every message it receives and every sourced-quiz:* DOM event that
 * reaches its document (events bubble; embed.js dispatches on the iframe, widgets on their mount).
 */
fixtures.set('/__e2e/recorder.js', {
  body: `// Test fixture: what the host page sees.
window.__messages = [];
window.__events = [];
const frameOf = (source) => Array.from(document.querySelectorAll('iframe')).find((f) => f.contentWindow === source);
addEventListener('message', (event) => {
  const frame = frameOf(event.source);
  window.__messages.push({
    origin: event.origin,
    from: frame ? frame.id : event.source === window ? 'self' : 'other',
    data: JSON.parse(JSON.stringify(event.data ?? null)),
  });
});
for (const type of ${JSON.stringify([...EVENT_TYPES, 'sourced-quiz:resize', 'sourced-quiz:hello'])}) {
  document.addEventListener(type, (event) => {
    window.__events.push({ type, target: event.target.id || event.target.tagName, composed: event.composed, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
  }, true);
}
`,
});

/**
 * A third party's frame (origin C). attack() posts, 12 times 100 ms apart: a fake resize and a
 * forged event to its parent, and a hello to the parent's frame number ?hello=n. It records what
 * it receives.
 */
fixtures.set('/__e2e/foreign.js', {
  body: `// Test fixture: a foreign origin trying to drive the host page's widget frames.
window.__received = [];
addEventListener('message', (event) => window.__received.push({ origin: event.origin, data: JSON.parse(JSON.stringify(event.data ?? null)) }));
window.attack = () => new Promise((done) => {
  const params = new URLSearchParams(location.search);
  const target = params.has('hello') ? parent.frames[Number(params.get('hello'))] : null;
  let rounds = 0;
  const tick = () => {
    parent.postMessage({ type: 'sourced-quiz:resize', height: 5000 }, '*');
    parent.postMessage({ type: 'sourced-quiz:completed', widget: 'forged', score: { right: 99, answered: 99, total: 99 } }, '*');
    if (target) target.postMessage({ type: 'sourced-quiz:hello' }, '*');
    if (++rounds < 12) setTimeout(tick, 100);
    else done(rounds);
  };
  tick();
});
`,
});
hostPage('foreign.html', {
  title: 'An advertisement',
  body: '    <p>Advertisement</p>\n    <script src="/__e2e/foreign.js"></script>',
});

/** Creates a pym.Parent for #quiz-pym, for the URL in its data-url (pym's own loader is not used). */
fixtures.set('/__e2e/pym-parent.js', {
  body: `// Test fixture: a newsroom's own pym.js code.
const element = document.getElementById('quiz-pym');
window.__pym = new pym.Parent('quiz-pym', element.dataset.url, { title: 'Quiz: Carney in Kyiv' });
`,
});

/** Records CSP violations in every document of a page, so that a blocked file cannot go unnoticed. */
const CSP_RECORDER = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__csp.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' in ' + location.href);
  }, true);
})();`;

// ---------------------------------------------------------------------------------------------
// Page helpers. A "scope" is where one widget lives: a Frame (iframe embed, stand-alone page) or
// a Locator on a script mount's host element; quiz.mjs drives the widget in either.

/** A page (see TestRun.open) that also records CSP violations in all its frames. */
async function openPage(run, options) {
  const handle = await run.open(options);
  await handle.page.addInitScript(CSP_RECORDER);
  const assertNoErrors = handle.assertNoErrors;
  handle.assertClean = async () => {
    assertNoErrors();
    const violations = [];
    for (const frame of handle.page.frames()) {
      violations.push(...(await frame.evaluate(() => window.__csp ?? []).catch(() => [])));
    }
    assert(violations.length === 0, `Content-Security-Policy violations:\n    ${violations.join('\n    ')}`);
  };
  return handle;
}

/** The Frame of an iframe on the page. */
async function frameOf(page, selector) {
  const frame = await (await page.locator(selector).elementHandle()).contentFrame();
  assert(frame, `${selector} has no frame`);
  return frame;
}

async function poll(read, ok, timeout = SETTLE_MS) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await sleep(100);
    value = await read();
  }
  return value;
}

/** The widget's markup and the state of its inputs: equal snapshots mean nothing changed. */
function widgetState(scope) {
  return scope.locator('.sq-widget').evaluate((widget) => ({
    html: widget.outerHTML,
    inputs: Array.from(widget.querySelectorAll('input, select')).map((input) =>
      input.type === 'radio' || input.type === 'checkbox' ? input.checked : input.value,
    ),
  }));
}

/**
 * How an iframe fits its content: its inner height, the frame's body height (the widget's
 * content, the body has no margin) and whether the frame's document scrolls.
 */
async function measureFrame(page, selector) {
  const handle = await page.locator(selector).elementHandle();
  const outer = await handle.evaluate((frame) => ({
    height: frame.clientHeight,
    style: frame.style.height,
    attribute: frame.getAttribute('height'),
  }));
  const frame = await handle.contentFrame();
  const inner = await frame.evaluate(() => ({
    body: document.body.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  const fits = Math.abs(outer.height - inner.body) <= FIT_TOLERANCE_PX && inner.scrollHeight <= inner.clientHeight;
  return { ...outer, ...inner, fits };
}

const describeFit = (m) =>
  `the iframe is ${m.height}px tall (style.height ${JSON.stringify(m.style)}, height attribute ${JSON.stringify(m.attribute)}), ` +
  `its body ${m.body.toFixed(1)}px; the frame's document scrolls ${m.scrollHeight}px in ${m.clientHeight}px`;

/** Waits until the iframe fits its content (see measureFrame) and returns the measure. */
async function assertFits(page, selector, when) {
  const m = await poll(() => measureFrame(page, selector), (m) => m.fits);
  assert(
    Math.abs(m.height - m.body) <= FIT_TOLERANCE_PX,
    `${when}: ${selector} does not match its content (±${FIT_TOLERANCE_PX}px) within ${SETTLE_MS / 1000}s: ${describeFit(m)}`,
  );
  assert(m.scrollHeight <= m.clientHeight, `${when}: ${selector} has a scrollbar inside: ${describeFit(m)}`);
  return m;
}

/** What the host page's recorder saw (see recorder.js). */
function recorded(page) {
  return page.evaluate(() => ({ messages: window.__messages ?? [], events: window.__events ?? [] }));
}

const isEvent = (data) => data && typeof data === 'object' && EVENT_TYPES.includes(data.type);
const types = (list) => list.map((item) => item.type ?? item.data?.type).join(', ');

// ---------------------------------------------------------------------------------------------
// The documented event payloads (README, "Events for the host page"; src/events.rs).

function isIsoTime(value) {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Checks one widget's events, in order: ready, one answered per question, completed.
 * `answers` are what the page showed ({ kind, prompt, right }); `quiz` is the expected query
 * prefix (e.g. "seed=42&count=2"); `base` the widget's own address (homePage of the actor).
 */
function checkEvents(events, { widget, answers, quiz, base, where, total = answers.length, completed = true }) {
  const expected = ['sourced-quiz:ready', ...answers.map(() => 'sourced-quiz:answered'), ...(completed ? ['sourced-quiz:completed'] : [])];
  assertEqual(events.map((e) => e.type).join(', '), expected.join(', '), `${where}: event types in order`);
  const problems = [];
  const check = (condition, text) => condition || problems.push(text);
  let right = 0;
  for (const [i, event] of events.entries()) {
    const at = `${event.type}#${i}`;
    check(event.widget === widget, `${at}: widget ${JSON.stringify(event.widget)}, expected ${JSON.stringify(widget)}`);
    check(isIsoTime(event.timestamp), `${at}: timestamp ${JSON.stringify(event.timestamp)} is not ISO 8601 UTC`);
    if (event.type === 'sourced-quiz:ready') {
      check(event.question === undefined && event.statement === undefined, `${at}: carries a question or statement`);
      continue;
    }
    check(typeof event.quiz === 'string' && event.quiz.startsWith(quiz), `${at}: quiz ${JSON.stringify(event.quiz)} does not start with ${quiz}`);
    const s = event.statement ?? {};
    check(s.actor?.objectType === 'Agent' && s.actor?.account?.name === 'anonymous', `${at}: actor ${JSON.stringify(s.actor)}`);
    check(s.actor?.account?.homePage === base, `${at}: actor homePage ${JSON.stringify(s.actor?.account?.homePage)}, expected ${base}`);
    check(isIsoTime(s.timestamp), `${at}: statement timestamp ${JSON.stringify(s.timestamp)}`);
    check(/^PT\d+(\.\d+)?S$/.test(s.result?.duration ?? ''), `${at}: duration ${JSON.stringify(s.result?.duration)} is not an ISO 8601 duration`);
    check(s.context?.language === 'en', `${at}: context.language ${JSON.stringify(s.context?.language)}`);
    const quizIri = `${base}?${event.quiz}`;
    if (event.type === 'sourced-quiz:answered') {
      const n = i; // ready is events[0], so the n-th answered is events[n]
      const shown = answers[n - 1];
      right += shown.right ? 1 : 0;
      const q = event.question ?? {};
      check(q.number === n, `${at}: question.number ${q.number}, expected ${n}`);
      check(q.correct === shown.right, `${at}: question.correct ${q.correct}, the page said ${shown.right ? 'right' : 'not quite'}`);
      check(KINDS.includes(q.kind), `${at}: question.kind ${JSON.stringify(q.kind)}`);
      check(q.prompt === shown.prompt, `${at}: question.prompt ${JSON.stringify(q.prompt)}, the page asked ${JSON.stringify(shown.prompt)}`);
      check(typeof q.topic === 'string' && q.topic.length > 0, `${at}: question.topic ${JSON.stringify(q.topic)}`);
      check(
        Array.isArray(q.fact_ids) && q.fact_ids.length > 0 && q.fact_ids.every((id) => typeof id === 'string' && id.length > 0),
        `${at}: question.fact_ids ${JSON.stringify(q.fact_ids)} is not a non-empty list of ids`,
      );
      check(typeof q.response === 'string' && q.response.length > 0, `${at}: question.response ${JSON.stringify(q.response)}`);
      check(typeof q.correct_answer === 'string' && q.correct_answer.length > 0, `${at}: question.correct_answer ${JSON.stringify(q.correct_answer)}`);
      check(Number.isInteger(q.elapsed_ms) && q.elapsed_ms >= 0, `${at}: question.elapsed_ms ${JSON.stringify(q.elapsed_ms)}`);
      check(
        event.score?.right === right && event.score?.answered === n && event.score?.total === total,
        `${at}: score ${JSON.stringify(event.score)}, expected right ${right}, answered ${n}, total ${total}`,
      );
      check(s.verb?.id === VERB_ANSWERED, `${at}: statement.verb.id ${JSON.stringify(s.verb?.id)}`);
      check(s.object?.definition?.type === INTERACTION, `${at}: statement.object.definition.type ${JSON.stringify(s.object?.definition?.type)}`);
      check(INTERACTION_TYPES.includes(s.object?.definition?.interactionType), `${at}: interactionType ${JSON.stringify(s.object?.definition?.interactionType)}`);
      check(
        Array.isArray(s.object?.definition?.correctResponsesPattern) && s.object.definition.correctResponsesPattern.length > 0,
        `${at}: correctResponsesPattern ${JSON.stringify(s.object?.definition?.correctResponsesPattern)}`,
      );
      check(s.object?.definition?.name?.en === shown.prompt, `${at}: object name ${JSON.stringify(s.object?.definition?.name)}`);
      check(s.object?.id === `${quizIri}#question-${n}`, `${at}: object.id ${JSON.stringify(s.object?.id)}, expected ${quizIri}#question-${n}`);
      check(s.result?.success === shown.right, `${at}: statement.result.success ${s.result?.success}, the page said ${shown.right ? 'right' : 'not quite'}`);
      check(typeof s.result?.response === 'string', `${at}: statement.result.response ${JSON.stringify(s.result?.response)}`);
      const score = s.result?.score ?? {};
      check(
        score.raw === (shown.right ? 1 : 0) && score.min === 0 && score.max === 1 && score.scaled === (shown.right ? 1 : 0),
        `${at}: statement.result.score ${JSON.stringify(score)}`,
      );
      check(s.context?.contextActivities?.parent?.[0]?.id === quizIri, `${at}: context parent ${JSON.stringify(s.context?.contextActivities)}`);
    } else {
      check(
        event.score?.right === right && event.score?.answered === total && event.score?.total === total,
        `${at}: score ${JSON.stringify(event.score)}, expected right ${right} of ${total}`,
      );
      check(s.verb?.id === VERB_COMPLETED, `${at}: statement.verb.id ${JSON.stringify(s.verb?.id)}`);
      check(s.object?.definition?.type === ASSESSMENT, `${at}: statement.object.definition.type ${JSON.stringify(s.object?.definition?.type)}`);
      check(s.object?.id === quizIri, `${at}: object.id ${JSON.stringify(s.object?.id)}, expected ${quizIri}`);
      const score = s.result?.score ?? {};
      check(
        score.raw === right && score.min === 0 && score.max === total && Math.abs(score.scaled - right / total) < 1e-9,
        `${at}: statement.result.score ${JSON.stringify(score)}, expected raw ${right}, max ${total}`,
      );
      check(s.result?.completion === true, `${at}: statement.result.completion ${JSON.stringify(s.result?.completion)}`);
      check(s.result?.success === right / total >= 0.5, `${at}: statement.result.success ${s.result?.success} for ${right}/${total}`);
    }
  }
  assert(problems.length === 0, `${where}: payloads differ from the documented schema:\n    ${problems.join('\n    ')}`);
  return right;
}

// ---------------------------------------------------------------------------------------------
// The tests. `run.env` holds the three origins (A, B, C) and the URLs of the host pages.

/** 1. An iframe sized by embed.js, cross-origin. */
async function iframeFitsContent(run) {
  const { A } = run.env;
  const { page, goto, assertClean, consoleWarnings } = await openPage(run);
  await goto(`${A}${run.env.pages.single}`);
  const frame = await frameOf(page, '#quiz');
  await waitForStart(frame, 'the framed widget');
  const heights = {};
  heights.start = (await assertFits(page, '#quiz', 'after load')).height;
  assert(heights.start !== 300, 'the iframe kept the height the page gave it (300px): embed.js never sized it');

  run.step('answering the first question in the frame');
  await startQuiz(frame);
  await waitForQuestion(frame, 1, COUNT, 'the framed widget');
  heights.question = (await assertFits(page, '#quiz', 'question 1')).height;
  await answer(frame, 'the framed widget, question 1');
  heights.feedback = (await assertFits(page, '#quiz', 'with the feedback open')).height;
  assert(
    heights.feedback > heights.question,
    `the feedback did not make the frame taller (${heights.question}px -> ${heights.feedback}px): the check above proves nothing`,
  );
  for (let n = 1; n <= COUNT; n++) {
    if (n > 1) {
      await waitForQuestion(frame, n, COUNT, 'the framed widget');
      await answer(frame, `the framed widget, question ${n}`);
    }
    await next(frame, n, COUNT);
  }
  await waitForSummary(frame, 'the framed widget');
  heights.summary = (await assertFits(page, '#quiz', 'on the summary')).height;

  run.step('opening every disclosure on the summary');
  await frame.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  heights.disclosures = (await assertFits(page, '#quiz', 'on the summary with every <details> open')).height;

  await assertClean();
  const stray = consoleWarnings().filter((text) => /postMessage/.test(text));
  assert(stray.length === 0, `postMessage warnings on the host page or in the frame:\n    ${stray.join('\n    ')}`);
  return `heights (px): ${Object.entries(heights).map(([k, v]) => `${k} ${v}`).join(', ')}`;
}

/**
 * 1b. A lazy iframe below the fold, as in an article: it stays on its initial about:blank (this
 * page's origin) until it is scrolled to. embed.js must not greet it there (the browser would
 * warn that the target origin does not match, four times a second), and must size it once it
 * loads, even when the reader gets there after embed.js's first 15 s of greeting are over.
 */
async function lazyFrameBelowTheFold(run) {
  const { A } = run.env;
  const { page, goto, assertClean, consoleWarnings } = await openPage(run);
  await goto(`${A}${run.env.pages.lazy}`);
  run.step(`reading the article for ${LAZY_READER_MS / 1000}s`);
  await sleep(LAZY_READER_MS);
  const waiting = await page.locator('#quiz').evaluate((frame) => frame.contentDocument?.URL ?? 'cross-origin');
  assertEqual(waiting, 'about:blank', 'the lazy frame below the fold, before scrolling');
  const early = consoleWarnings().filter((text) => /postMessage/.test(text));
  assert(early.length === 0, `while the lazy frame waited, ${early.length} warning(s) on the host page, e.g.:\n    ${early[0]}`);
  run.step('scrolling to the frame');
  await page.locator('#quiz').scrollIntoViewIfNeeded();
  const frame = await frameOf(page, '#quiz');
  await waitForStart(frame, 'the lazy frame');
  const m = await assertFits(page, '#quiz', 'the lazy frame, once loaded');
  await assertClean();
  const late = consoleWarnings().filter((text) => /postMessage/.test(text));
  assert(late.length === 0, `postMessage warnings:\n    ${late.join('\n    ')}`);
  return `no warning in ${LAZY_READER_MS / 1000}s of waiting; sized to ${m.height}px once scrolled to`;
}

/** 2a. Two iframes with different seeds on one page. */
async function twoIframesIndependent(run) {
  const { A } = run.env;
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${A}${run.env.pages.twoFrames}`);
  const first = await frameOf(page, '#quiz-1');
  const second = await frameOf(page, '#quiz-2');
  await waitForQuestion(first, 1, COUNT, '#quiz-1');
  await waitForQuestion(second, 1, COUNT + 1, '#quiz-2');
  const one = await assertFits(page, '#quiz-1', '#quiz-1 after load');
  const two = await assertFits(page, '#quiz-2', '#quiz-2 after load');
  const prompts = [
    (await first.locator('fieldset.sq-question > legend').textContent()).trim(),
    (await second.locator('fieldset.sq-question > legend').textContent()).trim(),
  ];
  assert(prompts[0] !== prompts[1], `both frames ask the same first question (${prompts[0]}): the seeds did not apply`);

  run.step('answering in #quiz-1');
  const secondBefore = await widgetState(second);
  await answer(first, '#quiz-1, question 1');
  const oneAfter = await assertFits(page, '#quiz-1', '#quiz-1 with its feedback open');
  assert(oneAfter.height > one.height, `#quiz-1 did not grow with its feedback (${one.height}px -> ${oneAfter.height}px)`);
  await sleep(QUIET_MS);
  const twoAfter = await assertFits(page, '#quiz-2', '#quiz-2 after an answer in #quiz-1');
  assertEqual(twoAfter.height, two.height, '#quiz-2 height after an answer in #quiz-1');
  assert(
    JSON.stringify(await widgetState(second)) === JSON.stringify(secondBefore),
    '#quiz-2 changed when a question was answered in #quiz-1',
  );

  run.step('answering in #quiz-2');
  const firstBefore = await widgetState(first);
  await answer(second, '#quiz-2, question 1');
  await assertFits(page, '#quiz-2', '#quiz-2 with its feedback open');
  await sleep(QUIET_MS);
  assertEqual((await measureFrame(page, '#quiz-1')).height, oneAfter.height, '#quiz-1 height after an answer in #quiz-2');
  assert(JSON.stringify(await widgetState(first)) === JSON.stringify(firstBefore), '#quiz-1 changed when a question was answered in #quiz-2');
  await assertClean();
  return `#quiz-1 ${one.height}px -> ${oneAfter.height}px, #quiz-2 ${two.height}px, unchanged by #quiz-1`;
}

/** 2b. The two script mounts of examples/two-widgets.html. */
async function twoScriptMountsIndependent(run) {
  const { B } = run.env;
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${B}/examples/two-widgets.html`);
  const aid = page.locator('#quiz-aid');
  const russia = page.locator('#quiz-russia');
  await waitForStart(aid, '#quiz-aid');
  await waitForStart(russia, '#quiz-russia');
  const mounts = await page.evaluate(() =>
    ['quiz-aid', 'quiz-russia'].map((id) => {
      const host = document.getElementById(id);
      const widget = host.shadowRoot?.querySelector('.sq-widget');
      const button = widget?.querySelector('form.sq-start button.sq-primary');
      return {
        id,
        shadow: host.shadowRoot?.mode ?? null,
        lightChildren: host.children.length,
        classes: widget?.className ?? null,
        accent: button ? getComputedStyle(button).backgroundColor : null,
        background: widget ? getComputedStyle(widget).backgroundColor : null,
      };
    }),
  );
  for (const mount of mounts) {
    assertEqual(mount.shadow, 'open', `#${mount.id}: shadow root`);
    assertEqual(mount.lightChildren, 0, `#${mount.id}: elements in the light DOM`);
  }
  assertEqual(await page.evaluate(() => document.querySelectorAll('.sq-widget').length), 0, 'widgets outside shadow roots');
  const [aidMount, russiaMount] = mounts;
  assert(/\bsq-theme-light\b/.test(aidMount.classes), `#quiz-aid (data-theme=light) has classes "${aidMount.classes}"`);
  assert(/\bsq-theme-dark\b/.test(russiaMount.classes), `#quiz-russia (data-theme=dark) has classes "${russiaMount.classes}"`);
  assertEqual(russiaMount.accent, 'rgb(255, 176, 0)', '#quiz-russia (data-accent=#ffb000) start button background');
  assert(aidMount.accent !== russiaMount.accent, `both widgets have the accent ${aidMount.accent}`);
  assert(aidMount.background !== russiaMount.background, `both widgets have the background ${aidMount.background}`);

  // What each widget tells the page from here on (the demo's own log listens too).
  await page.evaluate(() => {
    window.__seen = [];
    document.addEventListener('sourced-quiz:answered', (event) =>
      window.__seen.push({ target: event.target.id, widget: event.detail.widget, topic: event.detail.question.topic }),
    );
  });
  run.step('starting both, answering in #quiz-aid');
  await startQuiz(aid);
  await startQuiz(russia);
  await waitForQuestion(aid, 1, 5, '#quiz-aid');
  await waitForQuestion(russia, 1, 5, '#quiz-russia');
  let russiaBefore = await widgetState(russia);
  await answer(aid, '#quiz-aid, question 1');
  await next(aid, 1, 5);
  await waitForQuestion(aid, 2, 5, '#quiz-aid');
  await answer(aid, '#quiz-aid, question 2');
  assert(JSON.stringify(await widgetState(russia)) === JSON.stringify(russiaBefore), '#quiz-russia changed when #quiz-aid was answered');

  run.step('answering in #quiz-russia');
  const aidBefore = await widgetState(aid);
  await answer(russia, '#quiz-russia, question 1');
  assert(JSON.stringify(await widgetState(aid)) === JSON.stringify(aidBefore), '#quiz-aid changed when #quiz-russia was answered');
  const seen = await page.evaluate(() => window.__seen);
  const expected = [
    ['quiz-aid', ['aid']],
    ['quiz-aid', ['aid']],
    ['quiz-russia', ['russia', 'nato']],
  ];
  assertEqual(seen.length, expected.length, `answered events (${JSON.stringify(seen)})`);
  for (const [i, [id, topics]] of expected.entries()) {
    assert(
      seen[i].target === id && seen[i].widget === id && topics.includes(seen[i].topic),
      `answered event ${i + 1}: ${JSON.stringify(seen[i])}, expected from #${id} on ${topics.join(' or ')}`,
    );
  }
  const log = await page.locator('#event-log').textContent();
  assert(/sourced-quiz:answered from #quiz-russia/.test(log), `the demo's event log did not list the answer:\n${log}`);
  await assertClean();
  return `two open shadow roots; light/blue vs dark/#ffb000; answers stayed in their own widget (topics ${seen.map((s) => s.topic).join(', ')})`;
}

/** 3a. Events from an iframe with host=A: postMessage to A, and embed.js's CustomEvents. */
async function iframeEvents(run) {
  const { A, B } = run.env;
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${A}${run.env.pages.single}`);
  const frame = await frameOf(page, '#quiz');
  await waitForStart(frame, 'the framed widget');
  await poll(() => recorded(page), (r) => r.messages.some((m) => m.data?.type === 'sourced-quiz:ready'));
  await startQuiz(frame);
  const answers = await takeQuiz(frame, { where: 'the framed widget', total: COUNT, run });
  const seen = await poll(
    () => recorded(page),
    (r) => r.messages.some((m) => m.data?.type === 'sourced-quiz:completed') && r.events.some((e) => e.type === 'sourced-quiz:completed'),
  );
  const messages = seen.messages.filter((m) => isEvent(m.data));
  for (const m of messages) {
    assert(m.origin === B && m.from === 'quiz', `a ${m.data.type} message came from ${m.from} at ${m.origin}, not from #quiz at ${B}`);
  }
  checkEvents(
    messages.map((m) => m.data),
    { widget: 'sourced-quiz', answers, quiz: `seed=${SEED}&count=${COUNT}`, base: `${B}/index.html`, where: 'postMessage to the host' },
  );
  // embed.js re-dispatches each message as a CustomEvent on the iframe, detail = the message.
  const events = seen.events.filter((e) => EVENT_TYPES.includes(e.type));
  assertEqual(events.map((e) => `${e.type} on #${e.target}`).join(', '), messages.map((m) => `${m.data.type} on #quiz`).join(', '), 'CustomEvents on the iframe');
  for (const [i, event] of events.entries()) {
    assert(JSON.stringify(event.detail) === JSON.stringify(messages[i].data), `CustomEvent ${event.type}: its detail differs from the message`);
  }
  const stray = seen.events.filter((e) => !EVENT_TYPES.includes(e.type));
  assert(stray.length === 0, `embed.js dispatched ${types(stray)} on the page`);
  await assertClean();
  return `${types(messages.map((m) => m.data))}; ${answers.filter((a) => a.right).length}/${COUNT} right; same as CustomEvents on the iframe`;
}

/** 3b. Events from script mounts: DOM events always, postMessage only with data-host. */
async function scriptMountEvents(run) {
  const { A, B } = run.env;
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${A}${run.env.pages.scriptEvents}`);
  const loud = page.locator('#quiz-loud');
  const quiet = page.locator('#quiz-quiet');
  await waitForStart(loud, '#quiz-loud');
  await waitForStart(quiet, '#quiz-quiet');
  await startQuiz(loud);
  const answers = await takeQuiz(loud, { where: '#quiz-loud', total: COUNT, run });
  await startQuiz(quiet);
  await waitForQuestion(quiet, 1, COUNT, '#quiz-quiet');
  const quietAnswer = await answer(quiet, '#quiz-quiet, question 1');
  const seen = await poll(
    () => recorded(page),
    (r) =>
      r.messages.some((m) => m.data?.type === 'sourced-quiz:completed') &&
      r.events.some((e) => e.target === 'quiz-quiet' && e.type === 'sourced-quiz:answered'),
  );
  const loudEvents = seen.events.filter((e) => e.target === 'quiz-loud');
  const quietEvents = seen.events.filter((e) => e.target === 'quiz-quiet');
  assert(
    seen.events.every((e) => e.composed),
    `events that do not cross the shadow root: ${types(seen.events.filter((e) => !e.composed))}`,
  );
  const base = `${B}/`;
  checkEvents(loudEvents.map((e) => e.detail), { widget: 'quiz-loud', answers, quiz: `seed=${SEED}&count=${COUNT}`, base, where: '#quiz-loud DOM events' });
  checkEvents(quietEvents.map((e) => e.detail), {
    widget: 'quiz-quiet',
    answers: [quietAnswer],
    total: COUNT,
    quiz: `seed=${OTHER_SEED}&count=${COUNT}`,
    base,
    where: '#quiz-quiet DOM events',
    completed: false,
  });
  // data-host is the page's own origin: the same events, posted to this window.
  await sleep(QUIET_MS / 3);
  const messages = (await recorded(page)).messages.filter((m) => isEvent(m.data));
  assert(
    messages.every((m) => m.from === 'self' && m.origin === A && m.data.widget === 'quiz-loud'),
    `messages not from #quiz-loud on this page: ${JSON.stringify(messages.filter((m) => m.data.widget !== 'quiz-loud').map((m) => [m.origin, m.from, m.data.type, m.data.widget]))}`,
  );
  assert(
    JSON.stringify(messages.map((m) => m.data)) === JSON.stringify(loudEvents.map((e) => e.detail)),
    `#quiz-loud posted ${types(messages.map((m) => m.data))}; its DOM events were ${types(loudEvents)}`,
  );
  await assertClean();
  return `#quiz-loud (data-host=${A}): ${types(loudEvents)} as DOM events and messages; #quiz-quiet: ${types(quietEvents)} as DOM events only`;
}

/** 3c. Without host, the framed widget posts nothing but its height. */
async function noHostNoMessages(run) {
  const { A } = run.env;
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${A}${run.env.pages.noHost}`);
  const frame = await frameOf(page, '#quiz');
  await waitForStart(frame, 'the framed widget');
  const loaded = await assertFits(page, '#quiz', 'after load');
  await startQuiz(frame);
  await waitForQuestion(frame, 1, COUNT, 'the framed widget');
  await answer(frame, 'the framed widget, question 1');
  const feedback = await assertFits(page, '#quiz', 'with the feedback open');
  assert(feedback.height !== loaded.height, `the frame kept ${loaded.height}px through the start screen and the feedback`);
  await sleep(QUIET_MS);
  const seen = await recorded(page);
  // Heights, and where the reader's place is after Check (for embed.js to keep it in view):
  // numbers about the frame, nothing about the reader or the quiz.
  const placement = (m) => m.data?.type === 'sourced-quiz:resize' || m.data?.type === 'sourced-quiz:scroll';
  const other = seen.messages.filter((m) => !placement(m));
  assert(other.length === 0, `messages without host: ${JSON.stringify(other)}`);
  const scrolls = seen.messages.filter((m) => m.data?.type === 'sourced-quiz:scroll');
  assert(
    scrolls.every((m) => Object.keys(m.data).sort().join() === 'bottom,top,type' && m.data.bottom > m.data.top),
    `scroll messages carry more than where the verdict is: ${JSON.stringify(scrolls)}`,
  );
  assert(seen.messages.length > 0, 'not even a resize message arrived');
  assert(seen.events.length === 0, `CustomEvents without host: ${types(seen.events)}`);
  await assertClean();
  return `only ${seen.messages.length - scrolls.length} resize and ${scrolls.length} scroll messages; sized ${loaded.height}px -> ${feedback.height}px`;
}

/** 4. Messages from a foreign origin (C) change nothing. */
async function foreignOriginIgnored(run) {
  const { A, B, C } = run.env;
  const results = [];

  // (a) C, framed next to the widget, posts fake resizes and forged events to the host page and
  // hellos to the widget frame. Had the widget accepted a hello, it would post its height to C's
  // origin through the host window, and Chromium would warn that the target origin does not match.
  {
    const { page, goto, assertClean, consoleWarnings } = await openPage(run);
    await goto(`${A}${run.env.pages.foreign}`);
    const frame = await frameOf(page, '#quiz');
    await waitForStart(frame, 'the framed widget');
    const before = await assertFits(page, '#quiz', 'after load');
    const foreign = await frameOf(page, '#ad');
    run.step('C attacks');
    await foreign.evaluate(() => window.attack());
    await sleep(QUIET_MS);
    const after = await measureFrame(page, '#quiz');
    assertEqual(after.height, before.height, `#quiz height after C posted {type: 'sourced-quiz:resize', height: 5000}`);
    assert(after.fits, `after C's messages: ${describeFit(after)}`);
    const seen = await recorded(page);
    // The widget's own ready (host=A) is the only event embed.js may have dispatched.
    const forged = seen.events.filter((e) => !(e.type === 'sourced-quiz:ready' && e.detail?.widget === 'sourced-quiz'));
    assert(forged.length === 0, `embed.js re-dispatched C's messages: ${JSON.stringify(forged)}`);
    assert(
      seen.messages.some((m) => m.from === 'ad' && m.data?.widget === 'forged'),
      "the host page never received C's forged messages: the check above proves nothing",
    );
    const received = await foreign.evaluate(() => window.__received);
    assert(received.length === 0, `C received ${JSON.stringify(received)}`);
    const leaked = consoleWarnings().filter((text) => text.includes(`('${C}')`));
    assert(leaked.length === 0, `the widget answered C's hello (it posted to C's origin):\n    ${leaked.join('\n    ')}`);
    results.push(`fake resize 5000 and forged completed ignored, hello from C unanswered (${before.height}px kept)`);

    // (b) The widget's own frame navigated to C (a link, a redirect): C is now its source, and
    // still not its origin.
    run.step('the widget frame goes to C');
    await frame.goto(`${C}/__e2e/foreign.html`);
    await frame.evaluate(() => window.attack());
    await sleep(QUIET_MS);
    const navigated = await page.locator('#quiz').evaluate((f) => f.clientHeight);
    assertEqual(navigated, before.height, '#quiz height after the page in it (now at C) posted a resize of 5000');
    const afterNavigation = (await recorded(page)).events.slice(seen.events.length);
    assert(afterNavigation.length === 0, `embed.js re-dispatched messages from C in the widget's frame: ${JSON.stringify(afterNavigation)}`);
    await assertClean();
    results.push('a resize from C inside the widget frame ignored');
  }

  // (c) host=A, framed by C (with embed.js): C's hello is from an origin `host` does not admit,
  // so the widget never answers it. The control frame next to it (host=C) is sized as usual.
  {
    const { page, goto, assertClean } = await openPage(run);
    await goto(`${C}${run.env.pages.wrongParent}`);
    const excluded = await frameOf(page, '#quiz-for-a');
    const control = await frameOf(page, '#quiz-for-c');
    await waitForStart(excluded, '#quiz-for-a');
    await waitForStart(control, '#quiz-for-c');
    const sized = await assertFits(page, '#quiz-for-c', 'the control frame (host=C) on C');
    await sleep(QUIET_MS);
    const m = await measureFrame(page, '#quiz-for-a');
    assertEqual(m.height, 300, `#quiz-for-a (host=${A}) on a page at C: height`);
    const seen = await recorded(page);
    const fromExcluded = seen.messages.filter((message) => message.from === 'quiz-for-a');
    assert(fromExcluded.length === 0, `#quiz-for-a (host=${A}) posted to C: ${JSON.stringify(fromExcluded)}`);
    assert(
      seen.messages.some((message) => message.from === 'quiz-for-c' && message.data?.type === 'sourced-quiz:resize'),
      'the control frame (host=C) sent no resize',
    );
    await assertClean();
    results.push(`a hello from C to a widget with host=${A} unanswered (control with host=C sized to ${sized.height}px)`);
  }
  return results.join('; ');
}

/** 5. pym.js: pym.Parent creates the frame, the widget speaks pym's height message. */
async function pymParent(run) {
  const { A, B } = run.env;
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${A}${run.env.pages.pym}`);
  const selector = '#quiz-pym iframe';
  await page.locator(selector).waitFor({ state: 'attached' });
  const src = new URL(await page.locator(selector).getAttribute('src'));
  assertEqual(src.origin, B, 'the pym frame origin');
  assertEqual(src.searchParams.get('childId'), 'quiz-pym', 'the childId pym passed');
  const frame = await frameOf(page, selector);
  await waitForStart(frame, 'the pym child');
  const fitsByAttribute = async (when) => {
    const m = await poll(
      () => measureFrame(page, selector),
      (m) => m.fits && parseInt(m.attribute, 10) === m.height,
    );
    assert(m.attribute !== null, `${when}: pym never set the frame's height attribute: ${describeFit(m)}`);
    assert(
      Math.abs(parseInt(m.attribute, 10) - m.body) <= FIT_TOLERANCE_PX && m.fits,
      `${when}: the pym frame does not fit its content: ${describeFit(m)}`,
    );
    return parseInt(m.attribute, 10);
  };
  const loaded = await fitsByAttribute('after load');
  await startQuiz(frame);
  await waitForQuestion(frame, 1, COUNT, 'the pym child');
  const question = await fitsByAttribute('question 1');
  await answer(frame, 'the pym child, question 1');
  const feedback = await fitsByAttribute('with the feedback open');
  assert(feedback > question, `pym's height did not follow the feedback (${question}px -> ${feedback}px)`);
  const messages = (await recorded(page)).messages.filter((m) => typeof m.data === 'string' && m.data.startsWith('pymxPYMx'));
  // Heights; and after Check, a question where the frame is (to keep the verdict in view).
  assert(
    messages.every((m) => m.origin === B && /^pymxPYMxquiz-pymxPYMx(heightxPYMx\d+|parentPositionInfoxPYMx|scrollToChildPosxPYMx-?\d+)$/.test(m.data)),
    `pym messages: ${JSON.stringify(messages.slice(0, 5))}`,
  );
  await assertClean();
  return `height attribute ${loaded}px -> ${question}px -> ${feedback}px (${messages.length} pym height messages from ${B})`;
}

/** 6. The demo pages, under the strict CSP: a question answered in every widget. */
async function demosUnderCsp(run) {
  const { B } = run.env;
  const done = [];
  {
    const { page, goto, assertClean } = await openPage(run);
    await goto(`${B}/examples/two-widgets.html`);
    for (const id of ['quiz-aid', 'quiz-russia']) {
      const widget = page.locator(`#${id}`);
      await waitForStart(widget, `#${id}`);
      await startQuiz(widget);
      await waitForQuestion(widget, 1, 5, `#${id}`);
      const { kind } = await answer(widget, `#${id}, question 1`);
      done.push(`#${id}: ${kind} answered`);
    }
    await assertClean();
  }
  {
    const { page, goto, assertClean } = await openPage(run);
    await goto(`${B}/examples/news-article.html`);
    const selector = 'iframe[data-sourced-quiz-frame]';
    const frame = await frameOf(page, selector);
    await waitForStart(frame, 'the news-article frame');
    await assertFits(page, selector, 'news-article.html after load');
    await startQuiz(frame);
    await waitForQuestion(frame, 1, 5, 'the news-article frame');
    const { kind } = await answer(frame, 'the news-article frame, question 1');
    const m = await assertFits(page, selector, 'news-article.html with the feedback open');
    await assertClean();
    done.push(`news-article frame: ${kind} answered, sized ${m.height}px`);
  }
  return `${done.join('; ')}; policy ${CSP}`;
}

// 7. A hostile host stylesheet.

/** Overrides of the kind real sites ship, all !important, aimed at everything a widget could inherit. */
const HOSTILE_CSS = `/* Test fixture: a host page's stylesheet at its worst. */
html { font-size: 62.5% !important; }
body { font-size: 30px !important; line-height: 3 !important; }
* {
  color: red !important; font-family: serif !important; letter-spacing: .5em !important; line-height: 3 !important;
  word-spacing: 1em !important; text-shadow: 0 0 2px blue !important; box-sizing: content-box !important;
  cursor: wait !important; transition: all 5s !important;
}
div, button, input, label { display: inline !important; all: unset !important; }
button, .sq-primary { background: red !important; border: 5px dotted lime !important; min-height: 0 !important; }
[data-sourced-quiz] {
  font-size: 40px !important; color: lime !important; text-transform: uppercase !important;
  font-style: italic !important; font-weight: 100 !important; font-variant: small-caps !important;
  text-align: right !important; text-indent: 5em !important; white-space: nowrap !important;
  word-break: break-all !important; hyphens: auto !important; font-feature-settings: "smcp" !important;
  -webkit-text-fill-color: red !important; caret-color: red !important; accent-color: red !important;
  color-scheme: dark !important; visibility: visible !important; quotes: "<" ">" !important;
  list-style: square inside !important; tab-size: 20 !important;
  /* A right-to-left site (html dir="rtl", as for Arabic or Hebrew) gives its elements this. */
  direction: rtl !important;
  /* The widget's own custom properties: they inherit into the shadow root. */
  --sq-fg: red !important; --sq-bg: lime !important; --sq-accent: red !important; --sq-radius: 40px !important;
}
:root { --sq-fg: red !important; --sq-bg: lime !important; --sq-focus: red !important; }
`;

/** Computed styles compared between the hostile and the clean page, for each of the elements below. */
const STYLE_PROPERTIES = [
  'font-size', 'font-family', 'font-weight', 'font-style', 'font-variant-caps', 'font-feature-settings', 'line-height',
  'color', '-webkit-text-fill-color', 'background-color', 'letter-spacing', 'word-spacing', 'text-transform',
  'text-shadow', 'text-align', 'text-indent', 'white-space', 'word-break', 'hyphens', 'direction', 'visibility',
  'display', 'box-sizing', 'cursor', 'caret-color', 'accent-color', 'color-scheme', 'min-height', 'padding-top',
  'padding-left', 'border-top-width', 'border-top-style', 'border-top-color', 'border-top-left-radius', 'quotes',
  'list-style-type', 'tab-size', 'transition-duration',
];
const STYLED_ELEMENTS = {
  widget: '.sq-widget',
  title: 'h1.sq-title',
  legend: 'form.sq-start legend',
  chip: 'form.sq-start label.sq-chip',
  radio: 'form.sq-start input[type=radio]',
  start: 'form.sq-start button.sq-primary',
  link: '.sq-widget a',
  question: 'form.sq-card h2',
  prompt: 'fieldset.sq-question > legend',
  option: 'form.sq-card .sq-options label',
  check: 'form.sq-card button[type=submit]',
  verdict: 'form.sq-card .sq-verdict',
  feedback: 'form.sq-card .sq-feedback',
};

/** Computed styles and sizes of STYLED_ELEMENTS present in the shadow root of `host`. */
function widgetStyles(page, host) {
  return page.evaluate(
    ([host, elements, properties]) => {
      const root = document.querySelector(host).shadowRoot;
      const out = {};
      for (const [name, selector] of Object.entries(elements)) {
        const element = root.querySelector(selector);
        if (!element) continue;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        out[name] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
        out[name].size = `${box.width.toFixed(2)}x${box.height.toFixed(2)}`;
      }
      return out;
    },
    [host, STYLED_ELEMENTS, STYLE_PROPERTIES],
  );
}

/**
 * Differences between the clean and the hostile page's computed styles over all screens, one line
 * per property and pair of values, naming the elements and screens where they occur.
 */
function styleDifferences(clean, hostile) {
  const groups = new Map();
  const note = (key, name, screen) => {
    const group = groups.get(key) ?? { elements: new Set(), screens: new Set() };
    group.elements.add(name);
    group.screens.add(screen);
    groups.set(key, group);
  };
  for (const [screen, { styles }] of Object.entries(clean)) {
    const other = hostile[screen].styles;
    for (const [name, values] of Object.entries(styles)) {
      if (!other[name]) {
        note('missing on the hostile page', name, screen);
        continue;
      }
      for (const [property, value] of Object.entries(values)) {
        if (other[name][property] !== value) {
          note(`${property}: ${JSON.stringify(other[name][property])} on the hostile page, ${JSON.stringify(value)} on the clean one`, name, screen);
        }
      }
    }
  }
  return [...groups].map(
    ([key, { elements, screens }]) => `${key}, on ${[...elements].join(', ')} (${[...screens].join(', ')})`,
  );
}

/** The start button is on top at its centre (not covered, not collapsed) and large enough to hit. */
function hitTest(page, host, selector) {
  return page.evaluate(
    ([host, selector]) => {
      const root = document.querySelector(host).shadowRoot;
      const element = root.querySelector(selector);
      const box = element.getBoundingClientRect();
      const hit = root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return { width: box.width, height: box.height, onTop: !!hit && (hit === element || element.contains(hit)) };
    },
    [host, selector],
  );
}

/**
 * One page's walk through the widget: styles and a picture of the start screen, the question and
 * its feedback, then on to question 2 (a question completed).
 */
async function hostileWalk(run, url) {
  const handle = await openPage(run);
  const { page, goto } = handle;
  await goto(url);
  const widget = page.locator('#quiz');
  await waitForStart(widget, url);
  const screens = {};
  const shoot = async (name) => {
    await page.mouse.move(0, 0);
    screens[name] = {
      styles: await widgetStyles(page, '#quiz'),
      picture: await widget.locator('.sq-widget').screenshot({ animations: 'disabled', caret: 'hide' }),
    };
  };
  await shoot('start screen');
  const hit = await hitTest(page, '#quiz', 'form.sq-start button.sq-primary');
  await startQuiz(widget);
  await waitForQuestion(widget, 1, COUNT, url);
  await shoot('question 1');
  const answered = await answer(widget, `${url}, question 1`);
  await shoot('feedback 1');
  await next(widget, 1, COUNT);
  await waitForQuestion(widget, 2, COUNT, url);
  return { handle, screens, hit, answered };
}

async function hostileStylesheet(run) {
  const { B } = run.env;
  const clean = await hostileWalk(run, `${B}${run.env.pages.clean}`);
  const hostile = await hostileWalk(run, `${B}${run.env.pages.hostile}`);
  const problems = styleDifferences(clean.screens, hostile.screens);
  const hints = [];
  if (problems.some((line) => line.startsWith('direction:'))) {
    // `all: initial` resets every property but `direction` and `unicode-bidi` (CSS Cascade 4, §3.2).
    hints.push(
      'known cause of the direction difference: `all: initial` on .sq-widget leaves `direction` inherited from the ' +
        'host element, so on a right-to-left page the widget is laid out right to left and its punctuation moves ' +
        '("?Have a class code"); the widget root needs dir="ltr" (src/web/app.rs) or ' +
        '`direction: ltr; unicode-bidi: isolate` (style/widget.css)',
    );
  }
  const start = hostile.screens['start screen'].styles.start;
  // The start button is 1.125em of the reader's default size (medium, 16px), whatever the host's root size.
  if (start['font-size'] !== '18px') problems.push(`the start button's font-size is ${start['font-size']}, not 18px (1.125 × medium)`);
  for (const [name, styles] of Object.entries(hostile.screens['feedback 1'].styles)) {
    for (const property of ['color', 'background-color', '-webkit-text-fill-color']) {
      if (['rgb(255, 0, 0)', 'rgb(0, 255, 0)'].includes(styles[property])) problems.push(`${name} ${property} is the host's ${styles[property]}`);
    }
    if (styles['text-transform'] !== 'none') problems.push(`${name} text-transform is ${styles['text-transform']}`);
  }
  if (!(hostile.hit.onTop && hostile.hit.width >= 44 && hostile.hit.height >= 44)) {
    problems.push(`the start button cannot be hit: ${JSON.stringify(hostile.hit)}`);
  }
  if (hostile.answered.kind !== clean.answered.kind) problems.push(`question 1 is ${hostile.answered.kind} on the hostile page, ${clean.answered.kind} on the clean one`);
  // Whatever computed styles miss (propagated decorations, pseudo-elements): the pixels.
  const differentPictures = Object.keys(clean.screens).filter(
    (screen) => !clean.screens[screen].picture.equals(hostile.screens[screen].picture),
  );
  if (differentPictures.length) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const screen of differentPictures) {
      const file = screen.replace(/\W+/g, '-');
      fs.writeFileSync(path.join(ARTIFACTS, `embed-clean-${file}.png`), clean.screens[screen].picture);
      fs.writeFileSync(path.join(ARTIFACTS, `embed-hostile-${file}.png`), hostile.screens[screen].picture);
    }
    problems.push(
      `the widget looks different on the hostile page on: ${differentPictures.join(', ')} ` +
        `(pictures in ${path.relative(process.cwd(), ARTIFACTS)}/embed-{clean,hostile}-*.png)`,
    );
  }

  // The widget's CSS stays in its shadow root: host elements wearing its class names are styled
  // exactly as on the same page without the widget.
  const leakPage = await openPage(run);
  await leakPage.goto(`${B}${run.env.pages.clean}`);
  await waitForStart(leakPage.page.locator('#quiz'), 'the clean page');
  const baseline = await openPage(run);
  await baseline.goto(`${B}${run.env.pages.noWidget}`);
  const decoys = (page) =>
    page.evaluate((properties) => {
      const out = {};
      for (const element of document.querySelectorAll('[data-decoy]')) {
        const style = getComputedStyle(element);
        out[`${element.tagName.toLowerCase()}.${element.className}`] = Object.fromEntries(
          [...properties, 'max-width', 'margin-left', 'padding-bottom'].map((p) => [p, style.getPropertyValue(p)]),
        );
      }
      return out;
    }, STYLE_PROPERTIES);
  const [withWidget, withoutWidget] = [await decoys(leakPage.page), await decoys(baseline.page)];
  assert(Object.keys(withoutWidget).length >= 4, `the decoys are missing: ${Object.keys(withoutWidget)}`);
  for (const [decoy, styles] of Object.entries(withoutWidget)) {
    for (const [property, value] of Object.entries(styles)) {
      if (withWidget[decoy]?.[property] !== value) {
        problems.push(`leak: the host's <${decoy}> ${property} is ${JSON.stringify(withWidget[decoy]?.[property])} with the widget on the page, ${JSON.stringify(value)} without`);
      }
    }
  }
  const documentSheets = await leakPage.page.evaluate(() => Array.from(document.styleSheets).map((sheet) => sheet.href));
  if (documentSheets.some((href) => /widget-.*\.css/.test(href ?? ''))) problems.push(`the widget's stylesheet is in the host document: ${documentSheets}`);

  for (const handle of [clean.handle, hostile.handle, leakPage, baseline]) await handle.assertClean();
  assert(problems.length === 0, `${problems.length} problem(s) with a hostile host stylesheet:\n    ${[...problems, ...hints].join('\n    ')}`);
  return `${Object.keys(clean.screens).length} screens identical in computed styles (${STYLE_PROPERTIES.length} properties x ${Object.keys(STYLED_ELEMENTS).length} elements) and pixels; question 1 answered and question 2 reached; ${Object.keys(withoutWidget).length} decoys unstyled`;
}

/** 8. The demo pages in dist/examples load cleanly. */
async function demosLoad(run) {
  const { B } = run.env;
  const lines = [];
  for (const demo of fs.readdirSync(path.join(DIST, 'examples')).filter((f) => f.endsWith('.html')).sort()) {
    const { page, goto, assertClean, consoleWarnings } = await openPage(run);
    await goto(`${B}/examples/${demo}`);
    const widgets = [];
    for (const host of await page.locator('[data-sourced-quiz]').all()) {
      await waitForStart(host, `${demo} #${await host.getAttribute('id')}`);
      widgets.push('script mount');
    }
    for (const selector of ['iframe[data-sourced-quiz-frame]', '[data-pym-src] iframe']) {
      const count = await page.locator(selector).count();
      for (let i = 0; i < count; i++) {
        const frame = await (await page.locator(selector).nth(i).elementHandle()).contentFrame();
        await waitForStart(frame, `${demo} ${selector}`);
        const m = await poll(
          () => measureFrame(page, `${selector} >> nth=${i}`),
          (m) => m.fits,
        );
        assert(m.fits, `${demo}: ${selector} does not fit its content: ${describeFit(m)}`);
        widgets.push(selector.startsWith('[data-pym') ? `pym frame ${m.height}px` : `embed.js frame ${m.height}px`);
      }
    }
    assert(widgets.length > 0, `${demo}: no widget on the page`);
    await sleep(500);
    await assertClean();
    const ours = consoleWarnings().filter((text) => /sourced-quiz/i.test(text));
    assert(ours.length === 0, `${demo}: the widget warned:\n    ${ours.join('\n    ')}`);
    for (const text of consoleWarnings().filter((text) => !/sourced-quiz/i.test(text))) run.warn(`${demo}: browser warning: ${text}`);
    lines.push(`${demo}: ${widgets.join(', ')}`);
  }
  return lines.join('; ');
}

/** 9. Bad and unknown settings: a message naming the key as the page spelled it, and a warning. */
async function settingsErrors(run) {
  const { B } = run.env;
  const found = [];
  for (const [url, spelled, scope] of [
    [`${B}${run.env.pages.badAttributes}`, 'data-', (page) => page.locator('#quiz')],
    [`${B}/index.html?theme=blue&colour=red&persist=off`, '', (page) => page.mainFrame()],
  ]) {
    const { page, goto, assertClean, consoleWarnings } = await openPage(run);
    await goto(url);
    const widget = scope(page);
    await waitForStart(widget, url);
    const alert = (await widget.locator('form.sq-start [role=alert]').textContent()).trim();
    const message = `\`${spelled}theme=blue\` is not valid: ${spelled}theme expects light, dark or auto`;
    assert(alert.includes(message), `${url}: the alert says ${JSON.stringify(alert)}, expected it to contain ${JSON.stringify(message)}`);
    const warning = await poll(
      async () => consoleWarnings().find((text) => text.includes(`\`${spelled}colour\``)),
      (text) => text !== undefined,
      2_000,
    );
    assert(warning, `${url}: no console warning names \`${spelled}colour\` (warnings: ${JSON.stringify(consoleWarnings())})`);
    await assertClean();
    found.push(`${spelled || 'URL '}: "${message}" + warning`);
  }
  return found.join('; ');
}

/** 10. axe-core on the two-widgets demo: both shadow roots, start, question, feedback. */
async function axeTwoWidgets(run) {
  const { B } = run.env;
  const log = new ViolationLog();
  let scans = 0;
  for (const colorScheme of ['light', 'dark']) {
    // axe-core copies each shadow root's <link rel=stylesheet> into a <style> of its own to read
    // it, which the strict CSP blocks (console errors that are the tool's, not the widget's):
    // this test alone runs with CSP bypassed; the others keep it.
    const { page, goto, assertClean } = await openPage(run, { colorScheme, bypassCSP: true });
    const scan = async (screen) => {
      run.step(`axe, ${colorScheme}: ${screen}`);
      log.add(`${colorScheme}/${screen}`, await runAxe(page));
      scans++;
    };
    await goto(`${B}/examples/two-widgets.html`);
    const widgets = [page.locator('#quiz-aid'), page.locator('#quiz-russia')];
    for (const widget of widgets) await waitForStart(widget, 'two-widgets.html');
    await scan('start screens');
    for (const widget of widgets) await startQuiz(widget);
    for (const widget of widgets) await waitForQuestion(widget, 1, 5, 'two-widgets.html');
    await scan('question 1 in both');
    for (const widget of widgets) await answer(widget, 'two-widgets.html, question 1');
    await scan('feedback 1 in both');
    await assertClean();
  }
  assert(log.size === 0, `axe found ${log.size} rule(s) violated (${scans} scans):\n${log}`);
  return `${scans} scans (light and dark), no violations`;
}


// ---------------------------------------------------------------------------------------------
// Newsroom conditions: WordPress's sandbox, oEmbed, lazy loading, layout shift, the reader's place.

/** WordPress's own wp-embed.js, from Debian's `wordpress` package (scripts/setup installs it). */
const WP_EMBED_JS = '/usr/share/wordpress/wp-includes/js/wp-embed.js';
const WP_SECRET = 'Xq3cT9bK1z';
/** wp-embed.js's bounds for a frame's height. */
const WP_MIN = 200;
const WP_MAX = 1000;
/** What the reader must see is in view when its box is inside the viewport (±1 px of rounding). */
const inView = (box, viewport) => box.top >= -1 && box.bottom <= viewport + 1;

/**
 * The markup WordPress 6.1 writes for our oEmbed response, byte for byte as the real WordPress
 * of tests/e2e/wordpress.mjs caches and renders it (wp_filter_oembed_result: kses, the secret in
 * the src and in data-secret, the blockquote shown and the iframe clipped until the frame speaks,
 * sandbox="allow-scripts" security="restricted"; wpautop's paragraphs around both).
 */
function wordpressMarkup(src, secret, { height = 640 } = {}) {
  const title = 'Carney in Kyiv: a sourced quiz';
  return (
    `<blockquote class="wp-embedded-content" data-secret="${secret}"><p><a href="${src}">${title}</a></p></blockquote>\n` +
    `<p><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" ` +
    `title="${title}" src="${src}#?secret=${secret}" data-secret="${secret}" width="100%" height="${height}" frameborder="0"></iframe></p>`
  );
}

/** The frame wp-embed sizes, as it stands: its height attribute, whether it is shown, the blockquote. */
function wordpressFrame(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('iframe.wp-embedded-content');
    const quote = document.querySelector('blockquote.wp-embedded-content');
    return { height: Number(frame.getAttribute('height')), clipped: frame.hasAttribute('style'), quote: getComputedStyle(quote).display };
  });
}

/**
 * 11. In WordPress's sandbox (allow-scripts only: an opaque origin, no forms, no storage), with
 * WordPress's markup and its real wp-embed.js: styled, every control works (Start, Check by
 * Enter in a text field, Next), no storage and no error, heights to wp-embed with its secret,
 * the 1000 px cap honoured by scrolling inside only when the content is taller.
 */
async function wordpressSandbox(run) {
  const { A, B } = run.env;
  // A phone's width: a numeric question's feedback with every disclosure open is then surely
  // taller than wp-embed's 1000 px cap (at 1280 px it may fit under it).
  const { page, goto, assertClean, consoleWarnings } = await openPage(run, { viewport: PHONE });
  await goto(`${A}${run.env.pages.wordpress}`);
  const frame = await frameOf(page, 'iframe.wp-embedded-content');
  await waitForStart(frame, 'the sandboxed frame');
  const inside = await frame.evaluate(() => {
    let storage;
    try {
      storage = typeof localStorage.length;
    } catch (error) {
      storage = error.name;
    }
    const button = document.querySelector('form.sq-start button.sq-primary');
    return { origin: window.origin, storage, sheets: document.styleSheets.length, background: getComputedStyle(button).backgroundColor };
  });
  assertEqual(inside.origin, 'null', 'the sandboxed frame has an opaque origin');
  assertEqual(inside.storage, 'SecurityError', 'localStorage in the sandboxed frame');
  assert(inside.sheets >= 2, `the sandboxed frame has ${inside.sheets} stylesheet(s): page.css and widget.css were refused`);
  assertEqual(inside.background, 'rgb(11, 87, 208)', 'the Start button is styled (widget.css loaded)');

  const fitted = async (when) => {
    const m = await poll(
      async () => ({ ...(await wordpressFrame(page)), body: await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)) }),
      (m) => !m.clipped && m.height === Math.min(WP_MAX, Math.max(WP_MIN, m.body)),
    );
    assert(!m.clipped && m.quote === 'none', `${when}: wp-embed never showed the frame (still clipped: ${m.clipped}, blockquote ${m.quote})`);
    assertEqual(m.height, Math.min(WP_MAX, Math.max(WP_MIN, m.body)), `${when}: the height wp-embed gave the frame (content ${m.body}px)`);
    const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight);
    assertEqual(scrolls, m.body > WP_MAX, `${when}: the frame scrolls inside (content ${m.body}px, frame ${m.height}px)`);
    return m;
  };
  const heights = [`start ${(await fitted('the start screen')).height}`];
  run.step('Start, then a numeric answer checked with Enter, then Next, all in the sandbox');
  await startQuiz(frame);
  await waitForQuestion(frame, 1, COUNT, 'the sandboxed frame');
  heights.push(`question ${(await fitted('question 1')).height}`);
  await frame.locator('form.sq-card input[type=text]').fill('220');
  await frame.locator('form.sq-card input[type=text]').press('Enter');
  await frame.locator('.sq-verdict-line').waitFor({ timeout: 5_000 });
  // Every disclosure open: taller than wp-embed's cap, so the frame scrolls inside.
  await frame.evaluate(() => document.querySelectorAll('form.sq-card details').forEach((d) => (d.open = true)));
  const capped = await fitted('question 1, every disclosure of its feedback open');
  heights.push(`feedback ${capped.height}`);
  assertEqual(capped.height, WP_MAX, 'the frame with a feedback taller than 1000 px');
  run.step('Next from the bottom of the capped frame');
  await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await frame.locator('form.sq-card button.sq-go').evaluate((button) => button.click());
  await waitForQuestion(frame, 2, COUNT, 'the sandboxed frame');
  const heading = await frame.evaluate(() => {
    const box = document.querySelector('form.sq-card h2').getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, viewport: innerHeight };
  });
  assert(inView(heading, heading.viewport), `after Next, question 2's heading is out of the frame's view: ${JSON.stringify(heading)}`);
  heights.push(`question 2 ${(await fitted('question 2')).height}`);

  const messages = (await recorded(page)).messages.filter((m) => m.data?.message === 'height');
  assert(
    messages.length > 0 && messages.every((m) => m.origin === 'null' && m.from === '' && Object.keys(m.data).sort().join() === 'message,secret,value' && m.data.secret === WP_SECRET),
    `the height messages are not wp-embed's {secret, message, value} from the frame: ${JSON.stringify(messages.slice(0, 3))}`,
  );
  run.step('reloading: no storage, so no resume');
  await page.reload({ waitUntil: 'load' });
  const again = await frameOf(page, 'iframe.wp-embedded-content');
  await waitForStart(again, 'the sandboxed frame after a reload');
  await assertClean();
  const ours = consoleWarnings().filter((text) => /sourced-quiz/i.test(text));
  assert(ours.length === 0, `the widget warned in the sandbox:\n    ${ours.join('\n    ')}`);
  return `opaque origin, styled, localStorage ${inside.storage} (no resume, no warning); heights wp-embed set (px): ${heights.join(', ')}; ${messages.length} height messages with the secret`;
}

/** The oEmbed link of a page on `server` and the JSON it points to. */
async function discover(pageUrl) {
  const html = await (await fetch(pageUrl)).text();
  const links = [...html.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"[^>]*>/g)].map((m) => m[1]);
  assertEqual(links.length, 1, `${pageUrl}: oEmbed links in the page`);
  const head = html.slice(0, html.indexOf('</head>'));
  assert(head.includes(links[0]), `${pageUrl}: the oEmbed link is not in <head>, where WordPress looks`);
  const response = await fetch(links[0]);
  assertEqual(response.status, 200, `${links[0]}: status`);
  return { href: links[0], json: await response.json(), html };
}

/** Checks an oEmbed response against the spec's `rich` type and WordPress's expectations. */
function checkOembed({ href, json }, pageUrl, base) {
  const problems = [];
  const check = (ok, text) => ok || problems.push(text);
  check(json.version === '1.0' && json.type === 'rich', `version ${json.version}, type ${json.type}`);
  check(typeof json.title === 'string' && json.title.length > 0, `title ${JSON.stringify(json.title)}`);
  check(json.provider_name === 'Sourced Quiz' && json.provider_url === base, `provider ${json.provider_name} ${json.provider_url}`);
  check(Number.isInteger(json.width) && Number.isInteger(json.height) && json.height >= 200, `width ${json.width}, height ${json.height}`);
  check(json.html.startsWith(`<blockquote><a href="${pageUrl}">`), `html does not start with the blockquote fallback: ${json.html.slice(0, 80)}`);
  check(json.html.includes(`<iframe src="${pageUrl}" width="100%" height="${json.height}"`), `html has no iframe of ${pageUrl}: ${json.html}`);
  check(json.html.includes('loading="lazy"'), 'the iframe is not lazy');
  assert(problems.length === 0, `${href}:\n    ${problems.join('\n    ')}`);
}

/**
 * 12. oEmbed discovery: `sourced embed-page` gives the stand-alone page its oEmbed link and
 * writes q/NAME/ (settings baked in) with its own; both JSONs are what WordPress needs, and the
 * named page starts the quiz it was written for.
 */
async function oembedDiscovery(run) {
  const { A } = run.env;
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sq-oembed-'));
  run.closers.push(async () => fs.rmSync(copy, { recursive: true, force: true }));
  fs.cpSync(DIST, copy, { recursive: true });
  const server = await serveDist({ root: copy, cors: true, fixtures });
  run.closers.push(() => server.close());
  const base = `${server.base}/`;
  const cli = (args) =>
    execFileSync(CLI, ['embed-page', ...args, '--url', base, '--dist', copy], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  cli([]);
  cli(['aid-3', '--count', '3', '--topics', 'aid', '--theme', 'dark']);
  const root = await discover(base);
  checkOembed(root, base, base);
  const named = await discover(`${base}q/aid-3/`);
  checkOembed(named, `${base}q/aid-3/`, base);
  assert(named.html.includes('<main id="sourced-quiz" data-count="3" data-topics="aid" data-theme="dark">'), 'the named page does not carry its settings');
  // A bad setting is refused when the page is written, naming it.
  let refused = '';
  try {
    cli(['bad', '--count', '99']);
  } catch (error) {
    refused = String(error.stderr);
  }
  assert(/embed-page: `count=99` is not valid/.test(refused), `sourced embed-page with --count 99: ${JSON.stringify(refused)}`);

  run.step('the named page, framed by A, in WordPress\'s sandbox');
  const namedPage = hostPage('wordpress-named.html', {
    title: 'A WordPress post with the named page',
    head: HOST_HEAD,
    csp: `default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src ${server.base}`,
    body: `  <main>\n    ${wordpressMarkup(`${base}q/aid-3/`, WP_SECRET)}\n  </main>\n    <script src="/__e2e/wp-embed.js"></script>`,
  });
  const { page, goto, assertClean } = await openPage(run);
  await goto(`${A}${namedPage}`);
  const frame = await frameOf(page, 'iframe.wp-embedded-content');
  await waitForStart(frame, 'q/aid-3/ in a sandboxed frame');
  assertEqual(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark', 'q/aid-3/ page theme (data-theme baked in)');
  await startQuiz(frame);
  await waitForQuestion(frame, 1, 3, 'q/aid-3/');
  await assertClean();
  return `${root.href} and ${named.href}: rich, ${named.json.width}x${named.json.height}, blockquote + lazy iframe; q/aid-3/ asks 3 questions, dark`;
}

/** Records layout shifts in every document of a page (the host and each frame). */
const SHIFT_RECORDER = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, input: entry.hadRecentInput, at: Math.round(entry.startTime) });
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/** The cumulative layout shift not caused by the reader, in the page and in its frames. */
async function layoutShift(page) {
  const sum = (shifts) => shifts.filter((s) => !s.input).reduce((total, s) => total + s.value, 0);
  const host = sum(await page.evaluate(() => window.__shifts ?? []));
  let frames = 0;
  for (const frame of page.frames().slice(1)) frames += sum(await frame.evaluate(() => window.__shifts ?? []).catch(() => []));
  return { host, frames };
}

/**
 * 13. Lazy and stable: each snippet far below the fold of an article. Before the reader gets
 * near, the host page has fetched only the snippet's script from the quiz's host (≤ 5 KB, no
 * wasm, no stylesheet); scrolled to, the widget starts without moving anything (CLS 0, on the
 * host page and inside the frame). Then both snippets in the first screen: CLS 0 too.
 */
async function lazyAndStable(run) {
  const { A, B } = run.env;
  const figures = [];
  for (const [name, url, widgets] of [
    ['script mount below the fold', run.env.pages.lazyScript, ['quiz-script']],
    ['iframe below the fold', run.env.pages.lazyFrame, ['quiz']],
    ['both in the first screen', run.env.pages.firstScreen, ['quiz-script', 'quiz']],
  ]) {
    // The first screen is tall enough to show both widgets and the text after each, so that
    // any change in their height would move something in view.
    const viewport = name.includes('first screen') ? { width: DESKTOP.width, height: 1600 } : DESKTOP;
    const { page, goto, assertClean } = await openPage(run, { viewport });
    await page.addInitScript(SHIFT_RECORDER);
    const bytes = new Map();
    page.on('response', async (response) => {
      if (!response.url().startsWith(B)) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      bytes.set(response.url(), body);
    });
    await goto(`${A}${url}`);
    const below = name.includes('below');
    if (below) {
      await sleep(QUIET_MS);
      const before = [...bytes];
      const total = before.reduce((sum, [, body]) => sum + body.length, 0);
      const gzip = before.reduce((sum, [, body]) => sum + zlib.gzipSync(body, { level: 9 }).length, 0);
      const files = before.map(([u, body]) => `${new URL(u).pathname.split('/').pop()} ${body.length} B`);
      assert(!before.some(([u]) => /\.(wasm|css)$|sourced-quiz-|index\.html/.test(u)), `${name}: fetched before the reader got near: ${files.join(', ')}`);
      assert(total <= 5 * 1024, `${name}: ${total} bytes from the quiz's host before the reader got near (${files.join(', ')}), more than 5 KB`);
      figures.push(`${name}, before scrolling: ${files.join(' + ')} (${gzip} B gzip)`);
      run.step(`${name}: scrolling to it`);
      await page.evaluate((id) => document.getElementById(id).scrollIntoView(), widgets[0]);
    }
    for (const id of widgets) {
      await waitForStart(id === 'quiz' ? await frameOf(page, '#quiz') : page.locator(`#${id}`), `${name}: #${id}`);
    }
    await sleep(QUIET_MS);
    const cls = await layoutShift(page);
    assert(cls.host === 0 && cls.frames === 0, `${name}: layout shift while the widget started: host page ${cls.host}, frames ${cls.frames}`);
    const heights = await page.evaluate((ids) => ids.map((id) => Math.round(document.getElementById(id).getBoundingClientRect().height)), widgets);
    figures.push(`${name}: CLS ${cls.host} (in the frame ${cls.frames}), ${heights.join(' and ')} px reserved and kept`);
    await assertClean();
  }
  return figures.join('; ');
}

/**
 * Where `selector` inside a widget is, in the host page's viewport: `widget` is a frame's
 * selector on the host page (`frame: true`) or a script mount's element.
 */
async function boxInHost(page, widget, selector) {
  if (widget.frame) {
    const at = await page.locator(widget.selector).evaluate((frame) => frame.getBoundingClientRect().top + frame.clientTop);
    const frame = await frameOf(page, widget.selector);
    const box = await frame.locator(selector).first().evaluate((e) => ({ top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom }));
    return { top: at + box.top, bottom: at + box.bottom };
  }
  return page.locator(`${widget.selector} ${selector}`).first().evaluate((e) => ({ top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom }));
}

/**
 * 14. The reader's place: for an embed.js frame, a pym.js frame and a script mount, an
 * autostarted quiz partly in view does not scroll the host page; Check with the verdict in view
 * does not either; Next from the bottom of a tall feedback brings the new heading into view,
 * and so does Check from the bottom edge (the verdict). Clicks are the elements' own (no
 * scrolling by the test tool).
 */
async function readerInView(run) {
  const { A } = run.env;
  const lines = [];
  for (const [name, url, widget] of [
    ['embed.js frame', run.env.pages.placeFrame, { frame: true, selector: '#quiz' }],
    ['pym.js frame', run.env.pages.placePym, { frame: true, selector: '#quiz-pym iframe' }],
    ['script mount', run.env.pages.placeScript, { frame: false, selector: '#quiz-script' }],
  ]) {
    const { page, goto, assertClean } = await openPage(run);
    await goto(`${A}${url}`);
    const scope = widget.frame ? await (async () => {
      await page.locator(widget.selector).waitFor({ state: 'attached' });
      return frameOf(page, widget.selector);
    })() : page.locator(widget.selector);
    await waitForQuestion(scope, 1, COUNT, name);
    await sleep(QUIET_MS);
    const scrollY = () => page.evaluate(() => Math.round(window.scrollY));
    assertEqual(await scrollY(), 0, `${name}: the host page's scroll after an autostarted quiz loaded below the lead-in`);
    const viewport = await page.evaluate(() => innerHeight);
    const click = (selector) => scope.locator(selector).first().evaluate((e) => e.click());
    const place = async (selector, edge) => {
      const box = await boxInHost(page, widget, selector);
      await page.evaluate((by) => window.scrollBy(0, by), Math.round(edge === 'top' ? box.top : box.bottom - viewport));
      await sleep(200);
    };
    const settle = async (selector) => poll(() => boxInHost(page, widget, selector), (box) => inView(box, viewport), SETTLE_MS);

    run.step(`${name}: Check with the whole card in view`);
    await place('form.sq-card', 'top');
    let before = await scrollY();
    await click('form.sq-card .sq-options input[type=radio]');
    await click('form.sq-card button.sq-go');
    await scope.locator('.sq-verdict-line').waitFor({ timeout: 5_000 });
    await sleep(QUIET_MS);
    assertEqual(await scrollY(), before, `${name}: the host page's scroll after Check with the verdict in view`);

    run.step(`${name}: Next from the bottom of the feedback`);
    // Every disclosure open: a feedback taller than the view.
    await scope.locator('form.sq-card').evaluate((card) => card.querySelectorAll('details').forEach((d) => (d.open = true)));
    await sleep(300);
    await place('form.sq-card button.sq-go', 'bottom');
    const headingBefore = await boxInHost(page, widget, 'form.sq-card h2');
    assert(!inView(headingBefore, viewport), `${name}: the heading is in view before Next (${JSON.stringify(headingBefore)}): the check below proves nothing`);
    before = await scrollY();
    await click('form.sq-card button.sq-go');
    await waitForQuestion(scope, 2, COUNT, name);
    const heading = await settle('form.sq-card h2');
    assert(inView(heading, viewport), `${name}: after Next, question 2's heading is at ${JSON.stringify(heading)} in a ${viewport}px view`);
    const movedNext = before - (await scrollY());

    run.step(`${name}: Check from the bottom edge of the view`);
    await click('form.sq-card .sq-options input[type=radio]');
    await place('form.sq-card button.sq-go', 'bottom');
    await page.evaluate(() => window.scrollBy(0, -2));
    await click('form.sq-card button.sq-go');
    await scope.locator('.sq-verdict-line').waitFor({ timeout: 5_000 });
    const verdict = await settle('.sq-verdict-line');
    assert(inView(verdict, viewport), `${name}: after Check, the verdict is at ${JSON.stringify(verdict)} in a ${viewport}px view`);
    await assertClean();
    lines.push(`${name}: no scroll on load or on Check in view; Next scrolled up ${movedNext}px to the heading`);
  }
  return lines.join('; ');
}

// ---------------------------------------------------------------------------------------------
// Host pages, once the three origins are known.

function writeHostPages({ A, B, C }) {
  const framing = (frames) =>
    `default-src 'self'; script-src 'self' ${B} 'wasm-unsafe-eval'; style-src 'self' ${B}; frame-src ${frames}`;
  const head = HOST_HEAD;
  const frameTag = (id, query, height = 300) =>
    `    <iframe id="${id}" data-sourced-quiz-frame src="${B}/index.html?${query.replaceAll('&', '&amp;')}" title="Quiz: Carney in Kyiv" height="${height}"></iframe>`;
  const embed = `    <script src="${B}/embed.js" async></script>`;
  const article = '<h1>Carney in Kyiv</h1>\n    <p>A host page written by tests/e2e/embed.mjs.</p>';
  const pages = {};
  pages.single = hostPage('single.html', {
    title: 'One framed quiz',
    head,
    csp: framing(B),
    body: `  <main>\n    ${article}\n${frameTag('quiz', `seed=${SEED}&count=${COUNT}&host=${A}&persist=off`)}\n  </main>\n${embed}`,
  });
  pages.lazy = hostPage('lazy.html', {
    title: 'A framed quiz at the end of a long article',
    head,
    csp: framing(B),
    body:
      `  <main>\n    ${article}\n    <div class="long-read"></div>\n` +
      `${frameTag('quiz', `seed=${SEED}&count=${COUNT}&persist=off`).replace('<iframe ', '<iframe loading="lazy" ')}\n  </main>\n${embed}`,
  });
  pages.twoFrames = hostPage('two-frames.html', {
    title: 'Two framed quizzes',
    head,
    csp: framing(B),
    body:
      `  <main>\n    ${article}\n` +
      `${frameTag('quiz-1', `seed=${SEED}&count=${COUNT}&autostart=1&host=${A}`)}\n` +
      `${frameTag('quiz-2', `seed=${OTHER_SEED}&count=${COUNT + 1}&autostart=1&theme=dark&host=${A}`)}\n  </main>\n${embed}`,
  });
  pages.noHost = hostPage('no-host.html', {
    title: 'A framed quiz without host',
    head,
    csp: framing(B),
    body: `  <main>\n    ${article}\n${frameTag('quiz', `seed=${SEED}&count=${COUNT}&persist=off`)}\n  </main>\n${embed}`,
  });
  pages.foreign = hostPage('foreign-host.html', {
    title: 'A framed quiz next to a third party',
    head,
    csp: framing(`${B} ${C}`),
    body:
      `  <main>\n    ${article}\n${frameTag('quiz', `seed=${SEED}&count=${COUNT}&host=${A}&persist=off`)}\n` +
      `    <iframe id="ad" src="${C}/__e2e/foreign.html?hello=0" title="Advertisement" height="120"></iframe>\n  </main>\n${embed}`,
  });
  // Served from C: a page that frames one widget meant for A and one meant for C.
  pages.wrongParent = hostPage('wrong-parent.html', {
    title: 'Widgets framed by another site',
    head,
    csp: framing(B),
    body:
      `  <main>\n    ${article}\n${frameTag('quiz-for-a', `seed=${SEED}&count=${COUNT}&host=${A}&persist=off`)}\n` +
      `${frameTag('quiz-for-c', `seed=${SEED}&count=${COUNT}&host=${C}&persist=off`)}\n  </main>\n${embed}`,
  });
  pages.pym = hostPage('pym.html', {
    title: 'A quiz framed by pym.js',
    head,
    csp: framing(B),
    body:
      `  <main>\n    ${article}\n    <div id="quiz-pym" data-url="${B}/index.html?seed=${SEED}&amp;count=${COUNT}&amp;persist=off"></div>\n  </main>\n` +
      `    <script src="${B}/examples/pym.v1.min.js"></script>\n    <script src="/__e2e/pym-parent.js"></script>`,
  });
  // Script mounts on A, the module from B: B's origin in script-src (the module, the JS it
  // imports), style-src (the widget's stylesheet) and connect-src (the wasm is fetched).
  pages.scriptEvents = hostPage('script-events.html', {
    title: 'Two script-mounted quizzes',
    head,
    csp: `default-src 'self'; script-src 'self' ${B} 'wasm-unsafe-eval'; style-src 'self' ${B}; connect-src 'self' ${B}`,
    body:
      `  <main>\n    ${article}\n` +
      `    <div id="quiz-loud" data-sourced-quiz data-seed="${SEED}" data-count="${COUNT}" data-persist="off" data-host="${A}"></div>\n` +
      `    <div id="quiz-quiet" data-sourced-quiz data-seed="${OTHER_SEED}" data-count="${COUNT}" data-persist="off"></div>\n  </main>\n` +
      `    <script type="module" src="${B}/sourced-quiz.js"></script>`,
  });
  // The hostile-stylesheet pages, served from B like the widget (the same page with and
  // without the stylesheet, and without the widget). The mount comes first, so that it sits
  // at the same place on each; decoys wear the widget's class names.
  fixtures.set('/__e2e/hostile.css', { body: HOSTILE_CSS });
  const mount = `    <div id="quiz" data-sourced-quiz data-seed="${SEED}" data-count="${COUNT}" data-theme="light" data-persist="off"></div>`;
  const decoys =
    '    <div class="sq-widget" data-decoy><p class="sq-notice" data-decoy>Host notice</p>' +
    '<button type="button" class="sq-primary" data-decoy>Host button</button>' +
    '<form class="sq-card" data-decoy><fieldset class="sq-question" data-decoy><legend>Host legend</legend></fieldset></form></div>';
  const module = '    <script type="module" src="/sourced-quiz.js"></script>';
  pages.clean = hostPage('clean.html', { title: 'A clean host page', body: `${mount}\n${decoys}\n${module}` });
  pages.hostile = hostPage('hostile.html', {
    title: 'A hostile host page',
    head: '<link rel="stylesheet" href="/__e2e/hostile.css" />',
    body: `${mount}\n${decoys}\n${module}`,
  });
  // A reading quiz and an answer key beside a plain quiz: the first two need the classroom's bundle.
  pages.classroomMounts = hostPage('classroom-mounts.html', {
    title: 'Script-mounted quizzes, one of them a reading quiz',
    head,
    csp: `default-src 'self'; script-src 'self' ${B} 'wasm-unsafe-eval'; style-src 'self' ${B}; connect-src 'self' ${B}`,
    body:
      `  <main>\n    ${article}\n` +
      `    <div id="quiz-reading" data-sourced-quiz data-passage="2" data-seed="5" data-autostart="on" data-persist="off"></div>\n` +
      `    <div id="quiz-key" data-sourced-quiz data-view="key" data-seed="${SEED}" data-count="${COUNT}" data-persist="off"></div>\n` +
      `    <div id="quiz-plain" data-sourced-quiz data-seed="${SEED}" data-count="${COUNT}" data-persist="off"></div>\n  </main>\n` +
      `    <script type="module" src="${B}/sourced-quiz.js"></script>`,
  });
  // WordPress's markup for our oEmbed, with its real wp-embed.js (a WordPress page sends no CSP;
  // this one allows the style attribute WordPress writes, and frames B).
  if (fs.existsSync(WP_EMBED_JS)) fixtures.set('/__e2e/wp-embed.js', { body: fs.readFileSync(WP_EMBED_JS, 'utf8') });
  const wordpressCsp = `default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src ${B}`;
  pages.wordpress = hostPage('wordpress.html', {
    title: 'A WordPress post with the quiz pasted as a link',
    head,
    csp: wordpressCsp,
    body:
      `  <main>\n    ${article}\n    ${wordpressMarkup(`${B}/index.html?seed=${SEED}&amp;count=${COUNT}&amp;kinds=numeric`, WP_SECRET)}\n  </main>\n` +
      '    <script src="/__e2e/wp-embed.js"></script>',
  });
  // Script mount and iframe snippets as the README gives them (lazy, reserved room), far below
  // the fold, then in the first screen.
  const scripts = `default-src 'self'; script-src 'self' ${B} 'wasm-unsafe-eval'; style-src 'self' ${B}; connect-src 'self' ${B}; frame-src ${B}`;
  const snippets = (query) => [
    `    <div id="quiz-script" data-sourced-quiz class="quiz-slot" data-seed="${SEED}" data-count="${COUNT}" data-persist="off">The quiz is loading.</div>\n`,
    `${frameTag('quiz', query, 640).replace('<iframe ', '<iframe loading="lazy" ')}\n`,
  ];
  const loaders = `    <script type="module" src="${B}/sourced-quiz.js"></script>\n${embed}`;
  const [script, frame] = snippets(`seed=${SEED}&count=${COUNT}&persist=off`);
  pages.lazyScript = hostPage('lazy-script.html', {
    title: 'A script mount at the end of a long article',
    head,
    csp: scripts,
    body: `  <main>\n    ${article}\n    <div class="long-read"></div>\n${script}  </main>\n    <script type="module" src="${B}/sourced-quiz.js"></script>`,
  });
  pages.lazyFrame = hostPage('lazy-frame.html', {
    title: 'An iframe at the end of a long article',
    head,
    csp: scripts,
    body: `  <main>\n    ${article}\n    <div class="long-read"></div>\n${frame}  </main>\n${embed}`,
  });
  pages.firstScreen = hostPage('first-screen.html', {
    title: 'Both snippets in the first screen',
    head,
    csp: scripts,
    body: `  <main>\n${script}    <p>The article goes on between the two.</p>\n${frame}    <p>And after them.</p>\n    <div class="long-read"></div>\n  </main>\n${loaders}`,
  });
  // The reader's place: an autostarted quiz of choice questions after a lead-in, a long read after.
  const choices = `seed=${SEED}&count=${COUNT}&kinds=multiple_choice,true_false&autostart=1&persist=off`;
  pages.placeFrame = hostPage('place-frame.html', {
    title: 'A framed quiz in the middle of an article',
    head,
    csp: framing(B),
    body: `  <main>\n    <div class="lead-in"></div>\n${frameTag('quiz', choices, 640)}\n    <div class="long-read"></div>\n  </main>\n${embed}`,
  });
  pages.placePym = hostPage('place-pym.html', {
    title: 'A pym.js quiz in the middle of an article',
    head,
    csp: framing(B),
    body:
      `  <main>\n    <div class="lead-in"></div>\n    <div id="quiz-pym" class="quiz-slot" data-url="${B}/index.html?${choices.replaceAll('&', '&amp;')}"></div>\n    <div class="long-read"></div>\n  </main>\n` +
      `    <script src="${B}/examples/pym.v1.min.js"></script>\n    <script src="/__e2e/pym-parent.js"></script>`,
  });
  pages.placeScript = hostPage('place-script.html', {
    title: 'A script-mounted quiz in the middle of an article',
    head,
    csp: scripts,
    body:
      `  <main>\n    <div class="lead-in"></div>\n` +
      `    <div id="quiz-script" data-sourced-quiz class="quiz-slot" data-seed="${SEED}" data-count="${COUNT}" data-kinds="multiple_choice,true_false" data-autostart="1" data-persist="off"></div>\n` +
      `    <div class="long-read"></div>\n  </main>\n    <script type="module" src="${B}/sourced-quiz.js"></script>`,
  });
  pages.noWidget = hostPage('no-widget.html', { title: 'The clean host page without the widget', body: decoys });
  pages.badAttributes = hostPage('bad-attributes.html', {
    title: 'A quiz with a bad setting',
    body: `    <div id="quiz" data-sourced-quiz data-theme="blue" data-colour="red" data-persist="off"></div>\n${module}`,
  });
  return pages;
}

/**
 * Script mounts on A from B while the wasm is slow, then when it cannot load: each widget says it
 * is loading, in reserved room, then says plainly which file did not arrive and that B must send
 * CORS headers. Never a blank box.
 */
async function loadingAndFailure(run) {
  const { A, B } = run.env;
  const { page } = await openPage(run);
  let release;
  const held = new Promise((done) => (release = done));
  await page.route(`${B}/**/*_bg.wasm`, async (route) => {
    await held;
    await route.continue();
  });
  // Not `goto`: the page's load event waits for the module, which waits for the held wasm.
  await page.goto(`${A}${run.env.pages.scriptEvents}`, { waitUntil: 'commit' });
  const boot = page.locator('#quiz-loud .sq-boot');
  await boot.waitFor({ timeout: 5_000 });
  assertEqual((await boot.textContent()).trim(), 'Loading the quiz…', 'a script mount while its wasm loads');
  const room = await boot.evaluate((line) => line.getBoundingClientRect().height);
  assert(room >= 200, `the loading line keeps ${room}px for the widget`);
  release();
  await waitForStart(page.locator('#quiz-loud'), '#quiz-loud once the wasm arrives');
  await run.closeLast();

  const failing = await openPage(run);
  await failing.page.route(`${B}/**/*_bg.wasm`, (route) => route.abort());
  await failing.goto(`${A}${run.env.pages.scriptEvents}`);
  const alert = failing.page.locator('#quiz-quiet [role=alert]');
  await alert.waitFor({ timeout: 10_000 });
  const said = (await alert.textContent()).trim();
  assert(/could not load: \S+_bg\.wasm did not arrive/.test(said), `the failure names the file: ${JSON.stringify(said)}`);
  assert(said.includes('Access-Control-Allow-Origin') && said.includes('CORS'), `the failure names CORS for another site: ${JSON.stringify(said)}`);
  // The failed request and the console's report of it are what this test asks for.
  run.errors = run.errors.filter((e) => !/_bg\.wasm|could not load|Failed to fetch|Failed to load resource|ERR_FAILED|WebAssembly/i.test(e));
  return `while loading: "Loading the quiz…" in ${Math.round(room)}px; on failure: "${said.slice(0, 90)}…"`;
}

/**
 * 11. The script embed loads the reader's bundle, and the classroom's only for a mount that asks
 * for a reading passage or a classroom view (once for all such mounts).
 */
async function twoBundlesInScriptMounts(run) {
  const { A, B } = run.env;
  const bundleOf = (url) => (url.includes('/classroom/sourced-classroom-') ? 'classroom' : /\/sourced-quiz-\w+(_bg\.wasm|\.js)$/.test(url) ? 'reader' : null);
  const fetched = (requests, bundle, ext) => requests.filter((url) => bundleOf(url) === bundle && url.endsWith(ext));

  const plain = await openPage(run);
  await plain.goto(`${A}${run.env.pages.scriptEvents}`);
  await waitForStart(plain.page.locator('#quiz-loud'), '#quiz-loud');
  await waitForStart(plain.page.locator('#quiz-quiet'), '#quiz-quiet');
  const readerOnly = plain.requests.filter((url) => url.includes('/classroom/'));
  assert(readerOnly.length === 0, `two reader's mounts asked for the classroom's files:\n    ${readerOnly.join('\n    ')}`);
  assertEqual(fetched(plain.requests, 'reader', '_bg.wasm').length, 1, "the reader's wasm fetched by two mounts");
  await plain.assertClean();

  const mixed = await openPage(run);
  await mixed.goto(`${A}${run.env.pages.classroomMounts}`);
  const reading = mixed.page.locator('#quiz-reading');
  await reading.locator('section.sq-passage blockquote').waitFor({ timeout: 15_000 });
  await reading.locator('fieldset.sq-question').waitFor({ timeout: 10_000 });
  await mixed.page.locator('#quiz-key section.sq-answer-key .sq-sheet-question').first().waitFor({ timeout: 15_000 });
  await waitForStart(mixed.page.locator('#quiz-plain'), '#quiz-plain');
  assertEqual(fetched(mixed.requests, 'classroom', '_bg.wasm').length, 1, "the classroom's wasm fetched for two mounts");
  assertEqual(fetched(mixed.requests, 'reader', '_bg.wasm').length, 1, "the reader's wasm fetched for the plain mount");
  assert(
    fetched(mixed.requests, 'classroom', '_bg.wasm').every((url) => url.startsWith(`${B}/classroom/`)),
    "the classroom's files come from the widget's host, under classroom/",
  );
  await mixed.assertClean();
  return "reader's mounts: the reader's wasm only; a reading quiz and an answer key: the classroom's wasm once, beside the reader's for a plain mount";
}

// ---------------------------------------------------------------------------------------------
// Runner.

const TESTS = [
  ['iframe (A frames B, embed.js): as tall as its content on load, with feedback, on the summary; no inner scrollbar', iframeFitsContent],
  ['a lazy iframe below the fold: no warnings while it waits, sized when scrolled to after 16 s', lazyFrameBelowTheFold],
  ['two iframes with different seeds on one page: each sized to its own content, answers stay in their frame', twoIframesIndependent],
  ['two script mounts (examples/two-widgets.html): own open shadow roots, own settings, answers stay in their widget', twoScriptMountsIndependent],
  ['events from an iframe with host=A: ready, answered, completed as postMessage and as CustomEvents on the iframe', iframeEvents],
  ['events from script mounts (module from B on A): DOM events always, postMessage only with data-host', scriptMountEvents],
  ['without host: no message but heights and scroll requests reaches the host page, and embed.js still sizes the frame', noHostNoMessages],
  ["a foreign origin's messages do nothing: fake resize, forged event, hello, a frame navigated to C, an excluded parent", foreignOriginIgnored],
  ['pym.js: the frame pym.Parent creates is sized to the widget and follows the feedback', pymParent],
  ['the demo pages work under the strict CSP: a question answered in each widget', demosUnderCsp],
  ['a hostile host stylesheet changes nothing in a script-mounted widget, and the widget CSS stays inside', hostileStylesheet],
  ['the demos in dist/examples load without console errors', demosLoad],
  ['bad and unknown settings are reported, naming the key as the page spelled it', settingsErrors],
  ['axe on examples/two-widgets.html: start, question, feedback in both shadow roots, light and dark', axeTwoWidgets],
  ['script mounts from another origin: a loading line while the wasm loads, a plain failure naming the file and CORS', loadingAndFailure],
  ["WordPress's sandbox (allow-scripts, opaque origin) with its markup and wp-embed.js: styled, Start/Enter/Next work, no storage, heights with the secret, the 1000 px cap", wordpressSandbox],
  ['oEmbed: sourced embed-page gives the page its link and writes q/NAME/ with settings baked in; the JSON is rich, with the blockquote and a lazy iframe', oembedDiscovery],
  ['lazy and stable: ≤ 5 KB and no wasm before the reader gets near, CLS 0 when both snippets start (below the fold and in the first screen)', lazyAndStable],
  ["the reader's place (embed.js, pym.js, script mount): no scroll on load or with the verdict in view; the heading after Next and the verdict after Check brought into view", readerInView],
  ["two bundles: reader's mounts load only the reader's files, a reading quiz and a sheet the classroom's", twoBundlesInScriptMounts],
];

runSuite({
  label: 'e2e embed',
  tests: TESTS,
  setup: async () => {
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => serveDist({ fixtures, cors: true })));
    const origins = { A: a.base, B: b.base, C: c.base };
    const pages = writeHostPages(origins);
    return {
      env: { base: origins.A, ...origins, pages },
      close: () => Promise.all([a.close(), b.close(), c.close()]),
    };
  },
});
