// End-to-end tests of the classroom features (issue 7) against the release build (dist/), in
// Debian's headless Chromium.
//
// What it checks:
//   1. teacher -> students: the teacher's setup (5 questions, medium, two topics, a quiz number of
//      their own) gives a class code; in two separate browser profiles one student types the code
//      on the start screen (lower case, with a space) and the other opens the student link; both
//      get the same questions and options in the same order, and they are `sourced quiz`'s for
//      the spec the teacher chose.
//   2. mistyped codes (one symbol changed, two neighbours swapped, a 0 or an O typed, too short,
//      and a mistyped `?code=` address) are refused with a message naming the problem, and start
//      no quiz; the right code, typed with a hyphen, then starts the right one.
//   3. printing: the worksheet and the answer key, to PDF on A4 and Letter, read back with
//      pdftotext: every prompt; explanations only on the key, with every quote and its outlet;
//      no buttons, no sources panel; the page size and a sensible number of pages.
//   4. results without a server: the CSV and JSON downloads hold every question with the given
//      and correct answer, right or wrong, fact ids and seconds, and the summary's score; Copy
//      summary puts the text area's three lines on the clipboard; the page asks nothing of the
//      network but its own files.
//   5. the source-literacy preset (`?preset=source-literacy…`) and the teacher's button for it
//      give only source checks, the same as `sourced quiz --kinds source_check`.
//   6. a reading quiz: the teacher picks a passage and gets a link (no class code); a student on a
//      phone sees the passage above each question, `sourced quiz --passage`'s questions, and after
//      each check the sentences holding its quotes marked; the worksheet prints the passage.
//   7. axe-core (WCAG 2.0/2.1/2.2 A and AA, best practices) on the teacher view, the worksheet,
//      the answer key, the start screen refusing a code and a reading quiz before and after a
//      mark, light and dark: zero violations.
//   8. two bundles: the reader's wasm holds no article's text (the classroom's holds each whole);
//      a quiz at the page's address loads only the reader's bundle, and the teacher's page, a
//      sheet and a reading quiz at the same address (and classroom/ itself) the classroom's.
// Every test also fails on a console error, an uncaught page error or a failed request.
//
// Run after `trunk build --release`:   node tests/e2e/classroom.mjs
//   E2E_DIST=dir      serve another build
//   E2E_ONLY=text     run only the tests whose name contains `text`
// It serves the build itself on 127.0.0.1 (a free port), under the strict CSP the README gives,
// runs target/release/sourced (building it first if cargo finds it stale), and never downloads a
// browser. PDFs and downloads are written to tests/e2e/artifacts/ (ignored by git).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
  DIST,
  ARTIFACTS,
  Failure,
  SetupFailure,
  assert,
  assertEqual,
  runAxe,
  ViolationLog,
  serveDist,
  runSuite,
} from './harness.mjs';
import { everyKindSeed, isChoiceKind, pageKindOf, waitForQuestion, readQuestion, expectedOnScreen, takeQuiz } from './quiz.mjs';

const CLI = path.join(ROOT, 'target/release/sourced');
/** A 20-question quiz of every kind, for the sheets (found from the CLI: no hard-coded seed). */
const EVERY_KIND_SEED = everyKindSeed(20);

/** Symbols a class code is made of (no 0, O, 1 or I). */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/**
 * Paper sizes in PostScript points, and the name pdfinfo gives them. Chromium rounds A4 to whole
 * CSS pixels (595.92 x 842.88 pt), so sizes are compared to within 1.5 pt: A4 and Letter differ
 * by 17 pt in width and 50 pt in height.
 */
const PAPER = { A4: { width: 595.28, height: 841.89, name: 'A4' }, Letter: { width: 612, height: 792, name: 'letter' } };
/** At most this many printed pages per 10 questions: the worksheet, and the key with its quotes. */
const PAGES_PER_10 = { worksheet: 6, key: 12 };

// ---------------------------------------------------------------------------------------------
// The CLI, and text helpers.

/** `sourced quiz … --json`: the quiz the page must show for the same spec. */
function cliQuiz({ seed, count, topics = [], kinds = [], difficulty = null, passage = null }) {
  const args = ['quiz', '--seed', String(seed), '--count', String(count)];
  if (passage) args.push('--passage', String(passage));
  if (topics.length) args.push('--topics', topics.join(','));
  if (kinds.length) args.push('--kinds', kinds.join(','));
  if (difficulty) args.push('--difficulty', difficulty);
  const quiz = JSON.parse(execFileSync(CLI, [...args, '--json'], { cwd: ROOT, encoding: 'utf8' }));
  quiz.command = `sourced ${args.join(' ')}`;
  return quiz;
}

/** The table's sources by id (headline, outlet, notes), from `sourced facts --json`. */
function cliSources() {
  const table = JSON.parse(execFileSync(CLI, ['facts', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }));
  return new Map(table.sources.map((source) => [source.id, source]));
}

/**
 * Text for comparing with what pdftotext reads back: compatibility forms (ligatures) folded, and
 * every space, line break and soft hyphen dropped, so that wrapping anywhere does not matter.
 */
const squash = (text) => text.normalize('NFKC').replace(/[\s\u00ad]+/g, '');

// ---------------------------------------------------------------------------------------------
// Page helpers: the teacher's setup.

async function openTeacher(run, options) {
  const session = await run.open(options);
  await session.goto('/?view=teacher');
  await session.page.waitForSelector('section.sq-teacher .sq-code');
  return session;
}

function group(page, legend) {
  return page.locator('section.sq-teacher fieldset').filter({ has: page.locator(`legend:text-is("${legend}")`) });
}

/** The class code on the teacher's screen, as shown ("K7MQ P4XA") and as the links carry it. */
async function teacherCode(page) {
  const shown = (await page.locator('section.sq-teacher .sq-code').textContent()).trim();
  const pattern = new RegExp(`^[${CODE_ALPHABET}]{4} [${CODE_ALPHABET}]{4}$`);
  assert(pattern.test(shown), `the class code is shown as ${JSON.stringify(shown)}, not two groups of four code symbols`);
  return { shown, code: shown.replace(' ', '') };
}

/** Waits until the code on screen differs from `before` (a setting changed) and returns it. */
async function codeAfterChange(page, before, what) {
  try {
    await page.waitForFunction(
      (before) => document.querySelector('section.sq-teacher .sq-code')?.textContent.trim() !== before,
      before,
      { timeout: 5_000 },
    );
  } catch {
    throw new Failure(`the class code stayed ${before} after ${what}`);
  }
  return teacherCode(page);
}

