// Starts the stand-alone page (and the iframe embed) from an external module instead of Trunk's
// inline script, so that a page with `script-src 'self' 'wasm-unsafe-eval'` can host it, and
// resolves every file relative to this script, so that dist/ works from any sub-path. Trunk
// writes the hashed file names into this module's URL (see pattern_script in Trunk.toml).
// Until the wasm runs, index.html shows the quiz's title and "Loading the quiz…" in the room the
// widget takes; if a file cannot load, that line says so plainly, naming the file.
const here = new URL(import.meta.url);
const js = new URL(here.searchParams.get('js'), here);
const wasm = new URL(here.searchParams.get('wasm'), here);
let file = js;
try {
  const widget = await import(js.href);
  file = wasm;
  await widget.default({ module_or_path: wasm });
  widget.start_page();
} catch (error) {
  console.error('sourced-quiz: the widget could not load', error);
  const line = document.querySelector('#sourced-quiz .sq-boot [role=status]');
  if (line) {
    line.setAttribute('role', 'alert');
    line.textContent = `The quiz could not load: ${file.pathname.split('/').pop()} did not arrive (${error?.message ?? error}). Reload the page to try again.`;
  }
}
