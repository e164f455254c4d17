// Driving the widget, for every end-to-end suite: the start screen, a question (waiting for it,
// reading it, answering it with anything or from the CLI's key, rightly or wrongly), Check and its
// verdict, Next, the summary, and a whole quiz.
//
// Every helper takes a "scope": where one widget lives. A Page (the stand-alone widget), a Frame
// (an iframe embed) or a Locator on a script mount's host element all do, since Playwright's CSS
// locators pierce open shadow roots. `where` names the widget and the question in failure messages.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Failure, assert, assertEqual } from './harness.mjs';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../target/release/sourced');
const ALL_KINDS = 8;

/**
 * The first seed whose `count`-question quiz holds all eight kinds, asked of the CLI (the same
 * generator as the page), so that a suite that must meet every kind never hard-codes a seed the
 * fact table's next edit changes. `E2E_EVERY_KIND_SEED` overrides it.
 */
export function everyKindSeed(count) {
  if (process.env.E2E_EVERY_KIND_SEED) return Number(process.env.E2E_EVERY_KIND_SEED);
  for (let seed = 1; seed <= 500; seed += 1) {
    const quiz = JSON.parse(execFileSync(CLI, ['quiz', '--seed', String(seed), '--count', String(count), '--json'], { encoding: 'utf8' }));
    if (new Set(quiz.questions.map((q) => q.kind)).size === ALL_KINDS) return seed;
  }
  throw new Failure(`no seed up to 500 gives a ${count}-question quiz of all ${ALL_KINDS} kinds`);
}

/** The two verdicts the feedback gives. */
export const RIGHT = '✓ Right.';
export const NOT_QUITE = '✗ Not quite.';

const CHOICE_KINDS = new Set(['multiple_choice', 'true_false', 'who_said', 'source_check']);
/** Whether a kind of `sourced quiz --json` is asked with radios. */
export const isChoiceKind = (kind) => CHOICE_KINDS.has(kind);
/** How the page shows each CLI kind: radios (`choice`), or one of the other native inputs. */
export const pageKindOf = (kind) => (CHOICE_KINDS.has(kind) ? 'choice' : kind);

/** A plausible typed answer, right or not: a number for numeric questions, a word for cloze. */
export const TYPED_ANSWER = { numeric: '220', cloze: 'Kyiv' };

/** What the widget shows as its heading or notice (for a failure message), or null. */
async function headingOf(scope) {
  return scope
    .locator('.sq-widget h2, .sq-widget .sq-notice')
    .first()
    .textContent({ timeout: 1_000 })
    .then((text) => text.trim())
    .catch(() => null);
}

// ---------------------------------------------------------------------------------------------
// The start screen.

export async function waitForStart(scope, where) {
  try {
    await scope.locator('form.sq-start button.sq-primary').waitFor({ timeout: 15_000 });
  } catch {
    throw new Failure(`${where}: the start screen never appeared`);
  }
}

export async function startQuiz(scope) {
  await scope.getByRole('button', { name: 'Start the quiz' }).click();
}

// ---------------------------------------------------------------------------------------------
// A question.

/** Waits until the card for question n (1-based) of `total` is on screen. */
export async function waitForQuestion(scope, n, total, where = 'the widget') {
  const text = `Question ${n} of ${total}`;
  try {
    await scope
      .locator('form.sq-card h2')
      .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
      .waitFor({ timeout: 10_000 });
  } catch {
    throw new Failure(`${where}: expected the heading "${text}", the widget shows ${JSON.stringify(await headingOf(scope))}`);
  }
}

/**
 * Everything that identifies the question on screen: its prompt, its kind as the page shows it
 * (choice, matching, ordering, cloze, numeric, or unknown) and what there is to choose from.
 */
