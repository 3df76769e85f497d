// Checks that the browser build holds no English sentence outside the English catalogue: every
// text of core/i18n/en.ftl (each run of three words or more between placeholders) is looked for
// in the release wasm, and any found is a failure. The calculator's words live in its
// catalogues, loaded for the language shown; the wasm holds ids and numbers. Run after
// `trunk build --release` (scripts/test.sh does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const wasm = readFileSync(join(root, 'dist', 'hrdd-calculator_bg.wasm'));
const catalogue = readFileSync(join(root, 'core', 'i18n', 'en.ftl'), 'utf8');

// key -> text, with attributes as key.attribute and continuation lines joined by a space.
const texts = new Map();
let key = null;
for (const line of catalogue.split('\n')) {
  const message = line.match(/^([a-zA-Z][\w-]*)\s*=\s*(.*)$/);
  const attribute = line.match(/^\s+\.([\w-]+)\s*=\s*(.*)$/);
  if (message) {
    key = message[1];
    texts.set(key, message[2]);
  } else if (attribute && key) {
    texts.set(`${key.split('.')[0]}.${attribute[1]}`, attribute[2]);
  } else if (/^\s+\S/.test(line) && key) {
    texts.set(key, `${texts.get(key)} ${line.trim()}`);
  }
}

const found = [];
let checked = 0;
for (const [name, text] of texts) {
  // Country names are data (the ISO table, with its sources), not sentences: the browser build
  // keeps them to find a country by its English name too.
  if (name.startsWith('country-')) continue;
  for (const run of text.split(/\{[^}]*\}/)) {
    const words = run.trim();
    if (words.split(/\s+/).length < 3 || words.length < 16) continue;
    checked += 1;
    if (wasm.includes(Buffer.from(words, 'utf8'))) found.push(`${name}: ${words}`);
  }
}
if (checked < 1000) throw new Error(`only ${checked} texts checked: is en.ftl read right?`);
if (found.length > 0) {
  console.error(`${found.length} English text(s) of en.ftl are also in the wasm:\n${found.join('\n')}`);
  process.exit(1);
}
console.log(`none of the ${checked} English texts of en.ftl is in the wasm`);