async function setQuizNumber(page, seed) {
  const input = page.locator('section.sq-teacher input[type=number]');
  await input.fill(String(seed));
  await page.waitForFunction(
    (seed) => document.querySelector('section.sq-teacher input[type=number]')?.value === seed,
    String(seed),
  );
}

async function quizNumber(page) {
  return Number(await page.locator('section.sq-teacher input[type=number]').inputValue());
}

/** The three links under the code, checked against the code; returns their addresses. */
async function teacherLinks(run, page, code) {
  const hrefs = await page.locator('section.sq-teacher .sq-links a').evaluateAll((links) => links.map((a) => a.href));
  assertEqual(hrefs.length, 3, 'links beside the class code');
  const [student, worksheet, key] = hrefs.map((href) => new URL(href));
  for (const [url, view] of [[student, null], [worksheet, 'worksheet'], [key, 'key']]) {
    assertEqual(url.origin, run.base, `the ${view ?? 'student'} link's origin`);
    assertEqual(url.searchParams.get('code'), code, `the code in the ${view ?? 'student'} link ${url}`);
    assertEqual(url.searchParams.get('view'), view, `the view in the ${view ?? 'student'} link ${url}`);
  }
  return { student: student.href, worksheet: worksheet.href, key: key.href };
}

/** The topics the page offers, in table order: [id, label shown]. */
async function topicLabels(run) {
  const { page, goto, assertNoErrors } = await run.open();
  await goto('/');
  await page.waitForSelector('form.sq-start');
  const topics = await page.locator('form.sq-start input[name=sq-topic]').evaluateAll((boxes) =>
    boxes.map((box) => [box.value, box.parentElement.querySelector('span').textContent.trim()]),
  );
  assertNoErrors();
  await page.context().close();
  return topics;
}

// ---------------------------------------------------------------------------------------------
// Page helpers: the summary.

/** The summary's settings, read back from its "Link to this exact quiz". */
async function summarySpec(page) {
  const link = new URL(await page.locator('section.sq-summary input[readonly]').inputValue());
  const params = link.searchParams;
  return {
    seed: Number(params.get('seed')),
    count: Number(params.get('count')),
    topics: params.get('topics')?.split(',') ?? [],
    kinds: params.get('kinds')?.split(',') ?? [],
    difficulty: params.get('difficulty'),
  };
}

// ---------------------------------------------------------------------------------------------
// Test 1: the teacher sets up, two students on two devices get the same quiz, the CLI's.

async function teacherToStudents(run) {
  const topics = await topicLabels(run);
  const chosen = topics.filter(([id]) => id === 'aid' || id === 'russia');
  assertEqual(chosen.length, 2, 'the topics aid and russia on the start screen');

  const teacher = await openTeacher(run);
  const { page } = teacher;
  run.step('teacher: choose 5 questions, medium, two topics');
  let { code } = await teacherCode(page);
  await group(page, 'Questions').getByRole('radio', { name: '5', exact: true }).check();
  ({ code } = await codeAfterChange(page, code, 'choosing 5 questions'));
  await group(page, 'Difficulty').getByRole('radio', { name: 'Medium', exact: true }).check();
  ({ code } = await codeAfterChange(page, code, 'choosing medium'));
  for (const [, label] of chosen) {
    await group(page, 'Topics (none ticked: all)').getByRole('checkbox', { name: label, exact: true }).check();
    ({ code } = await codeAfterChange(page, code, `ticking ${label}`));
  }
  const kindsTicked = await group(page, 'Kinds of question (none ticked: all)').locator('input:checked').count();
  assertEqual(kindsTicked, 0, 'kinds ticked by default');
  assert((await quizNumber(page)) < 256, `with two topics the quiz number must fit a code (< 256), it is ${await quizNumber(page)}`);

  run.step('teacher: Draw another');
  const drawnBefore = await quizNumber(page);
  for (let tries = 0; tries < 5 && (await quizNumber(page)) === drawnBefore; tries++) {
    await page.getByRole('button', { name: 'Draw another' }).click();
    await page.waitForTimeout(100);
  }
  assert((await quizNumber(page)) !== drawnBefore, `"Draw another" kept the quiz number ${drawnBefore}`);
  ({ code } = await codeAfterChange(page, code, 'Draw another'));

  run.step('teacher: type a quiz number');
  const seed = 200;
  await setQuizNumber(page, seed);
  const { shown, code: finalCode } = await codeAfterChange(page, code, `typing the quiz number ${seed}`);
  code = finalCode;
  const links = await teacherLinks(run, page, code);
  teacher.assertNoErrors();

  const spec = { seed, count: 5, topics: chosen.map(([id]) => id), difficulty: 'medium' };
  const quiz = cliQuiz(spec);
  assertEqual(quiz.questions.length, 5, `questions from \`${quiz.command}\``);

  // Two devices: separate browsers with empty profiles.
  run.step('student A: type the code on the start screen');
  const typed = shown.toLowerCase();
  const a = await run.openProfile('student-a');
  await a.goto('/');
  await a.page.waitForSelector('form.sq-join');
  await a.page.locator('form.sq-join input[type=text]').fill(typed);
  await a.page.getByRole('button', { name: 'Start the class quiz' }).click();
  const seenA = await takeQuiz(a.page, { where: 'student A (typed the code)', expected: quiz.questions, rightAt: (i) => i % 2 === 0, run });

  run.step('student B: open the student link');
  const b = await run.openProfile('student-b');
  await b.goto(links.student);
  const seenB = await takeQuiz(b.page, { where: 'student B (opened the link)', expected: quiz.questions, rightAt: (i) => i % 3 === 0, run });

  assertEqual(
    seenB.map(({ given, right, ...question }) => question),
    seenA.map(({ given, right, ...question }) => question),
    'the questions student B saw, compared with student A',
  );
  for (const [who, student] of [['A', a], ['B', b]]) {
    assertEqual(await summarySpec(student.page), { ...spec, kinds: [] }, `student ${who}'s summary link (the decoded spec)`);
    const paste = await student.page.locator('section.sq-summary textarea.sq-paste').inputValue();
    assertEqual(paste.split('\n')[1], `Quiz: class code ${code}`, `student ${who}'s summary to paste, line 2`);
    student.assertNoErrors();
  }
  return `code ${shown} (typed as "${typed}" and opened as ${new URL(links.student).search}): both students got \`${quiz.command}\` (${quiz.questions.map((q) => q.kind).join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Test 2: a mistyped code is refused with the reason, and starts nothing.

async function mistypedCodes(run) {
  const teacher = await openTeacher(run);
  await setQuizNumber(teacher.page, 42);
  const { code } = await teacherCode(teacher.page);
  teacher.assertNoErrors();
  const quiz = cliQuiz({ seed: 42, count: 10 });

  const changed = [...code];
  changed[2] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[2]) + 1) % CODE_ALPHABET.length];
  const swapAt = [...code].findIndex((c, i) => i + 1 < code.length && c !== code[i + 1]);
  const swapped = [...code];
  [swapped[swapAt], swapped[swapAt + 1]] = [swapped[swapAt + 1], swapped[swapAt]];
  const cases = [
    [`one symbol changed (${changed.join('')})`, changed.join(''), 'this code has a typo: compare it with the one your teacher gave, letter by letter'],
    [`neighbours ${swapAt + 1} and ${swapAt + 2} swapped (${swapped.join('')})`, swapped.join(''), 'this code has a typo: compare it with the one your teacher gave, letter by letter'],
    ['a zero typed', `${code.slice(0, 4)}0${code.slice(5)}`, 'character 5, “0”, is never used in class codes (they have no 0, O, 1 or I)'],
    ['a letter O typed', `${code[0]}O${code.slice(2)}`, 'character 2, “O”, is never used in class codes (they have no 0, O, 1 or I)'],
    ['a symbol left out', code.slice(0, 7), 'a class code has 8 letters and digits, and this one has 7'],
  ];

  const { page, goto, assertNoErrors } = await run.open();
  await goto('/');
  await page.waitForSelector('form.sq-join');
  const input = page.locator('form.sq-join input[type=text]');
  for (const [what, typed, reason] of cases) {
    run.step(`typing a code with ${what}`);
    await input.fill(typed);
    await page.getByRole('button', { name: 'Start the class quiz' }).click();
    const expected = `That class code does not work: ${reason}`;
    try {
      await page.waitForFunction(
        (expected) => document.querySelector('#sq-code-error')?.textContent.trim() === expected,
        expected,
        { timeout: 5_000 },
      );
    } catch {
      const shown = await page.evaluate(() => document.querySelector('#sq-code-error')?.textContent.trim() ?? null);
      throw new Failure(`code with ${what} ("${typed}"): expected the error "${expected}", the page shows ${JSON.stringify(shown)}`);
    }
    assertEqual(await page.locator('#sq-code-error').getAttribute('role'), 'alert', `${what}: the error's role`);
    assertEqual(await input.getAttribute('aria-invalid'), 'true', `${what}: aria-invalid on the code field`);
    assertEqual(await input.getAttribute('aria-describedby'), 'sq-code-error', `${what}: aria-describedby on the code field`);
    assertEqual(await page.locator('form.sq-card').count(), 0, `${what}: question cards on screen`);
    assertEqual(await page.locator('form.sq-start').count(), 1, `${what}: start screens on screen`);
  }

  run.step('typing the right code, with a hyphen');
  await input.fill(`${code.slice(0, 4)}-${code.slice(4)}`);
  await page.getByRole('button', { name: 'Start the class quiz' }).click();
  await waitForQuestion(page, 1, quiz.questions.length);
  assertEqual(await readQuestion(page), expectedOnScreen(quiz.questions[0]), 'the first question after the right code');
  assertNoErrors();

  // A mistyped code in the address: the start screen says what is wrong; no quiz starts.
  const typo = changed.join('');
  const byLink = await run.open();
  await byLink.goto(`/?code=${typo}`);
  await byLink.page.waitForSelector('form.sq-start');
  const notice = (await byLink.page.locator('form.sq-start .sq-notice').textContent()).trim();
  assert(
    notice.includes(`\`code=${typo}\` is not valid`) && notice.includes('this code has a typo'),
    `?code=${typo}: the start screen's notice is ${JSON.stringify(notice)}`,
  );
  await byLink.page.waitForTimeout(300);
  assertEqual(await byLink.page.locator('form.sq-card').count(), 0, `?code=${typo}: question cards on screen`);
  byLink.assertNoErrors();
  return `${code}: ${cases.map(([what]) => what).join('; ')}; and ?code=${typo} — each refused with its reason; ${code.slice(0, 4)}-${code.slice(4)} then starts \`${quiz.command}\``;
}

