// Sourced Quiz, script-tag embed: mounts a widget into every element with a `data-sourced-quiz`
// attribute, each configured by its own `data-` attributes, the README's settings with `data-`
// in front (data-view, data-code, data-preset, data-passage, data-seed, data-count, data-topics,
// data-kinds, data-difficulty, data-theme, data-accent, data-persist, data-autostart, data-host).
//
//   <div data-sourced-quiz data-count="5"></div>
//   <script type="module" src="https://quiz.example/sourced-quiz.js"></script>
//
// Each widget renders into an open shadow root with its own stylesheet, so the host page's CSS
// cannot reach in and the widget's cannot leak out. Elements added later are mounted too.
// No inline script or style, no eval: it runs under `script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'` when served from the page's own origin. The build (scripts/trunk-post-build)
// writes the hashed file names below.
const files = { js: '@JS@', wasm: '@WASM@', css: '@CSS@' };
const base = new URL('./', import.meta.url);
const SELECTOR = '[data-sourced-quiz]';

const mounted = new WeakSet();
let widget;
try {
  widget = await import(new URL(files.js, base).href);
  await widget.default({ module_or_path: new URL(files.wasm, base) });
} catch (error) {
  // Never a blank box: say what happened where the quiz should be.
  console.error('sourced-quiz: the widget could not load', error);
  document.querySelectorAll(SELECTOR).forEach((host) => {
    host.textContent = 'The quiz could not load. Reload the page to try again.';
  });
  throw error;
}

async function mount(host) {
  if (mounted.has(host)) return;
  mounted.add(host);
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL(files.css, base).href;
  const root = document.createElement('div');
  shadow.replaceChildren(style, root);
  // Render once the styles are in, so the reader never sees an unstyled widget.
  await new Promise((done) => {
    style.addEventListener('load', done, { once: true });
    style.addEventListener('error', done, { once: true });
  });
  widget.mount(host, root, base.href);
}

function mountAll(scope) {
  if (scope.matches?.(SELECTOR)) mount(scope);
  scope.querySelectorAll?.(SELECTOR).forEach(mount);
}

mountAll(document);
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach((node) => node.nodeType === 1 && mountAll(node));
}).observe(document.documentElement, { childList: true, subtree: true });
