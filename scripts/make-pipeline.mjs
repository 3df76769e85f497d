// Writes a synthetic pipeline export for the benchmark (scripts/bench.mjs): ROWS rows with the
// header of a CRM export. "typical": a few countries, products and customer types repeated, as
// in a real pipeline; "distinct": every row a different combination (the worst case, since rows
// that say the same are scored once). Usage: node scripts/make-pipeline.mjs typical|distinct ROWS FILE
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [kind = 'typical', rows = '50000', file = '/dev/stdout'] = process.argv.slice(2);
const root = join(fileURLToPath(import.meta.url), '..', '..');
const codes = readFileSync(join(root, 'core', 'data', 'countries.tsv'), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')).slice(1).map((line) => line.split('\t')[0]);
const categories = ['Software', 'Security equipment', 'Vehicles', 'Pharma', 'Cloud', 'Network', 'CCTV', 'AI'];
const types = ['Private company', 'Police', 'Armed forces', 'Public sector', 'Distributor', 'Consumer', 'Intelligence', 'NGO', 'Prison', 'Humanitarian', 'State-owned', 'Ministry'];
const channels = ['Direct', 'Partner', 'Online'];
const countries = kind === 'distinct' ? codes : ['NO', 'KE', 'MM', 'DE', 'BR', 'US', 'FR', 'IN', 'CN', 'RU', 'MX', 'AE'];
const lines = ['Deal ID,Customer,Country,Product category,Customer type,Sales channel'];
for (let i = 0; i < Number(rows); i += 1) {
  // Mixed radix over the four lists: in "distinct" mode no two of the first 72,000 rows repeat.
  let n = i;
  const pick = (list) => { const item = list[n % list.length]; n = Math.floor(n / list.length); return item; };
  const country = pick(countries);
  const category = pick(categories);
  const type = pick(types);
  const channel = pick(channels);
  lines.push(`D-${i},Customer ${i},${country},${category},${type},${channel}`);
}
writeFileSync(file, `${lines.join('\n')}\n`);
