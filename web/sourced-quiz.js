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
// a file cannot load (on another origin, most often a host that sends no CORS headers).
document.querySelectorAll(SELECTOR).forEach((host) => say(host, 'Loading the quiz…', 'status'));

/** The rule src/web/mod.rs's needs_classroom states, on the element's data- attributes. */
const needsClassroom = (host) => host.hasAttribute('data-passage') ||
  ['teacher', 'worksheet', 'key'].includes(host.getAttribute('data-view')?.trim());

/** A bundle's module, loaded and initialised once however many widgets use it. */
const bundles = new Map();
function load({ js, wasm }) {
  if (!bundles.has(js)) {
    bundles.set(js, (async () => {
      let file = new URL(js, base);
      try {
        const widget = await import(file.href);
        file = new URL(wasm, base);
        await widget.default({ module_or_path: file });
        return widget;
      } catch (error) {
        console.error('sourced-quiz: the widget could not load', error);
        throw file; // the URL of the file that did not arrive
      }
    })());
  }
  return bundles.get(js);
}

async function mount(host) {
  if (mounted.has(host)) return;
  mounted.add(host);
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const loading = shadow.querySelector('.sq-boot') ?? say(host, 'Loading the quiz…', 'status');
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL(files.css, base).href;
  const root = document.createElement('div');
  let widget;
  try {
    widget = await load(needsClassroom(host) ? classroomFiles : files);
  } catch (file) {
    // Never a blank box: say which file did not arrive (on another origin, most often a host
    // that sends no CORS headers).
    const cors = crossOrigin
      ? ` The quiz is on another site (${base.origin}): its host must send an Access-Control-Allow-Origin header (CORS) with every file of the quiz.`
      : '';
    say(host, `The quiz could not load: ${file.href} did not arrive.${cors} Reload the page to try again.`, 'alert');
    return;
  }
  shadow.replaceChildren(style, loading, root);
  // Render once the styles are in, so the reader never sees an unstyled widget.
  await new Promise((done) => {
    style.addEventListener('load', done, { once: true });
    style.addEventListener('error', done, { once: true });
  });
  widget.mount(host, root, base.href);
  loading.remove();
}

function mountAll(scope) {
  if (scope.matches?.(SELECTOR)) mount(scope);
  scope.querySelectorAll?.(SELECTOR).forEach(mount);
}

mountAll(document);
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach((node) => node.nodeType === 1 && mountAll(node));
}).observe(document.documentElement, { childList: true, subtree: true });
