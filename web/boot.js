// Starts the stand-alone page (and the iframe embed) from an external module instead of Trunk's
// inline script, so that a page with `script-src 'self' 'wasm-unsafe-eval'` can host it, and
// resolves every file relative to this script, so that dist/ works from any sub-path. Trunk
// writes the hashed file names into this module's URL (see pattern_script in Trunk.toml).
const here = new URL(import.meta.url);
const js = new URL(here.searchParams.get('js'), here);
const wasm = new URL(here.searchParams.get('wasm'), here);
const widget = await import(js.href);
await widget.default({ module_or_path: wasm });
widget.start_page();