// ---------------------------------------------------------------------------------------------
// Test 3: the worksheet and the answer key, printed to PDF and read back.

function pdfInfo(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/m.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]), paper: size?.[3] ?? null };
}

/**
 * How far down each page of a PDF the ink reaches (0 to 1), from pdftoppm's grey images at
 * 24 dpi: a page that is not the last and stops near its top is a near-empty page.
 */
function inkPerPage(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sq-pages-'));
  execFileSync('pdftoppm', ['-r', '24', '-gray', file, path.join(dir, 'page')]);
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
  const fills = pages.map((name) => {
    const data = fs.readFileSync(path.join(dir, name));
    // P5 header: magic, width, height, maxval, each followed by one whitespace byte.
    const header = data.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = data.subarray(header[0].length);
    let last = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * width + x] < 160) {
          last = y;
          break;
        }
      }
    }
    return (last + 1) / height;
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return fills;
}

/** Prints the page as it is to `name`.pdf on `format` paper and reads it back. */
async function printToPdf(page, name, format) {
  const file = path.join(ARTIFACTS, `${name}-${format}.pdf`);
  await page.pdf({ path: file, format });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.writeFileSync(file.replace(/\.pdf$/, '.txt'), text);
  return { file, text, ...pdfInfo(file) };
}

/**
 * Checks one sheet: its DOM against the CLI, what print CSS hides, and its PDFs on A4 and Letter.
 * Returns a line per paper size for the report.
 */