export function readQuestion(scope) {
  return scope.locator('form.sq-card fieldset.sq-question').evaluate((card) => {
    const texts = (selector) => [...card.querySelectorAll(selector)].map((el) => el.textContent.trim());
    const prompt = card.querySelector('legend').textContent.trim();
    if (card.querySelector('.sq-options input[type=radio]')) return { prompt, kind: 'choice', options: texts('.sq-options .sq-option-text') };
    if (card.querySelector('.sq-matching select')) {
      const right = [...card.querySelector('.sq-matching select').options].slice(1).map((o) => o.textContent.trim());
      return { prompt, kind: 'matching', left: texts('.sq-match label'), options: right };
    }
    if (card.querySelector('.sq-ordering')) return { prompt, kind: 'ordering', options: texts('.sq-ordering li > span:first-child') };
    if (card.querySelector('.sq-cloze')) {
      // As it reads on screen: the blank's word for screen readers left out.
      const passage = card.querySelector('.sq-cloze').cloneNode(true);
      passage.querySelectorAll('.sq-sr').forEach((hidden) => hidden.remove());
      return { prompt, kind: 'cloze', passage: passage.textContent };
    }
    if (card.querySelector('input[inputmode=decimal]')) return { prompt, kind: 'numeric', label: texts('.sq-entry span')[0] };
    return { prompt, kind: 'unknown' };
  });
}

/** The kind of the question on screen, read from its native inputs (see readQuestion). */
export async function questionKind(scope) {
  return (await readQuestion(scope)).kind;
}

/** What readQuestion should find for a question of `sourced quiz --json`. */
export function expectedOnScreen(question) {
  const kind = pageKindOf(question.kind);
  const { prompt } = question;
  switch (kind) {
    case 'choice':
    case 'ordering':
      return { prompt, kind, options: question.options };
    case 'matching':
      return { prompt, kind, left: question.left, options: question.options };
    case 'cloze':
      return { prompt, kind, passage: `${question.before}_____${question.after}` };
    case 'numeric':
      return { prompt, kind, label: `Your answer (${question.unit})` };
    default:
      return { prompt, kind };
  }
}

/**
 * Gives some answer to the question on screen (of the page kind `kind`), with Playwright's element
 * actions: the first option, a different option in each select, the first item moved, or a
 * typed answer. Right or wrong is the widget's business.
 */
export async function giveAny(scope, kind) {
  const card = scope.locator('form.sq-card');
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
    await card.locator('input[type=text]').first().fill(TYPED_ANSWER[kind] ?? 'Kyiv');
  }
}

/**
 * Answers the question on screen from the CLI's answer: rightly, or surely wrongly. Choice
 * questions are answered through their radios, typed ones by typing, matching with the selects,
 * ordering with the Move up buttons. Returns what was given (null for matching and ordering).
 */
export async function giveFromKey(scope, question, right) {
  const card = scope.locator('form.sq-card');
  switch (pageKindOf(question.kind)) {
    case 'choice': {
      const index = right ? question.answer : (question.answer + 1) % question.options.length;
      await card.locator('.sq-options input[type=radio]').nth(index).check();
      return question.options[index];
    }
    case 'numeric': {
      const value = String(right ? question.answer : question.answer + question.tolerance + 1000);
      await card.locator('input[type=text]').fill(value);
      return value;
    }
    case 'cloze': {
      const value = right ? question.answer[0] : 'zzzz';
      await card.locator('input[type=text]').fill(value);
      return value;
    }
    case 'matching': {
      const selects = card.locator('.sq-matching select');
      for (const [left, target] of question.answer) {
        await selects.nth(left).selectOption(right ? String(target) : '0');
      }
      return null;
    }
    case 'ordering': {
      // The right order, as item texts; a wrong one is the right one with its first two swapped.
      const target = question.answer.map((i) => question.options[i]);
      if (!right) [target[0], target[1]] = [target[1], target[0]];
      for (let position = 0; position < target.length; position++) {
        const current = await card.locator('.sq-ordering li > span:first-child').allTextContents();
        for (let at = current.indexOf(target[position]); at > position; at--) {
          await card.getByRole('button', { name: `Move up: ${target[position]}`, exact: true }).click();
        }
      }
      const final = await card.locator('.sq-ordering li > span:first-child').allTextContents();
      assertEqual(final, target, 'the order after moving items');
      return null;
    }
    default:
      throw new Failure(`question "${question.prompt}": unknown kind ${question.kind}`);
  }
}

