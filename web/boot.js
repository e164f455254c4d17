// Starts the stand-alone page (and the iframe embed) from an external module instead of Trunk's
// inline script, so that a page with `script-src 'self' 'wasm-unsafe-eval'` can host it, and
// resolves every file relative to this script, so that dist/ works from any sub-path. Trunk
// writes the hashed file names into this module's URL (see pattern_script in Trunk.toml), and
// scripts/trunk-post-build adds the classroom's bundle's (classroom-js, classroom-wasm): a page
// that asks for the teacher's page, a sheet or a reading passage loads that bundle instead of
// the reader's, at the same address, so every link keeps working.
// Until the wasm runs, index.html shows the quiz's title and "Loading the quiz…" in the room the
// widget takes; if a file cannot load, that line says so plainly, naming the file.
const here = new URL(import.meta.url);
// The page's settings: the mount point's data- attributes (a page `sourced embed-page` wrote),
// then the address's; on them, the rule src/web/mod.rs's needs_classroom states.
const mount = document.getElementById('sourced-quiz');
const settings = new URLSearchParams(location.search);
const views = [mount?.getAttribute('data-view'), ...settings.getAll('view')];
const classroom = here.searchParams.has('classroom-js') &&
  (mount?.hasAttribute('data-passage') || settings.has('passage') ||
    views.some((view) => ['teacher', 'worksheet', 'key'].includes(view?.trim())));
const bundle = classroom ? 'classroom-' : '';
const js = new URL(here.searchParams.get(`${bundle}js`), here);
const wasm = new URL(here.searchParams.get(`${bundle}wasm`), here);
// The wasm downloads while the JS glue loads (index.html preloads nothing: it serves both bundles).
const response = fetch(wasm);
response.catch(() => {}); // a failure is reported below, where the response is awaited
let file = js;
try {
  const widget = await import(js.href);
  file = wasm;
  await widget.default({ module_or_path: response });
  widget.start_page();
} catch (error) {
  console.error('sourced-quiz: the widget could not load', error);
  const line = document.querySelector('#sourced-quiz .sq-boot [role=status]');
  if (line) {
    line.setAttribute('role', 'alert');
    line.textContent = `The quiz could not load: ${file.pathname.split('/').pop()} did not arrive (${error?.message ?? error}). Reload the page to try again.`;
  }
}
