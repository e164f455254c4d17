// Sourced Quiz, iframe embed for host pages: sizes every <iframe data-sourced-quiz-frame> to its
// content as it changes, keeps the reader's place in view after Check and Next, and re-dispatches
// the widget's events on the iframe element.
//
//   <iframe data-sourced-quiz-frame src="https://quiz.example/?seed=42&host=https://news.example"
//           title="Quiz: Carney in Kyiv" width="100%" height="640" loading="lazy"></iframe>
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
  // A frame still on its initial about:blank (loading, or lazy and not yet scrolled to) is of
  // this page's origin: a hello sent to the widget's origin would not reach it, and the browser
  // would warn about it on every try. Its load event greets it once the widget's page is in.
  // (contentDocument is null for a frame on another origin, and never throws.)
  const blank = (frame) => frame.contentDocument?.URL === 'about:blank';
  // The widget sends its height only to parents that greet it, and only to their origin.
  const greet = (frame) => {
    const origin = originOf(frame);
    if (origin && origin !== 'null' && frame.contentWindow && !blank(frame)) {
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
    } else if (data.type === `${PREFIX}scroll`) {
      // After Check or Next: the verdict or the new heading (top, bottom in the frame), brought
      // into view with the least scroll, and only when it is out of view.
      const at = frame.getBoundingClientRect().top;
      const top = at + Number(data.top);
      const bottom = at + Number(data.bottom);
      if (!Number.isFinite(top + bottom) || (top >= 0 && bottom <= innerHeight)) return;
      scrollBy(0, top < 0 || bottom - top > innerHeight - 32 ? top - 16 : bottom - innerHeight + 16);
    } else {
      frame.dispatchEvent(new CustomEvent(data.type, { detail: data, bubbles: true }));
    }
  });

  // Greet every frame until it answers, for up to 15 s from when the script starts and again
  // from each time a frame loads a page (frames added later, lazy frames scrolled to at last):
  // the load event comes before the widget's wasm is running, so one hello is not enough.
  const GREET_FOR_MS = 15000;
  const until = new WeakMap();
  let timer = null;
  const greetUnanswered = () => {
    timer = null;
    let waiting = false;
    document.querySelectorAll(SELECTOR).forEach((frame) => {
      if (answered.has(frame)) return;
      if (!until.has(frame)) until.set(frame, Date.now() + GREET_FOR_MS);
      if (Date.now() > until.get(frame)) return;
      greet(frame);
      waiting = true;
    });
    if (waiting) timer = setTimeout(greetUnanswered, 250);
  };
  greetUnanswered();
  document.addEventListener('load', (event) => {
    if (event.target.matches?.(SELECTOR)) {
      answered.delete(event.target);
      until.set(event.target, Date.now() + GREET_FOR_MS);
      greet(event.target);
      if (timer === null) greetUnanswered();
    }
  }, true);
})();
