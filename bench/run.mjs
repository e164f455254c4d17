// Benchmarks for the Sourced Quiz release build (dist/), against a SurveyJS page with the same
// 10 questions, in Debian's headless Chromium. Prints, in one run:
//   1. bytes: every file the browser fetches until the first question can be clicked (found by
//      recording the requests, never by name), raw, gzip -9 and brotli (quality 11), and totals;
//   2. time to first question: median, min, p90 and max over cold loads (a fresh browser context
//      per load, nothing cached, files served with Cache-Control: no-store), ours and the peer
//      interleaved, measured inside the page from navigation start (performance.now() = 0);
//   3. the same two figures for the peer and the ratios ours/peer;
//   4. generation: criterion's figure for one 10-question quiz (`cargo bench --bench generate`);
//   5. memory: JS heap (after a forced GC) and wasm linear memory after loading, then every 50
//      quizzes over 200 quizzes taken in one page, and a verdict: "plateau" or "grows".
// Exits non-zero only if something could not be measured; slow numbers never fail it.
//
// Run it with `scripts/bench` (installs tools, builds, then runs this). Directly, after
// `trunk build --release`:   node bench/run.mjs [--loads N] [--quizzes N] [--quick] [--no-generate]
//   --loads N       cold loads of each page for the timing (default 25, at least 20)
//   --quizzes N     quizzes taken in one page for the memory figures (default 200)
//   --quick         criterion's --quick mode for the generation figure
//   --no-generate   skip the generation figure (no cargo bench)
//   BENCH_DIST=dir  measure another build (default dist/)
// The peer (survey-core and survey-js-ui from npm, see bench/package.json) is built into
// bench/node_modules/.peer/ and the figures are written to bench/node_modules/.results/latest.json;
// both are ignored by git. Nothing is downloaded: the servers listen on 127.0.0.1 only.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
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
const LOAD_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const options = { loads: 25, quizzes: 200, quick: false, generate: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage(`${arg} needs a positive whole number`);
      return n;
    };
    if (arg === '--loads') options.loads = number();
    else if (arg === '--quizzes') options.quizzes = number();
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--no-generate') options.generate = false;
    else usage(`unknown option ${arg}`);
  }
  if (options.loads < 20) usage('--loads must be at least 20: a median of fewer cold loads says little');
  if (options.quizzes % MEMORY_CHECKPOINT !== 0) usage(`--quizzes must be a multiple of ${MEMORY_CHECKPOINT}`);
  return options;
}

function usage(message) {
  console.error(`bench: ${message}\nusage: node bench/run.mjs [--loads N] [--quizzes N] [--quick] [--no-generate]`);
  process.exit(2);
}

/** Something could not be measured: say what, and exit non-zero (after closing the browser). */
class Unmeasured extends Error {}

const progress = (text) => process.stderr.write(`\x1b[2mbench: ${text}\x1b[0m\n`);

// ---------------------------------------------------------------------------------------------
// The peer: the same 10 questions as a SurveyJS quiz.

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

