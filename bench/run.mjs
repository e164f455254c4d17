// Benchmarks for the Sourced Quiz release build (dist/), against two peers with the same
// questions, in Debian's headless Chromium: SurveyJS (all 10 questions) and quizdown (the
// questions of the kinds it has: single choice and sequence). Prints, in one run:
//   1. bytes: every file the browser fetches until the first question can be clicked (found by
//      recording the requests, never by name), raw, gzip -9 and brotli (quality 11), and totals,
//      for our reader's page, the classroom's teacher page and both peers;
//   2. time to first question: median, min, p90 and max over cold loads (a fresh browser context
//      per load, nothing cached, files served with Cache-Control: no-store), the three pages
//      interleaved, measured inside the page from navigation start (performance.now() = 0), and
//      the ratios ours/peer; also the per-table preparation every reader pays first
//      (`Prepared::new`, the page's `sourced-quiz:prepare` performance measure);
//   3. the same, throttled: 4x CPU slowdown and a slow 4G network (1.6 Mbps down, 750 kbps up,
//      150 ms round trip) through the DevTools protocol, every file served gzip-compressed;
//   4. generation: criterion's figure for one 10-question quiz (`cargo bench --bench generate`);
//   5. memory: JS heap (after a forced GC) and wasm linear memory after loading, then every 50
//      quizzes over 200 quizzes taken in one page, and a verdict: "plateau" or "grows";
//   6. the targets, met or missed (never asserted), and for a missed size target what the
//      reader's wasm is made of (twiggy, on the release wasm with its names kept).
// Exits non-zero only if something could not be measured; slow numbers never fail it.
//
// Run it with `scripts/bench` (installs tools, builds, then runs this). Directly, after
// `trunk build --release`:   node bench/run.mjs [--loads N] [--throttled-loads N] [--quizzes N] [--quick] [--no-generate]
//   --loads N            cold loads of each page for the timing (default 25, at least 20)
//   --throttled-loads N  cold loads of each page throttled (default 15, at least 5; 0: none)
//   --quizzes N          quizzes taken in one page for the memory figures (default 200)
//   --quick              criterion's --quick mode for the generation figure
//   --no-generate        skip the generation figure (no cargo bench)
//   BENCH_DIST=dir       measure another build (default dist/)
// The peers (survey-core, survey-js-ui and quizdown from npm, see bench/package.json) are built
// into bench/node_modules/.peer/ and the figures are written to
// bench/node_modules/.results/latest.json; both are ignored by git. Nothing is downloaded: the
// servers listen on 127.0.0.1 only.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'));
const PEER_PACKAGES = path.join(HERE, 'node_modules');
const PEER_DIR = path.join(PEER_PACKAGES, '.peer');
const RESULTS = path.join(HERE, 'node_modules/.results/latest.json');

const toolsRequire = createRequire(path.join(ROOT, 'tools/package.json'));
const { chromium } = toolsRequire('playwright-core');

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
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
const VIEWPORT = { width: 1280, height: 800 };
const SEED = 42;
const COUNT = 10;
/** The quiz length for the memory run: short, so that 200 quizzes take seconds, not minutes. */
const MEMORY_QUIZ_LENGTH = 5;
const MEMORY_CHECKPOINT = 50;
const LOAD_TIMEOUT_MS = 60_000;
/** The throttled profile: Lighthouse's mobile CPU slowdown and a slow 4G network. */
const THROTTLE = {
  cpuRate: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
};
/** The performance measure the widget records around its per-table work (src/web/mod.rs). */
const PREPARE_MEASURE = 'sourced-quiz:prepare';
/** The targets scripts/bench prints (issue 15); never asserted. */
const TARGETS = { readerGzipKb: 150, readerGoalKb: 120, classroomGzipKb: 200, surveyRatio: 0.35, generateMicros: 20 };
/** The names benches/generate.rs gives its two benchmarks. */
const PREPARE_BENCH = 'prepare the table (every page pays it once)';
const GENERATE_BENCH = 'generate 10-question quiz';

// ---------------------------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const options = { loads: 25, throttledLoads: 15, quizzes: 200, quick: false, generate: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) usage(`${arg} needs a whole number`);
      return n;
    };
    if (arg === '--loads') options.loads = number();
    else if (arg === '--throttled-loads') options.throttledLoads = number();
    else if (arg === '--quizzes') options.quizzes = number();
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--no-generate') options.generate = false;
    else usage(`unknown option ${arg}`);
  }
  if (options.loads < 20) usage('--loads must be at least 20: a median of fewer cold loads says little');
  if (options.throttledLoads > 0 && options.throttledLoads < 5) usage('--throttled-loads must be 0 or at least 5');
  if (options.quizzes < 2 * MEMORY_CHECKPOINT) usage(`--quizzes must be at least ${2 * MEMORY_CHECKPOINT}: the verdict compares two halves`);
  if (options.quizzes % MEMORY_CHECKPOINT !== 0) usage(`--quizzes must be a multiple of ${MEMORY_CHECKPOINT}`);
  return options;
}

function usage(message) {
  console.error(`bench: ${message}\nusage: node bench/run.mjs [--loads N] [--throttled-loads N] [--quizzes N] [--quick] [--no-generate]`);
  process.exit(2);
}

/** Something could not be measured: say what, and exit non-zero (after closing the browser). */
class Unmeasured extends Error {}

const progress = (text) => process.stderr.write(`\x1b[2mbench: ${text}\x1b[0m\n`);

// ---------------------------------------------------------------------------------------------
// The peers: the same questions as a SurveyJS quiz and as a quizdown quiz.

