// End-to-end test with a real WordPress: Debian's `wordpress` package (6.1) on PHP's built-in
// server, with a MariaDB of its own (tests/e2e/wordpress/setup), all on 127.0.0.1. An editor's
// post whose body is nothing but the quiz's link (a page written by `sourced embed-page`, served
// from the quiz's own origin with CORS): WordPress must discover the oEmbed, wrap it in its
// sandboxed iframe, and size it with its own wp-embed script; the quiz must answer inside it.
//
// WordPress fetches the quiz page and its oEmbed JSON itself (wp_safe_remote_get), and refuses
// loopback hosts and ports other than 80, 443 and 8080: the test site's mu-plugin
// (tests/e2e/wordpress/mu-plugins/) allows 127.0.0.1 and its port, as a public quiz host needs not.
//
// Run after `trunk build --release` (and the CLI's release build), as root:
//   node tests/e2e/wordpress.mjs

import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { DIST, HERE, ROOT, SetupFailure, assert, assertEqual, runSuite, serveDist } from './harness.mjs';
import { waitForStart, startQuiz, waitForQuestion, answer } from './quiz.mjs';

const WP = path.join(HERE, 'wordpress');
const WP_ROOT = '/usr/share/wordpress';
const CLI = path.join(ROOT, 'target/release/sourced');
const COUNT = 2;
const SETTLE_MS = 5_000;
/** wp-embed.js's bounds for a frame's height. */
const WP_MIN = 200;
const WP_MAX = 1000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A port nothing listens on now, for PHP's server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, what, ms = 15_000) {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error.message;
    }
    await sleep(200);
  }
  throw new SetupFailure(`${what} did not answer at ${url} within ${ms / 1000}s (${last})`);
}