async function checkSheet(run, url, { quiz, answers, code, sources }) {
  const sheet = answers ? 'key' : 'worksheet';
  const { page, goto, assertNoErrors } = await run.open();
  await goto(url);
  await page.waitForSelector(answers ? 'section.sq-sheet.sq-answer-key' : 'section.sq-sheet');
  const where = `${sheet} (${url})`;
  const total = quiz.questions.length;

  run.step(`${where}: compare with the CLI`);
  assertEqual((await page.locator('section.sq-sheet h2').textContent()).trim(), answers ? 'Answer key' : 'Worksheet', `${where}: heading`);
  const meta = (await page.locator('section.sq-sheet > .sq-meta').textContent()).trim();
  if (code) assertEqual(meta, `Class code ${code} · ${total} questions`, `${where}: the line under the heading`);
  const prompts = await page.locator('.sq-sheet-question .sq-sheet-prompt').allTextContents();
  assertEqual(prompts.map((p) => p.trim()), quiz.questions.map((q) => q.prompt), `${where}: prompts, compared with \`${quiz.command}\``);
  if (!answers) {
    for (const [i, question] of quiz.questions.entries()) {
      if (!isChoiceKind(question.kind)) continue;
      const options = await page.locator('.sq-sheet-question').nth(i).locator('.sq-sheet-options li').allTextContents();
      assertEqual(options, question.options.map((o) => `☐ ${o}`), `${where}: options of question ${i + 1}`);
    }
  }

  // What print CSS must hide, measured in print media.
  await page.emulateMedia({ media: 'print' });
  const shownInPrint = await page.evaluate(() =>
    [...document.querySelectorAll('.sq-widget button, .sq-widget .sq-sources, .sq-widget .sq-no-print')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}"`),
  );
  assertEqual(shownInPrint, [], `${where}: buttons or the sources panel visible in print media`);

  const lines = [];
  for (const format of ['A4', 'Letter']) {
    run.step(`${where}: print to PDF on ${format}`);
    const name = `${sheet}-${code ?? `seed${quiz.seed}`}-${total}q`;
    const pdf = await printToPdf(page, name, format);
    const what = `${sheet} on ${format} (${path.relative(ROOT, pdf.file)})`;
    const text = squash(pdf.text);

    const paper = PAPER[format];
    assert(
      Math.abs(pdf.width - paper.width) < 1.5 && Math.abs(pdf.height - paper.height) < 1.5 && pdf.paper === paper.name,
      `${what}: page size ${pdf.width} x ${pdf.height} pt (${pdf.paper}), expected ${paper.width} x ${paper.height} (${paper.name})`,
    );
    const maxPages = Math.ceil((PAGES_PER_10[sheet] * total) / 10);
    assert(pdf.pages >= 1 && pdf.pages <= maxPages, `${what}: ${pdf.pages} pages for ${total} questions (at most ${maxPages})`);

    const missing = quiz.questions.filter((q) => !text.includes(squash(q.prompt))).map((q) => q.prompt);
    assert(missing.length === 0, `${what}: prompts missing from the PDF text:\n    ${missing.join('\n    ')}`);
    assert(!/\bPrint\b/.test(pdf.text), `${what}: the PDF shows the Print button's text`);
    assert(!text.includes(squash('The sources')), `${what}: the sources panel ("The sources") is printed`);
    const notes = [...sources.values()].filter((s) => text.includes(squash(s.notes.slice(0, 80))));
    assert(notes.length === 0, `${what}: the sources panel's notes are printed (${notes.map((s) => s.id).join(', ')})`);
    if (code) assert(text.includes(squash(`Class code ${code}`)), `${what}: no "Class code ${code}" on the sheet`);

    if (answers) {
      const noExplanation = quiz.questions.filter((q) => !text.includes(squash(q.explanation)));
      assert(noExplanation.length === 0, `${what}: explanations missing:\n    ${noExplanation.map((q) => q.explanation).join('\n    ')}`);
      const problems = [];
      for (const [i, question] of quiz.questions.entries()) {
        for (const quote of question.quotes) {
          const source = sources.get(quote.source);
          if (!source) problems.push(`question ${i + 1}: unknown source ${quote.source}`);
          else if (!text.includes(squash(source.outlet))) problems.push(`question ${i + 1}: outlet "${source.outlet}"`);
          if (!text.includes(squash(quote.text))) problems.push(`question ${i + 1}: quote "${quote.text.slice(0, 60)}…"`);
        }
        if (!text.includes(squash(question.answer_text)) && pageKindOf(question.kind) !== 'matching') {
          problems.push(`question ${i + 1}: the answer "${question.answer_text}"`);
        }
      }
      assert(problems.length === 0, `${what}: missing from the key:\n    ${problems.join('\n    ')}`);
      const answerLines = pdf.text.split('The answer:').length - 1;
      assertEqual(answerLines, total, `${what}: "The answer:" lines`);
      assert(!pdf.text.includes('Name:'), `${what}: the key has a name line`);
    } else {
      const explained = quiz.questions.filter((q) => text.includes(squash(q.explanation)));
      assert(explained.length === 0, `${what}: the worksheet gives away explanations:\n    ${explained.map((q) => q.explanation).join('\n    ')}`);
      assert(!pdf.text.includes('The answer:'), `${what}: the worksheet gives away answers ("The answer:")`);
      assert(pdf.text.includes('Name:'), `${what}: no name line`);
      const options = quiz.questions.flatMap((q, i) =>
        (q.options ?? []).filter((o) => !text.includes(squash(o))).map((o) => `question ${i + 1}: "${o}"`),
      );
      assert(options.length === 0, `${what}: options missing:\n    ${options.join('\n    ')}`);
      const lines = quiz.questions.filter((q) => ['numeric', 'cloze'].includes(q.kind));
      const blanks = (pdf.text.match(/_{6,}/g) ?? []).length;
      assert(blanks >= lines.length + 1, `${what}: ${blanks} lines to write on for ${lines.length} numeric and cloze questions and the name`);
    }
    // Every number prints whole: "12." once printed as ".2.".
    const unnumbered = quiz.questions
      .map((q, i) => i + 1)
      .filter((n) => !new RegExp(`(^|\\s)${n}\\.\\s`, 'm').test(pdf.text));
    assert(unnumbered.length === 0, `${what}: question numbers not printed whole: ${unnumbered.join(', ')}`);
    // No near-empty page before the last (checked on the images, not the text).
    const fills = inkPerPage(pdf.file);
    const empty = fills.slice(0, -1).map((f, i) => [i + 1, f]).filter(([, f]) => f < 0.6);
    assert(
      empty.length === 0,
      `${what}: near-empty pages: ${empty.map(([p, f]) => `page ${p} inked to ${Math.round(f * 100)}% of its height`).join(', ')}`,
    );
    if (answers) {
      // The key opens with the answer grid, whole on its first page.
      const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf.file, '-'], { encoding: 'utf8' });
      const grid = first.split('Answers at a glance')[1];
      assert(grid !== undefined, `${what}: page 1 does not open with "Answers at a glance"`);
      const missing = quiz.questions.map((q, i) => i + 1).filter((n) => !new RegExp(`(^|\\s)${n}\\.\\s`, 'm').test(grid));
      assert(missing.length === 0, `${what}: the answer grid on page 1 lacks ${missing.join(', ')}`);
    }
    const least = Math.min(...fills.slice(0, -1), 1);
    lines.push(`${sheet} ${format}: ${pdf.pages} page(s), ${pdf.width}x${pdf.height} pt, the emptiest page but the last inked to ${Math.round(least * 100)}%`);
  }
  assertNoErrors();
  return lines;
}

