// Sourced Quiz, iframe embed for host pages: sizes every <iframe data-sourced-quiz-frame> to its
// content as it changes, and re-dispatches the widget's events on the iframe element.
//
//   <iframe data-sourced-quiz-frame src="https://quiz.example/?seed=42&host=https://news.example"
//           title="Quiz: Carney in Kyiv" width="100%" height="640"></iframe>
//   <script src="https://quiz.example/embed.js" async></script>
//
// Dependency-free, no cookies, no requests. A message counts only if it comes from one of these
// iframes (matched by event.source) and from the origin of that iframe's src.
(() => {
  const PREFIX = 'sourced-quiz:';
  const SELECTOR = 'iframe[data-sourced-quiz-frame]';
  const answered = new WeakSet();

  const originOf = (frame) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };
  // The widget sends its height only to parents that greet it, and only to their origin.
  const greet = (frame) => {
    const origin = originOf(frame);
    if (origin && origin !== 'null' && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: `${PREFIX}hello` }, origin);
    }
  };

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return;
    const frame = Array.from(document.querySelectorAll(SELECTOR)).find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    if (data.type === `${PREFIX}resize`) {
      const height = Number(data.height);
      if (Number.isFinite(height) && height > 0 && height < 100000) {
        answered.add(frame);
        frame.style.height = `${Math.ceil(height)}px`;
      }
    } else {
      frame.dispatchEvent(new CustomEvent(data.type, { detail: data, bubbles: true }));
    }
  });

  // Greet every frame until it answers (its widget may still be loading), and again whenever a
  // frame loads a page, including frames added to the page later.
  let tries = 0;
  const greetUnanswered = () => {
    document.querySelectorAll(SELECTOR).forEach((frame) => answered.has(frame) || greet(frame));
    if (++tries < 60) setTimeout(greetUnanswered, 250);
  };
  greetUnanswered();
  document.addEventListener('load', (event) => {
    if (event.target.matches?.(SELECTOR)) {
      answered.delete(event.target);
      greet(event.target);
    }
  }, true);
})();