async function setup() {
  const started = Date.now();
  try {
    execFileSync(path.join(WP, 'setup'), ['start'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    throw new SetupFailure(`tests/e2e/wordpress/setup start failed (${error.message.split('\n')[0]})`);
  }
  const setupSeconds = (Date.now() - started) / 1000;

  // The quiz's host: a copy of dist/ with a page for this quiz, CORS on (a sandboxed frame's
  // requests all come from an opaque origin).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sq-wordpress-'));
  fs.cpSync(DIST, copy, { recursive: true });
  const quiz = await serveDist({ root: copy, cors: true });
  const pageUrl = execFileSync(
    CLI,
    ['embed-page', 'carney-in-kyiv', '--url', `${quiz.base}/`, '--dist', copy, '--seed', '42', '--count', String(COUNT), '--kinds', 'multiple_choice,true_false'],
    { encoding: 'utf8' },
  ).split(' ')[0];

  const port = await freePort();
  const home = `http://127.0.0.1:${port}`;
  // PHP's log, kept only when the suite cannot start (then it says why).
  const logFile = path.join(os.tmpdir(), `sq-wordpress-php-${port}.log`);
  const log = fs.openSync(logFile, 'w');
  // Its own process group: PHP's server forks its workers, and all of them must stop with it.
  const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WP_ROOT, path.join(WP, 'router.php')], {
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const close = async () => {
    try {
      process.kill(-php.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await quiz.close();
    fs.rmSync(copy, { recursive: true, force: true });
    execFileSync(path.join(WP, 'setup'), ['stop'], { stdio: 'ignore' });
  };
  const closeClean = async () => {
    await close();
    fs.rmSync(logFile, { force: true });
  };
  try {
    const post = execFileSync('php', [path.join(WP, 'install.php'), home, pageUrl], { encoding: 'utf8' }).trim();
    assert(/^\d+$/.test(post), `install.php printed ${JSON.stringify(post)}, not a post id`);
    await waitForHttp(`${home}/`, "WordPress (PHP's built-in server)");
    return { env: { base: home, home, post, pageUrl, quiz: quiz.base, setupSeconds }, close: closeClean };
  } catch (error) {
    await close();
    const why = error instanceof SetupFailure ? error.message : `the WordPress site could not be made: ${error.message}`;
    throw new SetupFailure(`${why} (PHP's log: ${logFile})`);
  }
}

/** The embed as WordPress wrote it, and as wp-embed has sized it so far. */
function embedState(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('iframe.wp-embedded-content');
    const quote = document.querySelector('blockquote.wp-embedded-content');
    return {
      frames: document.querySelectorAll('iframe').length,
      src: frame?.getAttribute('src') ?? null,
      sandbox: frame?.getAttribute('sandbox') ?? null,
      security: frame?.getAttribute('security') ?? null,
      secret: frame?.dataset.secret ?? null,
      quoteSecret: quote?.dataset.secret ?? null,
      quoteLink: quote?.querySelector('a')?.getAttribute('href') ?? null,
      quoteShown: quote ? getComputedStyle(quote).display !== 'none' : null,
      clipped: frame?.hasAttribute('style') ?? null,
      height: frame ? Number(frame.getAttribute('height')) : null,
      wpEmbed: [...document.scripts].some((s) => /wp-includes\/js\/wp-embed(\.min)?\.js/.test(s.src)),
    };
  });
}

/** The post, with the quiz WordPress embedded from its link, answered inside WordPress's frame. */
async function pastedLink(run) {
  const { home, post, pageUrl } = run.env;
  const { page, goto, assertNoErrors } = await run.open();
  // Layout shifts on the post, for the figures (not asserted: WordPress itself shows the
  // blockquote first and swaps in the frame when it speaks).
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => e.hadRecentInput || window.__shifts.push(e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  await goto(`${home}/?p=${post}`);
  const wrote = await embedState(page);
  assertEqual(wrote.frames, 1, 'iframes in the post');
  assert(wrote.src?.startsWith(`${pageUrl}#?secret=`), `WordPress's iframe src ${JSON.stringify(wrote.src)} is not the quiz page ${pageUrl} with its secret`);
  assertEqual(wrote.src.split('#?secret=')[1], wrote.secret, "the secret in the src and in the iframe's data-secret");
  assert(/^[A-Za-z0-9]{10}$/.test(wrote.secret ?? ''), `data-secret ${JSON.stringify(wrote.secret)}`);
  assertEqual(wrote.sandbox, 'allow-scripts', "the iframe's sandbox");
  assertEqual(wrote.security, 'restricted', "the iframe's security attribute");
  assertEqual(wrote.quoteSecret, wrote.secret, "the blockquote's data-secret");
  assertEqual(wrote.quoteLink, pageUrl, 'the blockquote fallback links the quiz page');
  assert(wrote.wpEmbed, "WordPress did not load its wp-embed script for the embed");

  const scope = page.frames().find((f) => f.url().startsWith(pageUrl));
  assert(scope, `no frame at ${pageUrl}`);
  await waitForStart(scope, "the quiz in WordPress's frame");
  const sized = async (when) => {
    let state;
    let body;
    const deadline = Date.now() + SETTLE_MS;
    do {
      await sleep(100);
      state = await embedState(page);
      body = await scope.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    } while ((state.clipped || state.quoteShown || state.height !== Math.min(WP_MAX, Math.max(WP_MIN, body))) && Date.now() < deadline);
    assert(!state.clipped && !state.quoteShown, `${when}: wp-embed never showed the frame (clipped ${state.clipped}, blockquote shown ${state.quoteShown})`);
    assertEqual(state.height, Math.min(WP_MAX, Math.max(WP_MIN, body)), `${when}: the height wp-embed gave the frame (content ${body}px)`);
    return state.height;
  };
  const heights = { start: await sized('the start screen') };
  await sleep(500);
  const cls = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
  run.step("answering a question inside WordPress's frame");
  await startQuiz(scope);
  await waitForQuestion(scope, 1, COUNT, "WordPress's frame");
  heights.question = await sized('question 1');
  const { kind, right } = await answer(scope, "WordPress's frame, question 1");
  heights.feedback = await sized('the feedback');
  assert(heights.feedback > heights.question, `the frame did not follow the feedback (${heights.question}px -> ${heights.feedback}px)`);
  assertEqual(await scope.evaluate(() => window.origin), 'null', "the quiz's origin in WordPress's sandbox");
  assertNoErrors();
  return (
    `WordPress ${wordpressVersion()} discovered ${pageUrl}oembed.json, wrapped it (sandbox="allow-scripts", security="restricted", secret ${wrote.secret}); ` +
    `wp-embed sized it ${Object.entries(heights).map(([k, v]) => `${k} ${v}`).join(', ')} px; ${kind} answered (${right ? 'right' : 'wrong'}); ` +
    `CLS of the post until the start screen ${cls.toFixed(4)} (WordPress's blockquote-to-frame swap); setup ${run.env.setupSeconds.toFixed(1)}s`
  );
}

function wordpressVersion() {
  const text = fs.readFileSync(path.join(WP_ROOT, 'wp-includes/version.php'), 'utf8');
  return text.match(/\$wp_version = '([^']+)'/)?.[1] ?? '?';
}

runSuite({
  label: 'e2e wordpress',
  tests: [["a post whose body is the quiz's link: WordPress discovers the oEmbed, sandboxes it, wp-embed sizes it, the quiz answers inside", pastedLink]],
  setup,
});