async function printing(run) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const sources = cliSources();
  const teacher = await openTeacher(run);
  await setQuizNumber(teacher.page, 42);
  const { code } = await teacherCode(teacher.page);
  const links = await teacherLinks(run, teacher.page, code);
  teacher.assertNoErrors();

  const report = [];
  // The teacher's 10 questions by code, then every kind of question (seed 4, 20 questions) by seed.
  const ten = cliQuiz({ seed: 42, count: 10 });
  report.push(...(await checkSheet(run, links.worksheet, { quiz: ten, answers: false, code, sources })));
  report.push(...(await checkSheet(run, links.key, { quiz: ten, answers: true, code, sources })));
  const every = cliQuiz({ seed: EVERY_KIND_SEED, count: 20 });
  const kinds = new Set(every.questions.map((q) => q.kind));
  assert(kinds.size === 8, `\`${every.command}\` holds ${kinds.size} kinds, not all 8: ${[...kinds].join(', ')}`);
  report.push(...(await checkSheet(run, `/?seed=${EVERY_KIND_SEED}&count=20&view=worksheet`, { quiz: every, answers: false, sources })).map((l) => `20q ${l}`));
  report.push(...(await checkSheet(run, `/?seed=${EVERY_KIND_SEED}&count=20&view=key`, { quiz: every, answers: true, sources })).map((l) => `20q ${l}`));

  // A widget in dark mode (the reader's system, or theme=dark) still prints black on white.
  run.step('the answer key printed from a dark widget');
  for (const [colorScheme, query] of [['dark', ''], ['light', '&theme=dark']]) {
    const dark = await run.open({ colorScheme });
    await dark.goto(`/?seed=42&count=10&view=key${query}`);
    await dark.page.waitForSelector('section.sq-answer-key');
    const screen = await dark.page.evaluate(() => getComputedStyle(document.querySelector('.sq-widget')).backgroundColor);
    assert(screen !== 'rgb(255, 255, 255)', `the ${colorScheme} page${query} is not dark on screen (${screen})`);
    await dark.page.emulateMedia({ media: 'print' });
    const inks = await dark.page.evaluate(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        background: style('.sq-widget').backgroundColor,
        text: style('.sq-sheet-prompt').color,
        quote: style('.sq-answer-key blockquote').color,
        muted: style('.sq-answer-key .sq-meta').color,
      };
    });
    const dark_inks = Object.entries(inks).filter(([what, colour]) =>
      what === 'background' ? colour !== 'rgb(255, 255, 255)' : !/^rgb\((\d+), \1, \1\)$/.test(colour) || Number(/\d+/.exec(colour)[0]) > 80);
    assertEqual(dark_inks, [], `printing the key from a ${colorScheme} page${query}: colours that are not black ink on white paper`);
    dark.assertNoErrors();
  }
  report.push('dark widgets print black on white');
  return `code ${code} (10 questions) and seed=${EVERY_KIND_SEED} (20, every kind): ${report.join('; ')}`;
}

// ---------------------------------------------------------------------------------------------
// Test 4: results as files and a summary to paste, with no server behind them.

/** RFC 4180 CSV, as the page writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 5_000 }), page.getByRole('button', { name: button }).click()]);
  const failure = await file.failure();
  assert(!failure, `"${button}": the download failed (${failure})`);
  const saved = path.join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
}

/** The teacher's three downloads for a learning-management system are the CLI's exports, byte for byte. */
async function lmsDownloads(run) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const { page } = await openTeacher(run);
  const { code } = await teacherCode(page);
  for (const [button, format, extension] of [
    ['Download for Moodle', 'moodle-xml', 'xml'],
    ['Download for Canvas or Brightspace (Common Cartridge)', 'common-cartridge', 'imscc'],
    ['Download QTI 3 package', 'qti3', 'zip'],
  ]) {
    run.step(button);
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByRole('button', { name: button }).click()]);
    assert(!(await file.failure()), `"${button}": the download failed`);
    assertEqual(file.suggestedFilename(), `sourced-quiz-${code}.${extension}`, `${button}: the file name`);
    const saved = path.join(ARTIFACTS, file.suggestedFilename());
    await file.saveAs(saved);
    const cli = path.join(ARTIFACTS, `cli-${file.suggestedFilename()}`);
    execFileSync(CLI, ['export', '--format', format, '--code', code, '--output', cli], { cwd: ROOT, stdio: 'pipe' });
    assert(fs.readFileSync(saved).equals(fs.readFileSync(cli)), `${button}: the page's file differs from \`sourced export --format ${format} --code ${code}\``);
  }
}