/** The CLI's quiz (`sourced quiz --json`), the very questions the widget shows for this seed. */
function exportQuiz() {
  progress(`exporting the quiz: cargo run --release --bin sourced -- quiz --seed ${SEED} --count ${COUNT} --json`);
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '--release', '--bin', 'sourced', '--', 'quiz', '--seed', String(SEED), '--count', String(COUNT), '--json'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 },
  );
  if (run.status !== 0) throw new Unmeasured(`sourced quiz --json failed (exit ${run.status})`);
  return JSON.parse(run.stdout);
}

/**
 * A SurveyJS survey for the quiz: one question per page (as in our widget), each with its
 * correctAnswer so that SurveyJS scores it as a quiz, and the score on the completed page.
 */
function toSurveyJs(quiz) {
  const choices = (texts, prefix = '') => texts.map((text, i) => ({ value: prefix ? `${prefix}${i}` : i, text }));
  const questions = quiz.questions.map((q, i) => {
    const base = { name: `q${i + 1}`, title: q.prompt, isRequired: true };
    switch (q.kind) {
      case 'multiple_choice':
      case 'true_false':
      case 'who_said':
      case 'source_check':
        return { ...base, type: 'radiogroup', choices: choices(q.options), correctAnswer: q.answer };
      case 'numeric':
        // SurveyJS compares typed numbers exactly; our widget also accepts the stated tolerance.
        return { ...base, type: 'text', inputType: 'number', description: `In ${q.unit}.`, correctAnswer: q.answer };
      case 'cloze':
        return { ...base, type: 'text', description: `${q.before}_____${q.after}`, correctAnswer: q.answer[0] };
      case 'matching':
        return {
          ...base,
          type: 'matrix',
          rows: choices(q.left, 'l'),
          columns: choices(q.options, 'r'),
          correctAnswer: Object.fromEntries(q.answer.map(([left, right]) => [`l${left}`, `r${right}`])),
        };
      case 'ordering':
        return { ...base, type: 'ranking', choices: choices(q.options), correctAnswer: q.answer };
      default:
        throw new Unmeasured(`the peer has no SurveyJS question type for the kind ${q.kind}`);
    }
  });
  return {
    title: 'Carney in Kyiv: a quiz',
    showProgressBar: 'top',
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onNextPage',
    pages: questions.map((question) => ({ elements: [question] })),
    completedHtml: '<p>You got {correctAnswers} of {questionCount} right.</p>',
  };
}

const version = (name) => JSON.parse(fs.readFileSync(path.join(PEER_PACKAGES, name, 'package.json'), 'utf8')).version;

/** Copies a peer's files out of bench/node_modules into its page's directory. */
function copyPeerFiles(dir, files) {
  for (const [name, from] of Object.entries(files)) {
    const source = path.join(PEER_PACKAGES, from);
    if (!fs.existsSync(source)) throw new Unmeasured(`bench/node_modules has no ${from}: run scripts/bench (it runs npm ci in bench/)`);
    fs.copyFileSync(source, path.join(dir, name));
  }
}

/** Writes the SurveyJS page into bench/node_modules/.peer/surveyjs/ and returns what the run needs of it. */
function buildSurveyJs(quiz) {
  const dir = path.join(PEER_DIR, 'surveyjs');
  fs.mkdirSync(dir, { recursive: true });
  // The minified builds, and the stylesheet without its web fonts (they come from a font CDN,
  // which this benchmark cannot and should not reach; our widget uses system fonts too).
  const files = {
    'survey.core.min.js': 'survey-core/survey.core.min.js',
    'survey-core.fontless.min.css': 'survey-core/survey-core.fontless.min.css',
    'survey-js-ui.min.js': 'survey-js-ui/survey-js-ui.min.js',
  };
  copyPeerFiles(dir, files);
  fs.writeFileSync(
    path.join(dir, 'peer.js'),
    `// The Sourced Quiz's ${COUNT} questions for seed ${SEED} as a SurveyJS quiz (written by bench/run.mjs).\n` +
      `const surveyJson = ${JSON.stringify(toSurveyJs(quiz))};\n` +
      `SurveyUI.renderSurvey(new Survey.Model(surveyJson), document.getElementById('survey'));\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Carney in Kyiv: a quiz (SurveyJS)</title>
    <link rel="stylesheet" href="survey-core.fontless.min.css" />
    <script defer src="survey.core.min.js"></script>
    <script defer src="survey-js-ui.min.js"></script>
    <script defer src="peer.js"></script>
  </head>
  <body>
    <main id="survey"></main>
  </body>
</html>
`,
  );
  return {
    dir,
    firstPrompt: quiz.questions[0].prompt,
    questions: quiz.questions.length,
    versions: `survey-core ${version('survey-core')}, survey-js-ui ${version('survey-js-ui')}`,
  };
}

/** The kinds quizdown has: single choice (from an ordered task list) and sequence (an ordered list). */
const QUIZDOWN_CHOICE = ['multiple_choice', 'true_false', 'who_said', 'source_check'];

/** Text for quizdown's markdown: every punctuation character CommonMark can escape, escaped. */
const markdownText = (text) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~"'&]/g, '\\$&').replace(/\s+/g, ' ');

/**
 * The quiz as quizdown markdown: each choice kind as a single-choice question (its options in our
 * order, the answer marked), each ordering as a sequence (quizdown shuffles it); numeric, cloze
 * and matching have no quizdown kind (its "fill in the blanks" and "pairs" are unfinished).
 */
function toQuizdown(quiz) {
  const blocks = [];
  for (const q of quiz.questions) {
    if (QUIZDOWN_CHOICE.includes(q.kind)) {
      blocks.push(`### ${markdownText(q.prompt)}\n\n${q.options.map((o, i) => `1. [${i === q.answer ? 'x' : ' '}] ${markdownText(o)}`).join('\n')}`);
    } else if (q.kind === 'ordering') {
      blocks.push(`### ${markdownText(q.prompt)}\n\n${q.answer.map((i, n) => `${n + 1}. ${markdownText(q.options[i])}`).join('\n')}`);
    }
  }
  return blocks.join('\n\n') + '\n';
}

