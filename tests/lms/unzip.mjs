// Unpacks each exported package into OUT/<its file name>/, through the test's own zip reader (CRC-32 checked).
import fs from 'node:fs';
import path from 'node:path';
import { readStoredZip } from './zip.mjs';

const [out, ...packages] = process.argv.slice(2);
for (const file of packages) {
  const into = path.join(out, path.basename(file));
  for (const [name, data] of readStoredZip(fs.readFileSync(file))) {
    fs.mkdirSync(path.dirname(path.join(into, name)), { recursive: true });
    fs.writeFileSync(path.join(into, name), data);
  }
}