async function resultsWithoutServer(run) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const teacher = await openTeacher(run);
  await group(teacher.page, 'Questions').getByRole('radio', { name: '5', exact: true }).check();
  await setQuizNumber(teacher.page, 7);
  const { code } = await teacherCode(teacher.page);
  const links = await teacherLinks(run, teacher.page, code);
  teacher.assertNoErrors();
  const quiz = cliQuiz({ seed: 7, count: 5 });
  const total = quiz.questions.length;

  const asked = run.env.asked.length;
  const { page, requests, goto, assertNoErrors } = await run.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await goto(links.student);
  const rightAt = (i) => i % 2 === 0;
  // The first question is left on screen for over a second, to see the seconds in the files.
  const seen = await takeQuiz(page, {
    where: 'student',
    expected: quiz.questions,
    run,
    rightAt,
    beforeCheck: (i) => (i === 0 ? page.waitForTimeout(1_200) : null),
  });
  const right = quiz.questions.filter((_, i) => rightAt(i)).length;
  assertEqual((await page.locator('.sq-final').textContent()).trim(), `You got ${right} of ${total} right.`, 'the summary\'s score');

  run.step('download the CSV');
  const csv = await download(page, 'Download results (CSV)');
  assertEqual(csv.name, 'sourced-quiz-results-7.csv', 'the CSV file name');
  const rows = parseCsv(csv.text);
  assertEqual(rows[0], ['number', 'question', 'kind', 'topic', 'given answer', 'correct answer', 'right', 'fact ids', 'seconds'], 'the CSV header');
  assertEqual(rows.length, total + 1, 'CSV rows (a header and one per question)');

  run.step('download the JSON');
  const json = await download(page, 'Download results (JSON)');
  assertEqual(json.name, 'sourced-quiz-results-7.json', 'the JSON file name');
  const results = JSON.parse(json.text);
  assertEqual([results.right, results.total], [right, total], 'right and total in the JSON, compared with the summary');
  assertEqual(results.class_code, code, 'class_code in the JSON');
  assertEqual(results.quiz, 'seed=7&count=5', 'quiz in the JSON');
  assertEqual(results.questions.length, total, 'questions in the JSON');

  for (const [i, question] of quiz.questions.entries()) {
    const [number, prompt, kind, topic, given, correct, isRight, factIds, seconds] = rows[i + 1];
    const where = `results, question ${i + 1}`;
    assertEqual([number, prompt, kind, topic], [String(i + 1), question.prompt, question.kind, question.topic], `${where}: CSV number, question, kind, topic`);
    assertEqual([correct, isRight, factIds], [question.answer_text, rightAt(i) ? 'yes' : 'no', question.fact_ids.join(' ')], `${where}: CSV correct answer, right, fact ids`);
    assert(given.trim() !== '', `${where}: the CSV's given answer is empty`);
    if (seen[i].given !== null) assert(given.includes(seen[i].given), `${where}: the CSV's given answer "${given}" does not say "${seen[i].given}"`);
    if (rightAt(i) && pageKindOf(question.kind) === 'choice') assertEqual(given, question.answer_text, `${where}: given answer when right`);
    assert(/^\d+\.\d$/.test(seconds), `${where}: seconds "${seconds}" is not a number to a tenth`);
    if (i === 0) assert(Number(seconds) >= 1.2, `${where}: ${seconds} seconds, though it was on screen for over 1.2 s`);
    const row = results.questions[i];
    assertEqual(
      [row.number, row.question, row.kind, row.topic, row.given_answer, row.correct_answer, row.right, row.fact_ids, row.seconds.toFixed(1)],
      [i + 1, prompt, kind, topic, given, correct, rightAt(i), question.fact_ids, seconds],
      `${where}: the JSON, compared with the CSV`,
    );
  }

  run.step('Copy summary');
  const paste = await page.locator('section.sq-summary textarea.sq-paste').inputValue();
  const marks = quiz.questions.map((_, i) => (rightAt(i) ? '✓' : '✗')).join('');
  assertEqual(
    paste.split('\n'),
    [`Carney in Kyiv, a sourced quiz: ${right} of ${total} right`, `Quiz: class code ${code}`, `Answers: ${marks}`],
    'the summary to paste',
  );
  await page.getByRole('button', { name: 'Copy summary' }).click();
  try {
    await page.waitForSelector('section.sq-summary [role=status]:text-is("Summary copied.")', { timeout: 5_000 });
  } catch {
    const status = await page.locator('section.sq-summary [role=status]').textContent();
    throw new Failure(`after Copy summary the status says ${JSON.stringify(status)}, not "Summary copied."`);
  }
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assertEqual(clipboard, paste, 'the clipboard after Copy summary, compared with the text area');

  // Nothing but the page's own files was asked for, by the browser or of the server.
  const own = new Set(['/', '/favicon.ico', ...fs.readdirSync(DIST).map((f) => `/${f}`)]);
  const foreign = requests.filter((url) => {
    if (url.startsWith(`blob:${run.base}/`)) return false;
    const parsed = new URL(url);
    return parsed.origin !== run.base || !own.has(parsed.pathname);
  });
  assert(foreign.length === 0, `requests other than the page's own files:\n    ${foreign.join('\n    ')}`);
  const servedAfter = run.env.asked.slice(asked).filter((line) => !own.has(line.replace(/^\w+ /, '')));
  assert(servedAfter.length === 0, `the server was asked for more than the page's files:\n    ${servedAfter.join('\n    ')}`);
  assertNoErrors();
  return `${code}, ${right} of ${total} right: ${csv.name} (${rows.length - 1} rows) and ${json.name} agree with the summary and \`${quiz.command}\`; clipboard = text area; ${requests.length} requests, all the page's own files`;
}

// ---------------------------------------------------------------------------------------------
// Test 5: the source-literacy preset, by URL and by the teacher's button.

async function sourceLiteracy(run) {
  const quiz = cliQuiz({ seed: 3, count: 10, kinds: ['source_check'] });
  assertEqual(quiz.questions.length, 10, `questions from \`${quiz.command}\``);
  const kinds = [...new Set(quiz.questions.map((q) => q.kind))];
  assertEqual(kinds, ['source_check'], `kinds from \`${quiz.command}\``);

  const { page, goto, assertNoErrors } = await run.open();
  await goto('/?preset=source-literacy&seed=3&count=10&autostart=1');
  await takeQuiz(page, { where: 'preset=source-literacy', expected: quiz.questions, rightAt: () => true, run });
  assertNoErrors();

  run.step('teacher: the Source-literacy lesson button');
  const teacher = await openTeacher(run);
  const tp = teacher.page;
  // Choices the button must clear: a topic and a difficulty.
  await group(tp, 'Difficulty').getByRole('radio', { name: 'Hard', exact: true }).check();
  await group(tp, 'Topics (none ticked: all)').getByRole('checkbox', { name: 'Aid to Ukraine', exact: true }).check();
  let { code } = await teacherCode(tp);
  await tp.getByRole('button', { name: /^Source-literacy lesson/ }).click();
  ({ code } = await codeAfterChange(tp, code, 'Source-literacy lesson'));
  const ticked = async (legend) =>
    group(tp, legend).locator('label').filter({ has: tp.locator('input:checked') }).allTextContents();
  assertEqual(await ticked('Kinds of question (none ticked: all)'), ['Source check'], 'kinds ticked after Source-literacy lesson');
  assertEqual(await ticked('Topics (none ticked: all)'), [], 'topics ticked after Source-literacy lesson');
  assertEqual(await ticked('Difficulty'), ['Mixed'], 'difficulty after Source-literacy lesson');
  assertEqual(await ticked('Questions'), ['10'], 'length after Source-literacy lesson');
  await setQuizNumber(tp, 3);
  ({ code } = await teacherCode(tp));
  const links = await teacherLinks(run, tp, code);
  teacher.assertNoErrors();

  const key = await run.open();
  await key.goto(links.key);
  await key.page.waitForSelector('section.sq-answer-key');
  const prompts = await key.page.locator('.sq-sheet-prompt').allTextContents();
  assertEqual(prompts.map((p) => p.trim()), quiz.questions.map((q) => q.prompt), `the lesson's answer key (${code}), compared with \`${quiz.command}\``);
  key.assertNoErrors();
  return `10 source checks by URL and by the teacher's button (code ${code}), as \`${quiz.command}\``;
}

// ---------------------------------------------------------------------------------------------
// Test 6: reading comprehension: a passage above the questions, its answers marked as they are checked.

/** The passage on screen: its paragraphs' text and what is marked. */
function readPassage(page) {
  return page.evaluate(() => {
    const section = document.querySelector('section.sq-passage');
    if (!section) return null;
    return {
      before: !!(section.compareDocumentPosition(document.querySelector('form.sq-card, section.sq-summary')) & Node.DOCUMENT_POSITION_FOLLOWING),
      paragraphs: [...section.querySelectorAll('blockquote p')].map((p) => p.textContent),
      marks: [...section.querySelectorAll('mark')].map((m) => m.textContent),
      cite: section.querySelector('cite')?.textContent ?? '',
    };
  });
}

