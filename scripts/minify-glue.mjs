// Shrinks one bundle's JS glue and the names its wasm imports and exports, in place (run by
// scripts/trunk-post-build on release builds):   node scripts/minify-glue.mjs GLUE.js MODULE_bg.wasm
// (and, with --modules FILE…, minifies our own loader modules in place).
//
// wasm-bindgen names every import after the function it binds plus a hash
// (`__wbg_querySelector_1555c239948f2bf0`, 155 of them, each from the module
// "./sourced-quiz_bg.js") and exports its helpers by long names
// (`wasm_bindgen__convert__closures_____invoke__h…`). Both sides spell every name: the wasm in its
// import and export sections, the glue in its imports object and its `wasm.…` calls. This gives
// each name a short one (`a`, `b`, … `aa`), in the wasm by rewriting those two sections alone
// (every other byte is kept), and in the glue through esbuild's property mangling with exactly
// that map, as it minifies it. `memory` and the entry points keep their names (see KEEP).
//
// Then it checks what would otherwise fail only in a browser: the minified glue instantiates the
// renamed wasm in Node (`initSync`: a missing or misnamed import is a LinkError), and no old name
// is left in the glue. Any failure exits non-zero and leaves both files as they were.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const esbuild = createRequire(path.join(ROOT, 'tools/package.json'))('esbuild');
// Kept: `memory` (tools read `instance.exports.memory`), and the entry points, which the glue
// also exports under their own names (so a leftover check could not tell them apart).
const KEEP = new Set(['memory', 'start_page', 'mount']);

const fail = (message) => {
  console.error(`minify-glue: ${message}`);
  process.exit(1);
};

// ---------------------------------------------------------------------------------------------
// The wasm binary: just enough to read and rewrite the import (2) and export (7) sections.

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    if (!(byte & 0x80)) return [value >>> 0, at];
    shift += 7;
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const nameBytes = (name) => Buffer.concat([u32(Buffer.byteLength(name)), Buffer.from(name)]);

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  if (kind === 0) return readU32(bytes, at)[1];
  if (kind === 1) return limits(at + 1); // reference type, then limits
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2; // value type, mutability
  if (kind === 4) return readU32(bytes, at + 1)[1]; // attribute, type index
  fail(`unknown import kind ${kind}`);
}

/** The sections as { id, body } with `body` a Buffer, in order. */
function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) fail('not a wasm module');
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    out.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

/** Every import as { module, name, desc } (desc: its raw bytes). */
function imports(body) {
  let [count, at] = readU32(body, 0);
  const out = [];
  while (count--) {
    let module, name;
    [module, at] = readName(body, at);
    [name, at] = readName(body, at);
    const end = skipImportDesc(body, at);
    out.push({ module, name, desc: body.subarray(at, end) });
    at = end;
  }
  return out;
}

/** Every export as { name, desc } (desc: kind and index, raw). */
function exports(body) {
  let [count, at] = readU32(body, 0);
  const out = [];
  while (count--) {
    let name;
    [name, at] = readName(body, at);
    const end = readU32(body, at + 1)[1];
    out.push({ name, desc: body.subarray(at, end) });
    at = end;
  }
  return out;
}

function writeModule(bytes, all, renamed) {
  const parts = [bytes.subarray(0, 8)];
  for (const { id, body } of all) {
    let content = body;
    if (id === 2) {
      const list = imports(body);
      content = Buffer.concat([u32(list.length), ...list.flatMap((i) => [nameBytes(renamed(i.module)), nameBytes(renamed(i.name)), i.desc])]);
    } else if (id === 7) {
      const list = exports(body);
      content = Buffer.concat([u32(list.length), ...list.flatMap((e) => [nameBytes(renamed(e.name)), e.desc])]);
    }
    parts.push(Buffer.from([id]), u32(content.length), content);
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// `--modules FILE…`: our own loaders (boot.js, sourced-quiz.js), minified in place, their
// readable source staying in web/.
if (process.argv[2] === '--modules') {
  for (const file of process.argv.slice(3)) {
    const code = fs.readFileSync(file, 'utf8');
    const out = esbuild.transformSync(code, { format: 'esm', minify: true, legalComments: 'none' }).code;
    fs.writeFileSync(file, out);
    console.log(`minify-glue: ${path.basename(file)} ${kb(Buffer.byteLength(code))} -> ${kb(Buffer.byteLength(out))}`);
  }
  process.exit(0);
}

const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) fail('usage: node scripts/minify-glue.mjs GLUE.js MODULE_bg.wasm | --modules FILE…');
const wasm = fs.readFileSync(wasmPath);
const glue = fs.readFileSync(gluePath, 'utf8');
const all = sections(wasm);
const importList = imports(all.find((s) => s.id === 2)?.body ?? Buffer.from([0]));
const exportList = exports(all.find((s) => s.id === 7)?.body ?? Buffer.from([0]));

// Short names in order, skipping any word the glue already uses (its other properties, say `ok`).
const taken = new Set(glue.match(/[A-Za-z_$][\w$]*/g));
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REST = `${FIRST}0123456789`;
let counter = 0;
function nextName() {
  for (;;) {
    let n = counter++;
    let name = FIRST[n % FIRST.length];
    n = Math.floor(n / FIRST.length);
    while (n > 0) {
      n -= 1;
      name += REST[n % REST.length];
      n = Math.floor(n / REST.length);
    }
    if (!taken.has(name)) return name;
  }
}
const map = new Map();
for (const name of [...new Set(importList.map((i) => i.module)), ...importList.map((i) => i.name), ...exportList.map((e) => e.name)]) {
  if (!KEEP.has(name) && !map.has(name)) map.set(name, nextName());
}
const renamed = (name) => map.get(name) ?? name;
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const minified = esbuild.transformSync(glue, {
  format: 'esm',
  minify: true,
  legalComments: 'none',
  // Exactly the wasm's names, quoted (the module's, `"./sourced-quiz_bg.js": import0`) or not.
  mangleProps: new RegExp(`^(${[...map.keys()].map(escape).join('|')})$`),
  mangleQuoted: true,
  mangleCache: Object.fromEntries(map),
});
const newGlue = minified.code;
const newWasm = writeModule(wasm, all, renamed);

// Checks, before anything is written.
const left = [...map.keys()].filter((name) => newGlue.includes(name));
if (left.length) fail(`names left in the minified glue: ${left.slice(0, 5).join(', ')}${left.length > 5 ? '…' : ''}`);
const undefinedImports = importList.filter((i) => !glue.includes(i.name) || !glue.includes(i.module));
if (undefinedImports.length) fail(`imports the glue does not name: ${undefinedImports.slice(0, 5).map((i) => i.name).join(', ')}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minify-glue-'));
try {
  const probe = path.join(dir, path.basename(gluePath).replace(/\.js$/, '.mjs'));
  fs.writeFileSync(probe, newGlue);
  const module = await import(pathToFileURL(probe).href);
  const instance = module.initSync({ module: newWasm });
  if (!(instance.memory instanceof WebAssembly.Memory)) fail('the renamed wasm exports no memory');
} catch (error) {
  fail(`the minified glue does not instantiate the renamed wasm: ${error.message}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

fs.writeFileSync(gluePath, newGlue);
fs.writeFileSync(wasmPath, newWasm);
console.log(
  `minify-glue: ${path.basename(gluePath)} ${kb(Buffer.byteLength(glue))} -> ${kb(Buffer.byteLength(newGlue))}, ` +
    `${path.basename(wasmPath)} ${kb(wasm.length)} -> ${kb(newWasm.length)} (${map.size} names shortened)`,
);
