// Sourced Quiz, script-tag embed: mounts a widget into every element with a `data-sourced-quiz`
// attribute, each configured by its own `data-` attributes, the README's settings with `data-`
// in front (data-view, data-code, data-preset, data-passage, data-seed, data-count, data-topics,
// data-kinds, data-difficulty, data-theme, data-accent, data-persist, data-autostart, data-classroom, data-host).
//
//   <div data-sourced-quiz data-count="5"></div>
//   <script type="module" src="https://quiz.example/sourced-quiz.js"></script>
//
// Each widget renders into an open shadow root with its own stylesheet, so the host page's CSS
// cannot reach in and the widget's cannot leak out. Elements added later are mounted too.
// No inline script or style, no eval: it runs under `script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'` when served from the page's own origin. The build (scripts/trunk-post-build)
// writes the hashed file names below. An element that asks for the teacher's page, a sheet or a
// reading passage gets the classroom's bundle (loaded only then); every other, the reader's.
const files = { js: '@JS@', wasm: '@WASM@', css: '@CSS@' };
const classroomFiles = { js: '@CLASSROOM_JS@', wasm: '@CLASSROOM_WASM@' };
const base = new URL('./', import.meta.url);
const SELECTOR = '[data-sourced-quiz]';

const mounted = new WeakSet();
const crossOrigin = base.origin !== location.origin;

/** A line in the host's shadow root, in the room a widget takes (CSSOM, allowed under a strict CSP). */
function say(host, text, role) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const line = document.createElement('p');
  line.setAttribute('role', role);
  line.className = 'sq-boot';
  line.textContent = text;
  Object.assign(line.style, { margin: '0', padding: '1em', minHeight: '20em', boxSizing: 'border-box',
    font: 'medium/1.5 system-ui, sans-serif', color: 'inherit' });
  shadow.replaceChildren(line);
  return line;
}

// Never a blank box: each widget says it is loading until the wasm runs, and what went wrong if
// a file cannot load (on another origin, most often a host that sends no CORS headers). A
// bundle's JS glue and wasm are fetched once, when the first widget that needs it comes within a
// viewport of being seen.
/** The rule src/web/mod.rs's needs_classroom states, on the element's data- attributes. */
const needsClassroom = (host) => host.hasAttribute('data-passage') ||
  ['teacher', 'worksheet', 'key'].includes(host.getAttribute('data-view')?.trim());
const bundleOf = (host) => (needsClassroom(host) ? classroomFiles : files);
const loaded = new Map();
const failures = new Map();
const load = (bundle) => {
  if (!loaded.has(bundle)) {
    loaded.set(bundle, (async () => {
      let file = new URL(bundle.js, base);
      try {
        const widget = await import(file.href);
        file = new URL(bundle.wasm, base);
        await widget.default({ module_or_path: file });
        return widget;
      } catch (error) {
        console.error('sourced-quiz: the widget could not load', error);
        const cors = crossOrigin
          ? ` The quiz is on another site (${base.origin}): its host must send an Access-Control-Allow-Origin header (CORS) with every file of the quiz.`
          : '';
        failures.set(bundle, `The quiz could not load: ${file.href} did not arrive.${cors} Reload the page to try again.`);
        document.querySelectorAll(SELECTOR).forEach((host) => bundleOf(host) === bundle && say(host, failures.get(bundle), 'alert'));
        return null;
      }
    })());
  }
  return loaded.get(bundle);
};

const near = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    near.unobserve(entry.target);
    mount(entry.target);
  }
}, { rootMargin: '100% 0px' });

async function mount(host) {
  const bundle = bundleOf(host);
  const widget = await load(bundle);
  if (!widget) return void say(host, failures.get(bundle), 'alert');
  const shadow = host.shadowRoot;
  const loading = shadow.querySelector('.sq-boot') ?? say(host, 'Loading the quiz…', 'status');
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL(files.css, base).href;
  const root = document.createElement('div');
  shadow.replaceChildren(style, loading, root);
  // Render once the styles are in, so the reader never sees an unstyled widget.
  await new Promise((done) => {
    style.addEventListener('load', done, { once: true });
    style.addEventListener('error', done, { once: true });
  });
  widget.mount(host, root, base.href);
  loading.remove();
}

/** Says "Loading" in each new widget's room, and mounts it when the reader gets near it. */
function watch(host) {
  if (mounted.has(host)) return;
  mounted.add(host);
  say(host, 'Loading the quiz…', 'status');
  near.observe(host);
}

function mountAll(scope) {
  if (scope.matches?.(SELECTOR)) watch(scope);
  scope.querySelectorAll?.(SELECTOR).forEach(watch);
}

mountAll(document);
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach((node) => node.nodeType === 1 && mountAll(node));
}).observe(document.documentElement, { childList: true, subtree: true });