async function readingQuiz(run) {
  const PASSAGE = 3;
  const quiz = cliQuiz({ seed: 5, count: 10, passage: PASSAGE });
  const n = quiz.questions.length;
  assert(n >= 3 && n <= 10, `\`${quiz.command}\` asks ${n} questions; a passage holds 3 or more facts`);
  const kinds = [...new Set(quiz.questions.map((q) => q.kind))];
  assert(kinds.every((k) => ['cloze', 'multiple_choice', 'who_said'].includes(k)), `reading kinds only, not ${kinds}`);

  // The teacher picks the passage and copies the link; the student opens it on a phone.
  run.step('teacher: choose passage 3');
  const teacher = await openTeacher(run);
  await teacher.page.getByRole('combobox', { name: 'Reading passage' }).selectOption(String(PASSAGE));
  await setQuizNumber(teacher.page, 5);
  await teacher.page.waitForSelector('section.sq-teacher .sq-links a');
  assertEqual(await teacher.page.locator('section.sq-teacher .sq-code').count(), 0, 'a class code for a reading quiz');
  const [student, worksheet] = await teacher.page.locator('section.sq-teacher .sq-links a').evaluateAll((links) => links.map((a) => a.href));
  assertEqual(new URL(student).searchParams.get('passage'), String(PASSAGE), `the passage in the student link ${student}`);
  teacher.assertNoErrors();

  const { page, goto, assertNoErrors } = await run.open({ viewport: { width: 390, height: 844 } });
  await goto(student);
  await waitForQuestion(page, 1, n);
  const first = await readPassage(page);
  assert(first, 'no passage on the reading quiz');
  assert(first.before, 'the passage comes after the question');
  assertEqual(first.marks, [], 'marks before any answer');
  const words = first.paragraphs.join(' ').split(/\s+/).length;
  assert(words >= 80 && words <= 250, `the passage has ${words} words`);
  const text = squash(first.paragraphs.join(' '));
  let marked = [];
  await takeQuiz(page, {
    where: 'reading',
    expected: quiz.questions,
    run,
    rightAt: (i) => i % 2 === 0,
    beforeCheck: async () => {
      marked = (await readPassage(page)).marks;
    },
  });
  // After each check the quiz moved on; the summary keeps every mark.
  const end = await readPassage(page);
  assert(end.marks.length > 0, 'nothing marked on the summary');
  for (const mark of end.marks) assert(text.includes(squash(mark)), `a mark that is not the passage's text: ${mark}`);
  for (const [i, question] of quiz.questions.entries()) {
    // Every answer's evidence from this article is inside a marked sentence.
    const own = question.quotes.filter((q) => text.includes(squash(q.text)));
    assert(own.length > 0, `question ${i + 1}: none of its quotes is in the passage`);
    // (A quote may run over two sentences, each marked on its own: its opening is in the first.)
    assert(own.some((q) => end.marks.some((m) => squash(m).includes(squash(q.text).slice(0, 40)) || squash(q.text).includes(squash(m)))),
      `question ${i + 1}: its quote is not marked (${own[0].text})`);
  }
  assert(marked.length <= end.marks.length, 'marks went away');
  assertNoErrors();

  run.step('reading worksheet prints the passage');
  const sheet = await run.open();
  await sheet.goto(worksheet);
  await sheet.page.waitForSelector('section.sq-sheet section.sq-passage');
  const pdf = await printToPdf(sheet.page, `reading-worksheet-p${PASSAGE}`, 'A4');
  assert(squash(pdf.text).includes(squash(first.paragraphs[0]).slice(0, 60)), 'the printed worksheet lacks the passage');
  sheet.assertNoErrors();
  return `passage ${PASSAGE} (${words} words): ${n} questions as \`${quiz.command}\`, ${end.marks.length} sentences marked by the end; worksheet prints the passage`;
}

// ---------------------------------------------------------------------------------------------
// Test 7: axe-core on the classroom screens.

async function axeClassroom(run) {
  const log = new ViolationLog();
  let scans = 0;
  for (const colorScheme of ['light', 'dark']) {
    const scan = async (session, screen) => {
      run.step(`axe, ${colorScheme}: ${screen}`);
      log.add(`${colorScheme}/${screen}`, await runAxe(session.page));
      scans++;
      session.assertNoErrors();
    };
    const teacher = await openTeacher(run, { colorScheme });
    await scan(teacher, 'teacher');
    await group(teacher.page, 'Topics (none ticked: all)').getByRole('checkbox', { name: 'Aid to Ukraine', exact: true }).check();
    await group(teacher.page, 'Difficulty').getByRole('radio', { name: 'Medium', exact: true }).check();
    await setQuizNumber(teacher.page, 12);
    const { code } = await teacherCode(teacher.page);
    await scan(teacher, 'teacher with choices');
    const links = await teacherLinks(run, teacher.page, code);

    for (const [screen, url, selector] of [
      ['worksheet', links.worksheet, 'section.sq-sheet'],
      ['answer key', links.key, 'section.sq-answer-key'],
      ['worksheet, 20 questions of every kind', `/?seed=${EVERY_KIND_SEED}&count=20&view=worksheet`, 'section.sq-sheet'],
      ['answer key, 20 questions of every kind', `/?seed=${EVERY_KIND_SEED}&count=20&view=key`, 'section.sq-answer-key'],
    ]) {
      const session = await run.open({ colorScheme });
      await session.goto(url);
      await session.page.waitForSelector(selector);
      await scan(session, screen);
    }

    const reading = await run.open({ colorScheme });
    await reading.goto('/?seed=5&passage=3&autostart=1');
    await reading.page.waitForSelector('section.sq-passage');
    await scan(reading, 'reading quiz, passage');
    await reading.page.locator('form.sq-card .sq-options input[type=radio], form.sq-card input[type=text]').first().check().catch(async () => {
      await reading.page.locator('form.sq-card input[type=text]').fill('zzzz');
    });
    await reading.page.locator('form.sq-card button[type=submit]').click();
    await reading.page.waitForSelector('section.sq-passage mark');
    await scan(reading, 'reading quiz, passage marked');

    const start = await run.open({ colorScheme });
    await start.goto('/');
    await start.page.locator('form.sq-join input[type=text]').fill(`${code.slice(0, 4)}0${code.slice(5)}`);
    await start.page.getByRole('button', { name: 'Start the class quiz' }).click();
    await start.page.waitForSelector('#sq-code-error');
    await scan(start, 'start screen refusing a code');
  }
  assert(log.size === 0, `axe found ${log.size} rule(s) violated (${scans} scans):\n${log}`);
  return `${scans} scans, no violations`;
}