/** Writes the quizdown page into bench/node_modules/.peer/quizdown/ and returns what the run needs of it. */
function buildQuizdown(quiz) {
  const dir = path.join(PEER_DIR, 'quizdown');
  fs.mkdirSync(dir, { recursive: true });
  copyPeerFiles(dir, { 'quizdown.js': 'quizdown/public/build/quizdown.js' });
  const asked = quiz.questions.filter((q) => QUIZDOWN_CHOICE.includes(q.kind) || q.kind === 'ordering');
  if (!asked.length) throw new Unmeasured('quizdown: none of the quiz\'s questions is of a kind quizdown has');
  // createApp, quizdown's own entry point (its init() would wait for the page's load event first).
  fs.writeFileSync(
    path.join(dir, 'peer.js'),
    `// The Sourced Quiz's questions for seed ${SEED} of the kinds quizdown has, as quizdown markdown (written by bench/run.mjs).\n` +
      `quizdown.createApp(${JSON.stringify(toQuizdown(quiz))}, document.getElementById('quiz'), { shuffleAnswers: false });\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Carney in Kyiv: a quiz (quizdown)</title>
    <script defer src="quizdown.js"></script>
    <script defer src="peer.js"></script>
  </head>
  <body>
    <main id="quiz"></main>
  </body>
</html>
`,
  );
  return {
    dir,
    firstPrompt: asked[0].prompt,
    questions: asked.length,
    left: [...new Set(quiz.questions.filter((q) => !asked.includes(q)).map((q) => q.kind))],
    versions: `quizdown ${version('quizdown')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// A static server per page: 127.0.0.1, a free port, nothing cached; with `gzip`, every file
// gzip-compressed (level 9) for a browser that accepts it, as a real host sends them.

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function serve(dir, { gzip = false } = {}) {
  const compressed = new Map();
  const server = http.createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    // Chromium asks for /favicon.ico on its own and neither page declares one: "no content",
    // so that no 404 shows up as a console error (and it is not counted as a page's file).
    if (pathname === '/favicon.ico') {
      response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('not found');
        return;
      }
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, zlib.gzipSync(body, { level: 9 }));
        Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
        body = compressed.get(file);
      }
      response.writeHead(200, headers).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Loading a page and timing its first question, inside the page.

/**
 * Runs in the page before any of its scripts: a MutationObserver notes performance.now() (0 is
 * navigation start) the first time an enabled input of the first question is in the DOM, or in a
 * shadow root the page attaches (quizdown renders into one).
 */
function markFirstQuestion(selector) {
  const roots = [document];
  const options = { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] };
  const mark = () => {
    if (window.__benchFirstQuestion === undefined && roots.some((root) => root.querySelector(selector))) {
      window.__benchFirstQuestion = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(mark);
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    roots.push(root);
    observer.observe(root, options);
    return root;
  };
}

/**
 * Runs in the page before any of its scripts: keeps the wasm instance's memory on window, so that
 * its size can be read without changing the product's code.
 */
function captureWasmMemory() {
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    if (instance?.exports?.memory instanceof WebAssembly.Memory) window.__benchWasmMemory = instance.exports.memory;
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return instantiateStreaming.apply(this, args).then(keep);
    };
  }
}

/**
 * Opens `target` in a fresh context (empty cache, no storage) and waits for its first question.
 * Returns the in-page time, and the context and page for more measuring; the caller closes it.
 * With `record`, every request made before the first question was ready is returned with its body.
 */
async function load(browser, target, { record = false, wasm = false, throttle = false, url = target.url } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLE.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuRate });
    }
    const errors = [];
    page.on('pageerror', (error) => errors.push(`uncaught page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && errors.push(`console error: ${message.text()}`));
    const requests = [];
    if (record) page.on('request', (request) => requests.push(request));
    await page.addInitScript(markFirstQuestion, target.ready);
    if (wasm) await page.addInitScript(captureWasmMemory);
    await page.goto((throttle ? target.gzipBase : target.base) + url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    try {
      // Polled every 20 ms, not every frame: the page's own work is what is being timed.
      await page.waitForFunction(() => window.__benchFirstQuestion !== undefined, null, { polling: 20, timeout: LOAD_TIMEOUT_MS });
    } catch {
      throw new Unmeasured(`${target.name}: no enabled "${target.ready}" within ${LOAD_TIMEOUT_MS / 1000}s${errors.length ? `; ${errors.join('; ')}` : ''}`);
    }
    const ms = await page.evaluate(() => window.__benchFirstQuestion);
    // Ours: the per-table preparation, as the page measured it (null for the peers).
    const prepare = await page.evaluate((name) => performance.getEntriesByName(name)[0]?.duration ?? null, PREPARE_MEASURE);
    const before = requests.slice();
    const files = record ? await Promise.all(before.map((request) => bodyOf(target, request))) : [];
    if (errors.length) throw new Unmeasured(`${target.name}: the browser reported errors: ${errors.join('; ')}`);
    return { ms, prepare, page, context, files: files.filter(Boolean) };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/** What the browser received for one request, or null for the favicon Chromium asks for by itself. */
async function bodyOf(target, request) {
  const response = await request.response();
  const url = new URL(request.url());
  if (!response) throw new Unmeasured(`${target.name}: no response for ${url}`);
  if (url.pathname === '/favicon.ico') return null;
  if (response.status() !== 200) throw new Unmeasured(`${target.name}: ${url.pathname} answered ${response.status()}`);
  const body = await response.body();
  const name = url.pathname === '/' ? 'index.html' : url.pathname.replace(/^\//, '');
  return { name, ...sizes(body) };
}

function sizes(data) {
  return {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

/**
 * Bytes: one recorded load; also checks that the first question is the quiz's (`target.prompt`
 * holds `target.firstPrompt`) and can be clicked, for a target that has a question.
 */
async function measureBytes(browser, target) {
  const { context, page, files } = await load(browser, target, { record: true });
  try {
    if (target.prompt) {
      const squash = (text) => text.replace(/\s+/g, ' ').trim();
      const prompt = squash(await page.locator(target.prompt).first().textContent());
      if (!prompt.includes(squash(target.firstPrompt))) {
        throw new Unmeasured(`${target.name}: the first question reads ${JSON.stringify(prompt)}, not ${JSON.stringify(target.firstPrompt)}`);
      }
    }
    // Playwright's actionability checks (visible, stable, enabled, not covered) without clicking.
    await page.locator(target.click).first().click({ trial: true, timeout: 5_000 }).catch(() => {
      throw new Unmeasured(`${target.name}: the first ${target.prompt ? 'option' : 'control'} is in the DOM but cannot be clicked`);
    });
    const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { files, total };
  } finally {
    await context.close();
  }
}

/**
 * Time to first question: cold loads, the pages in turn (A, B, C, A, B, C, …), throttled or not.
 * Returns each page's figures, and for ours the per-table preparation the page measured.
 */
async function measureTimes(browser, targets, loads, throttle = false) {
  const label = throttle ? 'throttled timing' : 'timing';
  const times = targets.map(() => []);
  const prepare = targets.map(() => []);
  // One untimed load of each first: the browser process and the servers warm up, not the pages.
  for (const target of targets) await (await load(browser, target, { throttle })).context.close();
  for (let i = 0; i < loads; i++) {
    for (const [t, target] of targets.entries()) {
      const run = await load(browser, target, { throttle });
      await run.context.close();
      times[t].push(run.ms);
      if (run.prepare !== null) prepare[t].push(run.prepare);
    }
    if ((i + 1) % 5 === 0) progress(`${label}: ${i + 1}/${loads} cold loads of each page`);
  }
  return targets.map((target, t) => {
    if (target.name === 'ours' && prepare[t].length !== loads) {
      throw new Unmeasured(`ours: the page recorded no "${PREPARE_MEASURE}" measure on ${loads - prepare[t].length} of ${loads} loads`);
    }
    return { ...stats(times[t]), prepare: prepare[t].length ? stats(prepare[t]) : null };
  });
}

function stats(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // p90 by nearest rank.
  const p90 = sorted[Math.ceil(0.9 * n) - 1];
  return { n, median, min: sorted[0], p90, max: sorted[n - 1], all: values };
}

// ---------------------------------------------------------------------------------------------
// Memory: one page, many quizzes.

/**
 * Runs in the page: takes `quizzes` whole quizzes through the UI as a reader would (answer,
 * Check, read the feedback, Next … summary, then "New set"), without reloading.
 */
async function takeQuizzes(quizzes) {
  let answered = 0;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const until = async (what, test) => {
    const start = performance.now();
    for (;;) {
      const value = test();
      if (value) return value;
      if (performance.now() - start > 10_000) {
        const card = document.querySelector('.sq-widget');
        throw new Error(`timed out waiting for ${what}; the page shows: ${card?.innerHTML.slice(0, 600) ?? 'no widget'}`);
      }
      await tick();
    }
  };
  const type = (element, value, event) => {
    element.value = value;
    element.dispatchEvent(event === 'input' ? new InputEvent('input', { bubbles: true }) : new Event(event, { bubbles: true }));
  };
  for (let quiz = 0; quiz < quizzes; quiz++) {
    for (;;) {
      const screen = await until('a question or the summary', () => document.querySelector('form.sq-card, .sq-summary'));
      if (screen.matches('.sq-summary')) break;
      const heading = screen.querySelector('h2').textContent;
      const fieldset = screen.querySelector('fieldset.sq-question');
      // Any answer will do, right or wrong: the first option, a number or a word, the first match.
      fieldset.querySelector('input[type=radio]')?.click();
      // One change per render: each input's handler updates the answer as it was last rendered.
      for (const input of fieldset.querySelectorAll('input[type=text]')) {
        type(input, '1', 'input');
        await tick();
      }
      for (const select of fieldset.querySelectorAll('select')) {
        type(select, '0', 'change');
        await tick();
      }
      const button = () => document.querySelector('form.sq-card button.sq-primary');
      if (button().disabled) fieldset.querySelector('.sq-ordering button:not([disabled])')?.click();
      (await until('Check to be enabled', () => !button().disabled && button())).click();
      // The verdict line is there only once the Check is rendered (the feedback's box always is).
      await until('the feedback', () => document.querySelector('form.sq-card .sq-feedback .sq-verdict-line'));
      answered++;
      button().click(); // Next, or See results
      await until('the next question or the summary', () =>
        document.querySelector('.sq-summary') || document.querySelector('form.sq-card h2')?.textContent !== heading,
      );
    }
    const newSet = [...document.querySelectorAll('.sq-summary .sq-actions button')].find((b) => !b.classList.contains('sq-primary'));
    if (!newSet) throw new Error('the summary has no "New set" button');
    newSet.click();
    await until('a new quiz', () => !document.querySelector('.sq-summary') && document.querySelector('form.sq-card'));
  }
  return answered;
}

/** JS heap after a forced GC, wasm linear memory, and DOM nodes and listeners (CDP Performance). */
async function snapshot(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const wasm = await page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? null);
  return { jsHeap: heap.usedSize, wasm, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

async function measureMemory(browser, ours, peers, quizzes) {
  const url = `/?seed=${SEED}&count=${MEMORY_QUIZ_LENGTH}&autostart=1`;
  const { context, page } = await load(browser, ours, { url, wasm: true });
  const points = [];
  let answered = 0;
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('Performance.enable');
    points.push({ quizzes: 0, ...(await snapshot(cdp, page)) });
    if (points[0].wasm === null) throw new Unmeasured('memory: the wasm instance exported no memory (WebAssembly.instantiate was not seen)');
    for (let done = 0; done < quizzes; done += MEMORY_CHECKPOINT) {
      try {
        answered += await page.evaluate(takeQuizzes, MEMORY_CHECKPOINT);
      } catch (error) {
        throw new Unmeasured(`memory: taking quizzes ${done + 1}-${done + MEMORY_CHECKPOINT} failed: ${error.message.split('\n')[0]}`);
      }
      points.push({ quizzes: done + MEMORY_CHECKPOINT, ...(await snapshot(cdp, page)) });
      progress(`memory: ${done + MEMORY_CHECKPOINT}/${quizzes} quizzes`);
    }
  } finally {
    await context.close();
  }
  // The peers, loaded, for scale (they have no wasm).
  const peersLoaded = {};
  for (const peer of peers) {
    const loaded = await load(browser, peer);
    try {
      const cdp = await loaded.context.newCDPSession(loaded.page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('Performance.enable');
      peersLoaded[peer.name] = await snapshot(cdp, loaded.page);
    } finally {
      await loaded.context.close();
    }
  }
  return { quizLength: MEMORY_QUIZ_LENGTH, answered, points, verdicts: verdicts(points), peersLoaded };
}

/**
 * "grows" if the second half of the run added at least half as much as the first half did and
 * more than a noise floor (1% of the mid-run value, at least one 64 KiB wasm page); else "plateau".
 * A leak grows about as much in each half; warm-up (caches, the allocator's first pages) does not.
 */
function verdicts(points) {
  const first = points[0];
  const mid = points[Math.floor((points.length - 1) / 2)];
  const last = points[points.length - 1];
  const judge = (key) => {
    const early = mid[key] - first[key];
    const late = last[key] - mid[key];
    const floor = Math.max(65536, 0.01 * mid[key]);
    return { early, late, verdict: late > floor && late >= 0.5 * early ? 'grows' : 'plateau' };
  };
  return { jsHeap: judge('jsHeap'), wasm: judge('wasm') };
}

// ---------------------------------------------------------------------------------------------
// Generation: criterion.

function measureGeneration(quick) {
  const args = ['bench', '--bench', 'generate', ...(quick ? ['--', '--quick'] : [])];
  progress(`generation: cargo ${args.join(' ')}`);
  const run = spawnSync('cargo', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Unmeasured(`cargo bench --bench generate failed (exit ${run.status})`);
  // One entry per benchmark, e.g. "generate 10-question quiz\n    time:   [53.1 µs 53.6 µs 54.2 µs]"
  // (a long name puts "time:" on the next line, a short one on the same line).
  const rows = [...run.stdout.matchAll(/^(\S.*?)\s*\n?\s*time:\s+\[(\S+ \S+) (\S+ \S+) (\S+ \S+)\]/gm)]
    .map((m) => ({ name: m[1].trim(), low: m[2], estimate: m[3], high: m[4], quick }));
  for (const name of [PREPARE_BENCH, GENERATE_BENCH]) {
    if (!rows.some((row) => row.name === name)) throw new Unmeasured(`no "${name}" time in criterion's output:\n${run.stdout}`);
  }
  return rows;
}

/** Criterion's figure as microseconds ("53.6 µs", "3.02 ms", "812 ns"). */
function micros(figure) {
  const [value, unit] = figure.split(' ');
  const scale = { ns: 1e-3, 'µs': 1, us: 1, ms: 1e3, s: 1e6 }[unit];
  if (scale === undefined) throw new Unmeasured(`criterion printed a time in an unknown unit: ${figure}`);
  return Number(value) * scale;
}

// ---------------------------------------------------------------------------------------------
// The report.

/** Every file under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  ).sort();
}

/** `text` broken at spaces into lines of at most 100 characters, each starting with `indent`. */
function wrap(text, indent) {
  const lines = [];
  for (const word of text.split(' ')) {
    if (lines.length && (lines.at(-1) + ' ' + word).length <= 100) lines[lines.length - 1] += ' ' + word;
    else lines.push((lines.length ? indent + '  ' : indent) + word);
  }
  return lines.join('\n');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (a, b) => (a / b).toFixed(2);
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

/** Prints rows as a table: the first column left-aligned, the others right-aligned. */
function table(header, rows, indent = '  ') {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => String(row[c]).length)));
  const line = (row) => indent + row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('   ');
  console.log(line(header));
  console.log(indent + widths.map((w) => '-'.repeat(w)).join('   '));
  for (const row of rows) console.log(row === null ? '' : line(row));
}

function heading(text) {
  console.log(`\n\x1b[1m${text}\x1b[0m`);
}

/** One page's row of a timing table. */
const timeRow = (label, t) => [label, ms(t.median), ms(t.min), ms(t.p90), ms(t.max)];

function report(r) {
  const [surveyjs, quizdown] = r.peers;
  heading('Sourced Quiz benchmarks');
  console.log(`  ours:     ${r.ours.url} from ${path.relative(ROOT, DIST) || '.'}/ (release build; autostart=1 skips the start screen)`);
  console.log(`  SurveyJS: the same ${surveyjs.questions} questions (sourced quiz --seed ${SEED} --count ${COUNT} --json), ${surveyjs.versions}`);
  console.log(`  quizdown: the ${quizdown.questions} of them of the kinds it has (single choice, sequence; not ${quizdown.left.join(', ') || 'none'}), ${quizdown.versions}`);
  console.log(`  all:      headless Chromium ${r.browserVersion}, served from 127.0.0.1 with Cache-Control: no-store`);
  console.log('  (quizdown shows a loading animation for 800 ms before its first question, by design: its');
  console.log('   App.svelte wraps the quiz in <Loading ms="800">; its times below include it, as its readers wait for it)');

  heading('1. Bytes the browser downloads until the first question can be clicked');
  const pages = [['ours', r.bytes.ours], ['classroom (?view=teacher, until the class code shows)', r.bytes.classroom], ['SurveyJS', r.bytes.surveyjs], ['quizdown', r.bytes.quizdown]];
  for (const [label, bytes] of pages) {
    console.log(`  ${label}:`);
    const rows = bytes.files.map((f) => [f.name, kb(f.raw), kb(f.gzip), kb(f.brotli)]);
    rows.push(['total', kb(bytes.total.raw), kb(bytes.total.gzip), kb(bytes.total.brotli)]);
    table(['file', 'raw', 'gzip -9', 'brotli 11'], rows, '    ');
  }
  const fetched = new Set([...r.bytes.ours.files, ...r.bytes.classroom.files].map((f) => f.name));
  const unfetched = listFiles(DIST).filter((name) => !fetched.has(name));
  if (unfetched.length) console.log(wrap(`dist/ also holds, fetched by neither page: ${unfetched.join(', ')}`, '  '));
  console.log('');
  table(
    ['total', 'ours', 'SurveyJS', 'quizdown', 'ours/SurveyJS', 'ours/quizdown'],
    ['raw', 'gzip', 'brotli'].map((k) => [
      k === 'gzip' ? 'gzip -9' : k === 'brotli' ? 'brotli 11' : k,
      kb(r.bytes.ours.total[k]),
      kb(r.bytes.surveyjs.total[k]),
      kb(r.bytes.quizdown.total[k]),
      ratio(r.bytes.ours.total[k], r.bytes.surveyjs.total[k]),
      ratio(r.bytes.ours.total[k], r.bytes.quizdown.total[k]),
    ]),
  );
  console.log('  (ours ships the whole fact table with every quote in its sentence, and generates any quiz in');
  console.log('   the page; the peers ship these questions only; SurveyJS\'s stylesheet without web fonts)');

  const timing = (t, what) => {
    table(
      ['page', 'median', 'min', 'p90', 'max'],
      [
        timeRow(`ours (${r.ours.url})`, t.ours),
        timeRow('SurveyJS', t.surveyjs),
        timeRow('quizdown', t.quizdown),
        ['ours/SurveyJS', ratio(t.ours.median, t.surveyjs.median), '', '', ''],
        ['ours/quizdown', ratio(t.ours.median, t.quizdown.median), '', '', ''],
      ],
    );
    const p = t.ours.prepare;
    console.log(`  of ours, the per-table preparation (Prepared::new, "${PREPARE_MEASURE}" in the page), ${what}:`);
    console.log(`    median ${ms(p.median)}, min ${ms(p.min)}, p90 ${ms(p.p90)}, max ${ms(p.max)}`);
  };
  heading('2. Time to first question: navigation start to the first option enabled in the DOM');
  console.log(`  ${r.times.ours.n} cold loads each (fresh context, no cache), the three pages interleaved, after one untimed load of each`);
  timing(r.times, 'on every load');

  heading('3. Throttled: the same, 4x CPU slowdown, slow 4G (1.6 Mbps down, 750 kbps up, 150 ms RTT), files gzip-compressed');
  if (r.throttled) {
    console.log(`  ${r.throttled.ours.n} cold loads each, through the DevTools protocol (Emulation.setCPUThrottlingRate, Network.emulateNetworkConditions)`);
    timing(r.throttled, 'throttled');
  } else {
    console.log('  skipped (--throttled-loads 0)');
  }

  heading('4. Generation (criterion, native)');
  if (r.generation) {
    table(
      ['benchmark', 'low', 'estimate', 'high'],
      r.generation.map((g) => [g.name + (g.quick ? ' (--quick)' : ''), g.low, g.estimate, g.high]),
    );
  } else {
    console.log('  skipped (--no-generate)');
  }

  heading(`5. Memory: ${r.memory.points.at(-1).quizzes} quizzes of ${r.memory.quizLength} questions in one page, no reload`);
  console.log(`  each quiz: every question answered and checked, feedback, Next, summary, then "New set" (${r.memory.answered} questions in all);`);
  console.log('  figures after a forced GC; 0 is the page just loaded, on its first question');
  table(
    ['quizzes', 'JS heap used', 'wasm memory', 'DOM nodes', 'JS listeners'],
    r.memory.points.map((p) => [String(p.quizzes), mb(p.jsHeap), mb(p.wasm), String(p.nodes), String(p.listeners)]),
  );
  const v = r.memory.verdicts;
  const change = (d) => `${d.early >= 0 ? '+' : ''}${kb(d.early)} then ${d.late >= 0 ? '+' : ''}${kb(d.late)}`;
  console.log(`  JS heap:     ${v.jsHeap.verdict.padEnd(8)} (first half ${change(v.jsHeap)} in the second)`);
  console.log(`  wasm memory: ${v.wasm.verdict.padEnd(8)} (first half ${change(v.wasm)} in the second)`);
  const overall = v.jsHeap.verdict === 'grows' || v.wasm.verdict === 'grows' ? 'grows' : 'plateau';
  console.log(`  verdict:     ${overall}`);
  const scale = Object.entries(r.memory.peersLoaded).map(([name, m]) => `${name} JS heap ${mb(m.jsHeap)}, ${m.nodes} DOM nodes`);
  console.log(`  for scale, the peers after loading: ${scale.join('; ')}`);
  r.memory.verdict = overall;

  heading('6. Targets (printed, never asserted)');
  const rows = targets(r);
  table(['target', 'measured', 'bound', ''], rows.map((t) => [t.what, t.measured, t.bound, t.met ? 'met' : 'MISSED']));
  r.targets = rows;
  if (r.breakdown) {
    console.log(`\n  the reader's wasm, by what it is made of (twiggy ${r.breakdown.version}, on the release wasm with its names kept,`);
    console.log(`  ${kb(r.breakdown.total)} before its names are dropped; shares, not the shipped bytes):`);
    table(['part', 'bytes', 'share'], r.breakdown.groups.map((g) => [g.name, kb(g.bytes), `${((100 * g.bytes) / r.breakdown.total).toFixed(1)}%`]), '    ');
    console.log('\n  its 15 largest items:');
    table(['item', 'bytes'], r.breakdown.top.map((t) => [t.name.length > 100 ? `${t.name.slice(0, 97)}...` : t.name, kb(t.bytes)]), '    ');
  } else if (r.breakdownSkipped) {
    console.log(`\n  (no breakdown of the reader's wasm: ${r.breakdownSkipped})`);
  }
}

/** Each target with what was measured, its bound, and whether it is met. */
function targets(r) {
  const out = [];
  const gzip = r.bytes.ours.total.gzip / 1024;
  out.push({ what: "reader's first load, gzip -9", measured: `${gzip.toFixed(1)} KB`, bound: `<= ${TARGETS.readerGzipKb} KB`, met: gzip <= TARGETS.readerGzipKb });
  out.push({ what: "reader's first load, the goal", measured: `${gzip.toFixed(1)} KB`, bound: `<= ${TARGETS.readerGoalKb} KB`, met: gzip <= TARGETS.readerGoalKb });
  const classroom = r.bytes.classroom.total.gzip / 1024;
  out.push({ what: "classroom's page (?view=teacher), gzip -9", measured: `${classroom.toFixed(1)} KB`, bound: `<= ${TARGETS.classroomGzipKb} KB`, met: classroom <= TARGETS.classroomGzipKb });
  for (const [label, t] of [['normal', r.times], ['throttled', r.throttled]]) {
    if (!t) continue;
    const bound = TARGETS.surveyRatio * t.surveyjs.median;
    out.push({ what: `time to first question, ${label}, vs SurveyJS`, measured: ms(t.ours.median), bound: `<= ${ms(bound)} (${TARGETS.surveyRatio} x ${ms(t.surveyjs.median)})`, met: t.ours.median <= bound });
    out.push({ what: `time to first question, ${label}, vs quizdown`, measured: ms(t.ours.median), bound: `<= ${ms(t.quizdown.median)}`, met: t.ours.median <= t.quizdown.median });
  }
  const generation = r.generation?.find((g) => g.name === GENERATE_BENCH);
  if (generation) {
    const us = micros(generation.estimate);
    out.push({ what: 'generation, one 10-question quiz (criterion)', measured: generation.estimate, bound: `<= ${TARGETS.generateMicros} µs`, met: us <= TARGETS.generateMicros });
  }
  out.push({ what: `memory over ${r.memory.points.at(-1).quizzes} quizzes`, measured: r.memory.verdict, bound: 'plateau', met: r.memory.verdict === 'plateau' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// What the reader's wasm is made of, for a missed size target: twiggy on the release wasm
// (target/wasm32-unknown-unknown/release/sourced-quiz.wasm, the one the build just made) through
// wasm-bindgen and wasm-opt -Oz as Trunk runs them, but with the names kept.

/** The group an item of twiggy's list belongs to: a crate or module, data, or names. */
function partOf(name) {
  if (name.startsWith('data segment')) return 'data (the fact table, strings, tables)';
  if (name.startsWith('"') || name.includes('custom section')) return 'names and custom sections (not shipped)';
  const known = name.match(/\b(sourced_core::generate|sourced_core::\w+|sourced_quiz::web::\w+|sourced_quiz::\w+|yew\w*|serde_json|serde\w*|core|alloc|std|dlmalloc|wasm_bindgen\w*|js_sys|web_sys|gloo\w*|rand\w*|hashbrown|indexmap|implicit_clone)\b/);
  if (!known) return 'other';
  const part = known[1];
  if (part.startsWith('sourced_core::generate')) return 'sourced_core::generate';
  if (part.startsWith('sourced_core::')) return 'sourced_core (the rest)';
  if (part.startsWith('sourced_quiz::web::')) return 'sourced_quiz::web (the views, the edges)';
  if (part.startsWith('sourced_quiz::')) return 'sourced_quiz (strings, events, results)';
  if (/^(serde\w*)$/.test(part) && part !== 'serde_json') return 'serde';
  if (/^(core|alloc|std|dlmalloc)$/.test(part)) return 'core, alloc, std (formatting, Unicode, the allocator)';
  if (/^(wasm_bindgen\w*|js_sys|web_sys|gloo\w*)$/.test(part)) return 'wasm-bindgen, js-sys, web-sys, gloo';
  if (/^yew/.test(part) || part === 'implicit_clone') return 'yew (and the views it inlines)';
  return part;
}

function wasmBreakdown() {
  // The tools scripts/setup installs: wasm-opt in tools/node_modules/.bin, the others in ~/.cargo/bin.
  const env = { ...process.env, PATH: [path.join(ROOT, 'tools/node_modules/.bin'), path.join(os.homedir(), '.cargo/bin'), process.env.PATH].join(path.delimiter) };
  const tool = (name, args) => spawnSync(name, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const why = (run) => (run.error?.message ?? run.stderr ?? '').trim().split('\n')[0];
  const version = tool('twiggy', ['--version']);
  if (version.status !== 0) return { skipped: 'twiggy is not installed (scripts/bench installs it)' };
  const wasm = path.join(ROOT, 'target/wasm32-unknown-unknown/release/sourced-quiz.wasm');
  if (!fs.existsSync(wasm)) return { skipped: `no ${path.relative(ROOT, wasm)} (run trunk build --release)` };
  const dir = path.join(HERE, 'node_modules/.results/named');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const bindgen = tool('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', dir, wasm]);
  if (bindgen.status !== 0) return { skipped: `wasm-bindgen failed: ${why(bindgen)}` };
  const named = path.join(dir, 'reader-named.wasm');
  const opt = tool('wasm-opt', ['-Oz', '-g', path.join(dir, 'sourced-quiz_bg.wasm'), '-o', named]);
  if (opt.status !== 0) return { skipped: `wasm-opt failed: ${why(opt)}` };
  const top = tool('twiggy', ['top', '-n', '1000000', '-f', 'json', named]);
  if (top.status !== 0) return { skipped: `twiggy failed: ${why(top)}` };
  const items = JSON.parse(top.stdout).map((item) => ({ name: item.name, bytes: item.shallow_size }));
  const groups = new Map();
  for (const item of items) groups.set(partOf(item.name), (groups.get(partOf(item.name)) ?? 0) + item.bytes);
  return {
    version: version.stdout.trim().split(' ').pop(),
    total: items.reduce((sum, item) => sum + item.bytes, 0),
    groups: [...groups].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    top: items.filter((item) => partOf(item.name) !== 'names and custom sections (not shipped)').slice(0, 15),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Unmeasured(`no ${DIST}/index.html: run 'trunk build --release' first`);
  const quiz = exportQuiz();
  if (quiz.questions.length !== COUNT) throw new Unmeasured(`the CLI gave ${quiz.questions.length} questions, not ${COUNT}`);
  fs.rmSync(PEER_DIR, { recursive: true, force: true });
  const built = { surveyjs: buildSurveyJs(quiz), quizdown: buildQuizdown(quiz) };

  // Two servers per page: files as they are (the normal profile), and gzip-compressed (throttled).
  const servers = [];
  const serveBoth = async (dir) => {
    const [plain, gzip] = await Promise.all([serve(dir), serve(dir, { gzip: true })]);
    servers.push(plain, gzip);
    return { base: plain.base, gzipBase: gzip.base };
  };
  const ours = {
    name: 'ours',
    ...(await serveBoth(DIST)),
    url: `/?seed=${SEED}&count=${COUNT}&autostart=1`,
    ready: 'fieldset.sq-question :is(input, select, button):not(:disabled)',
    prompt: 'fieldset.sq-question legend',
    firstPrompt: quiz.questions[0].prompt,
    click: 'fieldset.sq-question .sq-option, fieldset.sq-question :is(input, select, button)',
  };
  // The classroom's bundle, on its teacher page: ready when the class code is shown.
  const classroom = { ...ours, name: 'classroom', url: '/?view=teacher', ready: 'section.sq-teacher .sq-code', prompt: null, click: 'section.sq-teacher button' };
  const surveyjs = {
    name: 'surveyjs',
    ...(await serveBoth(built.surveyjs.dir)),
    url: '/',
    ready: '.sd-question :is(input, select, textarea):not(:disabled)',
    prompt: '.sd-question .sd-question__title',
    firstPrompt: built.surveyjs.firstPrompt,
    click: '.sd-question .sd-item, .sd-question :is(input, select, textarea)',
  };
  // quizdown renders into a shadow root; Playwright's locators and markFirstQuestion look inside.
  const quizdown = {
    name: 'quizdown',
    ...(await serveBoth(built.quizdown.dir)),
    url: '/',
    ready: 'input:not(:disabled)',
    prompt: 'h3',
    firstPrompt: built.quizdown.firstPrompt,
    click: 'label',
  };
  const pages = [ours, surveyjs, quizdown];
  const browser = await chromium.launch(CHROMIUM);
  const results = {
    date: new Date().toISOString(),
    ours: { url: ours.url },
    peers: [built.surveyjs, built.quizdown].map(({ dir, ...peer }) => peer),
    browserVersion: browser.version(),
  };
  try {
    progress('bytes: one recorded load of each page');
    results.bytes = {};
    for (const target of [ours, classroom, surveyjs, quizdown]) results.bytes[target.name] = await measureBytes(browser, target);
    const times = await measureTimes(browser, pages, options.loads);
    results.times = Object.fromEntries(pages.map((target, i) => [target.name, times[i]]));
    if (options.throttledLoads > 0) {
      const throttled = await measureTimes(browser, pages, options.throttledLoads, true);
      results.throttled = Object.fromEntries(pages.map((target, i) => [target.name, throttled[i]]));
    }
    results.memory = await measureMemory(browser, ours, [surveyjs, quizdown], options.quizzes);
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
  // After the browser work, so that cargo never competes with the timed loads for the CPU.
  results.generation = options.generate ? measureGeneration(options.quick) : null;
  if (results.bytes.ours.total.gzip / 1024 > TARGETS.readerGzipKb) {
    const breakdown = wasmBreakdown();
    if (breakdown.skipped) results.breakdownSkipped = breakdown.skipped;
    else results.breakdown = breakdown;
  }

  report(results);
  results.seconds = (Date.now() - started) / 1000;
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  console.log(`\n  figures as JSON: ${path.relative(ROOT, RESULTS)}; this run took ${results.seconds.toFixed(0)} s`);
}

main().catch((error) => {
  console.error(`\nbench: could not measure: ${error instanceof Unmeasured ? error.message : error.stack ?? error}`);
  process.exit(1);
});
