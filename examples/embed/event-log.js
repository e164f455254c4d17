// Demo only: lists the widgets' DOM events on the page, as a host's analytics code would see them.
const log = document.getElementById('event-log');
for (const type of ['sourced-quiz:ready', 'sourced-quiz:answered', 'sourced-quiz:completed']) {
  document.addEventListener(type, (event) => {
    const { widget, score, question } = event.detail;
    const line = `${type} from #${widget}` +
      (question ? `: question ${question.number} ${question.correct ? 'right' : 'wrong'}` : '') +
      (score ? ` (score ${score.right}/${score.total})` : '');
    log.textContent += line + '\n';
  });
}