// ---------------------------------------------------------------------------------------------
// Two bundles.

/** Which bundle a request is for: the reader's (`sourced-quiz-…`), the classroom's, or neither. */
function bundleOf(url) {
  const file = new URL(url).pathname.split('/').pop();
  if (/^sourced-classroom-\w+(_bg\.wasm|\.js)$/.test(file)) return 'classroom';
  if (/^sourced-quiz-\w+(_bg\.wasm|\.js)$/.test(file)) return 'reader';
  return null;
}

/** The one wasm file in `dir`. */
function wasmIn(dir) {
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('_bg.wasm'));
  if (names.length !== 1) throw new Failure(`expected one wasm in ${dir}, found ${names.join(', ') || 'none'}`);
  return fs.readFileSync(path.join(dir, names[0]));
}

async function twoBundles(run) {
  run.step('the article texts in the two wasm files');
  const reader = wasmIn(DIST);
  const classroom = wasmIn(path.join(DIST, 'classroom'));
  const sources = path.join(ROOT, 'questions/sources');
  let pairs = 0;
  for (const name of fs.readdirSync(sources).sort()) {
    // The text as the table ships it (source::shipped_text): one whitespace-normalized paragraph a line.
    const paragraphs = fs
      .readFileSync(path.join(sources, name), 'utf8')
      .split('\n')
      .map((line) => line.split(/\s+/).filter(Boolean).join(' '))
      .filter(Boolean);
    assert(classroom.includes(Buffer.from(paragraphs.join('\n'))), `the classroom's wasm does not hold ${name} whole`);
    // A quote's sentence may be a whole paragraph, but no table string runs from one paragraph into
    // the next: two of them, raw or JSON-escaped, are an article's text.
    for (let i = 1; i < paragraphs.length; i++) {
      const two = `${paragraphs[i - 1]}\n${paragraphs[i]}`;
      for (const form of [two, JSON.stringify(two).slice(1, -1)]) {
        assert(!reader.includes(Buffer.from(form)), `the reader's wasm holds paragraphs ${i} and ${i + 1} of ${name}`);
      }
      pairs++;
    }
  }

  const pages = [
    ['/?seed=42&count=10&autostart=1', 'reader', 'fieldset.sq-question'],
    ['/?seed=3&count=5&preset=source-literacy&autostart=1', 'reader', 'fieldset.sq-question'],
    ['/?view=teacher', 'classroom', 'section.sq-teacher .sq-code'],
    ['/?seed=4&count=10&view=worksheet', 'classroom', 'section.sq-sheet .sq-sheet-question'],
    ['/?seed=42&count=10&view=key', 'classroom', 'section.sq-answer-key .sq-sheet-question'],
    ['/?seed=5&passage=3&autostart=1', 'classroom', 'section.sq-passage blockquote'],
    ['/classroom/?view=teacher', 'classroom', 'section.sq-teacher .sq-code'],
  ];
  for (const [url, bundle, ready] of pages) {
    const { page, requests, goto, assertNoErrors } = await run.open();
    await goto(url);
    try {
      await page.waitForSelector(ready, { timeout: 15_000 });
    } catch {
      throw new Failure(`${url}: no ${ready} (the ${bundle}'s view)`);
    }
    const wasm = requests.filter((r) => r.endsWith('_bg.wasm'));
    assert(wasm.some((r) => bundleOf(r) === bundle), `${url}: the ${bundle}'s wasm was not fetched (${wasm.join(', ')})`);
    if (ready.startsWith('section.sq-teacher')) {
      // From the reader's page or the classroom's own, the teacher's links lead to the reader's page.
      const paths = await page.locator('section.sq-teacher .sq-links a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
      assert(paths.length === 3 && paths.every((p) => p === '/'), `${url}: the teacher's links lead to ${paths.join(', ')}, not the reader's page /`);
    }
    if (bundle === 'reader') {
      const other = requests.filter((r) => new URL(r).pathname.includes('/classroom/') || bundleOf(r) === 'classroom');
      assert(other.length === 0, `${url}: the reader's page asked for the classroom's files:\n    ${other.join('\n    ')}`);
    } else {
      // index.html preloads neither bundle, so a teacher downloads only the classroom's.
      assert(!wasm.some((r) => bundleOf(r) === 'reader'), `${url}: the classroom's page also fetched the reader's wasm`);
    }
    assertNoErrors();
    await run.closeLast();
  }
  return (
    `${pairs} paragraph pairs of 5 articles: none in the reader's wasm, every article whole in the classroom's; ` +
    `${pages.length} addresses, each its bundle's wasm and not the other's; the teacher's links lead to the reader's page`
  );
}

// ---------------------------------------------------------------------------------------------
// Runner.

const TESTS = [
  ['teacher sets up; two students on two devices (typed code, link) get the same quiz as the CLI', teacherToStudents],
  ['mistyped class codes are refused with the reason and start no quiz', mistypedCodes],
  ['worksheet and answer key print on A4 and Letter (pdftotext, pdfinfo)', printing],
  ['results as CSV and JSON downloads and a copied summary, with no server', resultsWithoutServer],
  ['the teacher downloads Moodle XML, a Common Cartridge and a QTI 3 package: the CLI\'s bytes for the same code', lmsDownloads],
  ['source-literacy preset (URL and teacher button) asks only source checks, as the CLI', sourceLiteracy],
  ['reading quiz: the teacher picks a passage, a student reads it and sees each answer marked in it, the worksheet prints it', readingQuiz],
  ['axe: teacher view, worksheet, answer key, refused code, reading quiz, light and dark', axeClassroom],
  ["two bundles: no article text in the reader's wasm; a quiz loads the reader's, the teacher's page, sheets and a reading quiz the classroom's", twoBundles],
];

runSuite({
  label: 'classroom e2e',
  tests: TESTS,
  setup: async () => {
    // The CLI is the reference: make sure it is built from the current source (quick when it is).
    try {
      execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'sourced'], { cwd: ROOT, stdio: 'inherit' });
    } catch (error) {
      // Without cargo on PATH, a binary already built will do; a failed build will not.
      if (error.code !== 'ENOENT' || !fs.existsSync(CLI)) {
        throw new SetupFailure(`could not build ${path.relative(ROOT, CLI)}: ${error.message}`);
      }
    }
    const server = await serveDist();
    return { env: { base: server.base, asked: server.asked }, close: server.close };
  },
});