/**
 * Waits for the feedback in the card's aria-live region (after Check, however it was pressed) and
 * returns its verdict, RIGHT or NOT_QUITE.
 */
export async function waitForVerdict(scope, where) {
  const verdict = scope.locator('form.sq-card .sq-feedback .sq-live[aria-live=polite] .sq-verdict');
  try {
    await verdict.waitFor({ timeout: 5_000 });
  } catch {
    throw new Failure(`${where}: no feedback appeared in the aria-live region after Check`);
  }
  const text = (await verdict.textContent()).trim();
  assert(text === RIGHT || text === NOT_QUITE, `${where}: unexpected verdict ${JSON.stringify(text)}`);
  return text;
}

/** Presses "Check answer" and returns the verdict. */
export async function checkAnswer(scope, where) {
  await scope.locator('form.sq-card').getByRole('button', { name: 'Check answer' }).click();
  return waitForVerdict(scope, where);
}

/** Answers the question on screen with anything (giveAny) and checks it: { kind, prompt, right }. */
export async function answer(scope, where) {
  const { kind, prompt } = await readQuestion(scope);
  await giveAny(scope, kind);
  return { kind, prompt, right: (await checkAnswer(scope, where)) === RIGHT };
}

/** Goes on from question n's feedback: to the next question, or to the results after the last. */
export async function next(scope, n, total) {
  await scope.getByRole('button', { name: n === total ? 'See results' : 'Next question' }).click();
}

// ---------------------------------------------------------------------------------------------
// A whole quiz.

export async function waitForSummary(scope, where) {
  try {
    await scope.locator('section.sq-summary .sq-final').waitFor({ timeout: 10_000 });
  } catch {
    throw new Failure(`${where}: the summary never appeared`);
  }
}

/**
 * Takes the quiz on screen (already started) to its summary, and returns what each question
 * showed (readQuestion), what was given and whether it was right.
 *   expected   the CLI's questions (`sourced quiz --json`): each must be the one on screen, and is
 *              answered from its key, rightly when `rightAt(i)` (0-based), and the verdict must
 *              say so
 *   total      without `expected`: how many questions, each answered with anything (giveAny)
 *   beforeCheck(i)  runs once the answer is given, before Check
 *   run        the TestRun, to say which question it is at (in a timeout's message)
 */
export async function takeQuiz(scope, { where, expected, total = expected?.length, rightAt = () => true, beforeCheck, run } = {}) {
  const seen = [];
  for (let i = 0; i < total; i++) {
    const at = `${where}, question ${i + 1}`;
    run?.step(`${where}: question ${i + 1}`);
    await waitForQuestion(scope, i + 1, total, where);
    const shown = await readQuestion(scope);
    const question = expected?.[i];
    let given = null;
    let right = null;
    if (question) {
      assertEqual(shown, expectedOnScreen(question), `${at}, compared with the CLI`);
      right = rightAt(i);
      given = await giveFromKey(scope, question, right);
    } else {
      await giveAny(scope, shown.kind);
    }
    if (beforeCheck) await beforeCheck(i);
    const verdict = await checkAnswer(scope, at);
    if (question) {
      assertEqual(verdict, right ? RIGHT : NOT_QUITE, `${at} (${question.kind}) answered ${right ? 'rightly' : 'wrongly'}: the verdict`);
    }
    seen.push({ ...shown, given, right: verdict === RIGHT });
    await next(scope, i + 1, total);
  }
  run?.step(`${where}: the summary`);
  await waitForSummary(scope, where);
  return seen;
}