/** Writes the peer's page into bench/node_modules/.peer/ and returns the first question's prompt. */
function buildPeer() {
  const quiz = exportQuiz();
  if (quiz.questions.length !== COUNT) throw new Unmeasured(`the CLI gave ${quiz.questions.length} questions, not ${COUNT}`);
  fs.rmSync(PEER_DIR, { recursive: true, force: true });
  fs.mkdirSync(PEER_DIR, { recursive: true });
  // The minified builds, and the stylesheet without its web fonts (they come from a font CDN,
  // which this benchmark cannot and should not reach; our widget uses system fonts too).
  const files = {
    'survey.core.min.js': 'survey-core/survey.core.min.js',
    'survey-core.fontless.min.css': 'survey-core/survey-core.fontless.min.css',
    'survey-js-ui.min.js': 'survey-js-ui/survey-js-ui.min.js',
  };
  for (const [name, from] of Object.entries(files)) {
    const source = path.join(PEER_PACKAGES, from);
    if (!fs.existsSync(source)) throw new Unmeasured(`bench/node_modules has no ${from}: run scripts/bench (it runs npm ci in bench/)`);
    fs.copyFileSync(source, path.join(PEER_DIR, name));
  }
  fs.writeFileSync(
    path.join(PEER_DIR, 'peer.js'),
    `// The Sourced Quiz's ${COUNT} questions for seed ${SEED} as a SurveyJS quiz (written by bench/run.mjs).\n` +
      `const surveyJson = ${JSON.stringify(toSurveyJs(quiz))};\n` +
      `SurveyUI.renderSurvey(new Survey.Model(surveyJson), document.getElementById('survey'));\n`,
  );
  fs.writeFileSync(
    path.join(PEER_DIR, 'index.html'),
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
  const version = (name) => JSON.parse(fs.readFileSync(path.join(PEER_PACKAGES, name, 'package.json'), 'utf8')).version;
  return { firstPrompt: quiz.questions[0].prompt, versions: `survey-core ${version('survey-core')}, survey-js-ui ${version('survey-js-ui')}` };
}

// ---------------------------------------------------------------------------------------------
// A static server per page: 127.0.0.1, a free port, nothing cached.

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function serve(dir) {
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
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
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
 * navigation start) the first time an enabled input of the first question is in the DOM.
 */
function markFirstQuestion(selector) {
  const mark = () => {
    if (window.__benchFirstQuestion === undefined && document.querySelector(selector)) {
      window.__benchFirstQuestion = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(mark);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
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
async function load(browser, target, { record = false, wasm = false, url = target.url } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(`uncaught page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && errors.push(`console error: ${message.text()}`));
    const requests = [];
    if (record) page.on('request', (request) => requests.push(request));
    await page.addInitScript(markFirstQuestion, target.ready);
    if (wasm) await page.addInitScript(captureWasmMemory);
    await page.goto(target.base + url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    try {
      // Polled every 20 ms, not every frame: the page's own work is what is being timed.
      await page.waitForFunction(() => window.__benchFirstQuestion !== undefined, null, { polling: 20, timeout: LOAD_TIMEOUT_MS });
    } catch {
      throw new Unmeasured(`${target.name}: no enabled "${target.ready}" within ${LOAD_TIMEOUT_MS / 1000}s${errors.length ? `; ${errors.join('; ')}` : ''}`);
    }
    const ms = await page.evaluate(() => window.__benchFirstQuestion);
    const before = requests.slice();
    const files = record ? await Promise.all(before.map((request) => bodyOf(target, request))) : [];
    if (errors.length) throw new Unmeasured(`${target.name}: the browser reported errors: ${errors.join('; ')}`);
    return { ms, page, context, files: files.filter(Boolean) };
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

/** Bytes: one recorded load; also checks that the first question is the quiz's and can be clicked. */
async function measureBytes(browser, target, firstPrompt) {
  const { context, page, files } = await load(browser, target, { record: true });
  try {
    const prompt = (await page.locator(target.prompt).first().textContent()).trim();
    if (!prompt.includes(firstPrompt)) {
      throw new Unmeasured(`${target.name}: the first question reads ${JSON.stringify(prompt)}, not ${JSON.stringify(firstPrompt)}`);
    }
    // Playwright's actionability checks (visible, stable, enabled, not covered) without clicking.
    await page.locator(target.click).first().click({ trial: true, timeout: 5_000 }).catch(() => {
      throw new Unmeasured(`${target.name}: the first option is in the DOM but cannot be clicked`);
    });
    const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { files, total };
  } finally {
    await context.close();
  }
}

/** Time to first question: cold loads, ours and the peer in turn (A, B, A, B, …). */
async function measureTimes(browser, targets, loads) {
  const times = targets.map(() => []);
  // One untimed load of each first: the browser process and the servers warm up, not the pages.
  for (const target of targets) await (await load(browser, target)).context.close();
  for (let i = 0; i < loads; i++) {
    for (const [t, target] of targets.entries()) {
      const { ms, context } = await load(browser, target);
      await context.close();
      times[t].push(ms);
    }
    if ((i + 1) % 5 === 0) progress(`timing: ${i + 1}/${loads} cold loads of each page`);
  }
  return times.map(stats);
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
      await until('the feedback', () => document.querySelector('form.sq-card .sq-feedback'));
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

async function measureMemory(browser, ours, peer, quizzes) {
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
  // The peer, loaded, for scale (it has no wasm).
  const loaded = await load(browser, peer);
  let peerLoaded;
  try {
    const cdp = await loaded.context.newCDPSession(loaded.page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('Performance.enable');
    peerLoaded = await snapshot(cdp, loaded.page);
  } finally {
    await loaded.context.close();
  }
  return { quizLength: MEMORY_QUIZ_LENGTH, answered, points, verdicts: verdicts(points), peerLoaded };
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
  // e.g. "generate 10-question quiz\n    time:   [53.1 µs 53.6 µs 54.2 µs]"
  const match = run.stdout.match(/^(.*?)\s*\n?\s*time:\s+\[(\S+ \S+) (\S+ \S+) (\S+ \S+)\]/m);
  if (!match) throw new Unmeasured(`no "time: [...]" line in criterion's output:\n${run.stdout}`);
  return { name: match[1].trim(), low: match[2], estimate: match[3], high: match[4], quick };
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

function report(r) {
  heading('Sourced Quiz benchmarks');
  console.log(`  ours: ${r.ours.url} from ${path.relative(ROOT, DIST) || '.'}/ (release build; autostart=1 skips the start screen)`);
  console.log(`  peer: the same ${COUNT} questions (sourced quiz --seed ${SEED} --count ${COUNT} --json) as a SurveyJS quiz, ${r.peer.versions}`);
  console.log(`  both: headless Chromium ${r.browserVersion}, served from 127.0.0.1 with Cache-Control: no-store`);

  heading('1. Bytes the browser downloads until the first question can be clicked');
  for (const [label, bytes] of [['ours', r.bytes.ours], ['peer', r.bytes.peer]]) {
    console.log(`  ${label}:`);
    const rows = bytes.files.map((f) => [f.name, kb(f.raw), kb(f.gzip), kb(f.brotli)]);
    rows.push(['total', kb(bytes.total.raw), kb(bytes.total.gzip), kb(bytes.total.brotli)]);
    table(['file', 'raw', 'gzip -9', 'brotli 11'], rows, '    ');
  }
  const fetched = new Set(r.bytes.ours.files.map((f) => f.name));
  const unfetched = listFiles(DIST).filter((name) => !fetched.has(name));
  if (unfetched.length) console.log(wrap(`dist/ also holds, not fetched for the first question: ${unfetched.join(', ')}`, '  '));
  console.log('');
  table(
    ['total', 'ours', 'peer', 'ours/peer'],
    ['raw', 'gzip', 'brotli'].map((k) => [k === 'gzip' ? 'gzip -9' : k === 'brotli' ? 'brotli 11' : k, kb(r.bytes.ours.total[k]), kb(r.bytes.peer.total[k]), ratio(r.bytes.ours.total[k], r.bytes.peer.total[k])]),
  );
  console.log('  (ours ships the whole fact table, articles and quotes, and generates any quiz in the page;');
  console.log('   the peer ships these 10 questions only, and its stylesheet without web fonts)');

  heading(`2-3. Time to first question: navigation start to the first option enabled in the DOM`);
  console.log(`  ${r.times.ours.n} cold loads each (fresh context, no cache), ours and peer interleaved, after one untimed load of each`);
  table(
    ['page', 'median', 'min', 'p90', 'max'],
    [
      ['ours (?seed=42&count=10&autostart=1)', ms(r.times.ours.median), ms(r.times.ours.min), ms(r.times.ours.p90), ms(r.times.ours.max)],
      ['peer (SurveyJS)', ms(r.times.peer.median), ms(r.times.peer.min), ms(r.times.peer.p90), ms(r.times.peer.max)],
      ['ours/peer', ratio(r.times.ours.median, r.times.peer.median), '', '', ''],
    ],
  );

  heading('4. Generation (criterion, native)');
  if (r.generation) {
    table(
      ['benchmark', 'low', 'estimate', 'high'],
      [[r.generation.name + (r.generation.quick ? ' (--quick)' : ''), r.generation.low, r.generation.estimate, r.generation.high]],
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
  console.log(`  for scale, the peer after loading: JS heap ${mb(r.memory.peerLoaded.jsHeap)}, ${r.memory.peerLoaded.nodes} DOM nodes`);
  r.memory.verdict = overall;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Unmeasured(`no ${DIST}/index.html: run 'trunk build --release' first`);
  const peerBuild = buildPeer();

  const oursServer = await serve(DIST);
  const peerServer = await serve(PEER_DIR);
  const ours = {
    name: 'ours',
    base: oursServer.base,
    url: `/?seed=${SEED}&count=${COUNT}&autostart=1`,
    ready: 'fieldset.sq-question :is(input, select, button):not(:disabled)',
    prompt: 'fieldset.sq-question legend',
    click: 'fieldset.sq-question .sq-option, fieldset.sq-question :is(input, select, button)',
  };
  const peer = {
    name: 'peer',
    base: peerServer.base,
    url: '/',
    ready: '.sd-question :is(input, select, textarea):not(:disabled)',
    prompt: '.sd-question .sd-question__title',
    click: '.sd-question .sd-item, .sd-question :is(input, select, textarea)',
  };
  const browser = await chromium.launch(CHROMIUM);
  const results = { date: new Date().toISOString(), ours: { url: ours.url }, peer: { versions: peerBuild.versions }, browserVersion: browser.version() };
  try {
    progress('bytes: one recorded load of each page');
    results.bytes = {
      ours: await measureBytes(browser, ours, peerBuild.firstPrompt),
      peer: await measureBytes(browser, peer, peerBuild.firstPrompt),
    };
    const [oursTimes, peerTimes] = await measureTimes(browser, [ours, peer], options.loads);
    results.times = { ours: oursTimes, peer: peerTimes };
    results.memory = await measureMemory(browser, ours, peer, options.quizzes);
  } finally {
    await browser.close();
    await oursServer.close();
    await peerServer.close();
  }
  // After the browser work, so that cargo never competes with the timed loads for the CPU.
  results.generation = options.generate ? measureGeneration(options.quick) : null;

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
