// Plays every QTI 3 item of the exported packages in a real QTI 3 player (@citolab/qti-components, test-only) in headless Chromium: the right answer scores 1, a wrong one 0.
//
// Usage: node tests/lms/qti_player.mjs DIR, where DIR holds seed-N.json (`sourced quiz --json`)
// and seed-N.qti3.zip (`sourced export --format qti3`, same options). Prints 'N passed, N failed'.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { readStoredZip } from './zip.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);
const { chromium } = require(path.join(here, '../../tools/node_modules/playwright-core'));
const PLAYER = path.join(here, 'player/node_modules/@citolab/qti-components/cdn/index.global.js');

/** The responses to try for question `q` of `sourced quiz --json`: [value, expected score]. */
function responses(q) {
  switch (q.kind) {
    case 'cloze':
      return [[q.answer[0], 1], [q.answer[q.answer.length - 1].toUpperCase(), 1], ['not the answer', 0]];
    case 'numeric':
      return [[String(q.answer), 1], [String(q.answer + q.tolerance * 0.5), 1], [String(q.answer + q.tolerance * 2 + 1), 0]];
    case 'matching': {
      const right = q.answer.map(([l, r]) => `L${l} R${r}`);
      const [a, b] = q.answer;
      const wrong = [`L${a[0]} R${b[1]}`, `L${b[0]} R${a[1]}`, ...right.slice(2)];
      return [[right, 1], [wrong, 0]];
    }
    case 'ordering': {
      const right = q.answer.map((i) => `I${i}`);
      return [[right, 1], [[...right].reverse(), 0]];
    }
    default:
      return [[`C${q.answer}`, 1], [`C${(q.answer + 1) % q.options.length}`, 0]];
  }
}

const dir = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.setContent('<!doctype html><html lang="en"><body><main id="host"></main></body></html>');
await page.addScriptTag({ path: PLAYER });

let passed = 0;
let failed = 0;
const kinds = new Set();
for (const file of fs.readdirSync(dir).filter((f) => /^seed-\d+\.json$/.test(f)).sort()) {
  const quiz = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const zip = readStoredZip(fs.readFileSync(path.join(dir, file.replace('.json', '.qti3.zip'))));
  for (const [i, q] of quiz.questions.entries()) {
    const id = `q${String(i + 1).padStart(2, '0')}`;
    const xml = zip.get(`items/${id}.xml`).toString('utf8');
    for (const [value, expected] of responses(q)) {
      const outcome = await page.evaluate(async ({ xml, value }) => {
        const host = document.getElementById('host');
        host.innerHTML = window.QtiComponents.qtiTransformItem().parse(xml).html();
        const item = host.querySelector('qti-assessment-item');
        await customElements.whenDefined('qti-assessment-item');
        await item.updateComplete;
        item.updateResponseVariable('RESPONSE', value);
        item.processResponse();
        const feedback = item.querySelector('qti-modal-feedback');
        return {
          score: Number(item.getOutcome('SCORE')?.value),
          feedback: item.getOutcome('FEEDBACK')?.value,
          explanation: feedback ? feedback.textContent : '',
        };
      }, { xml, value });
      const where = `${file} ${id} (${q.kind}) ${JSON.stringify(value)}`;
      const problems = [];
      if (outcome.score !== expected) problems.push(`scored ${outcome.score}, expected ${expected}`);
      if (outcome.feedback !== 'EXPLANATION') problems.push(`feedback outcome ${outcome.feedback}`);
      if (!outcome.explanation.includes(q.explanation.slice(0, 40))) problems.push('the modal feedback lacks the explanation');
      if (problems.length) {
        failed++;
        if (failed <= 20) console.log(`FAIL ${where}: ${problems.join('; ')}`);
      } else {
        passed++;
        kinds.add(q.kind);
      }
    }
  }
}
await browser.close();
if (errors.length) {
  console.log(`FAIL page errors: ${errors.slice(0, 5).join(' | ')}`);
  failed++;
}
console.log(`kinds scored right and wrong: ${[...kinds].sort().join(', ')}`);
if (kinds.size < 8) {
  console.log(`FAIL only ${kinds.size} of the 8 kinds were played`);
  failed++;
}
console.log(`qti3 player: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
