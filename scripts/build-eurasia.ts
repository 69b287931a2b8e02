/**
 * Build the bundled Eurasia dataset
 * =================================
 *
 * Generates data/eurasia/{network,demand,sources,meta}.json and data/eurasia/timelines/*.json from the
 * readable tables in scripts/eurasia/. Run with `npx tsx scripts/build-eurasia.ts`; `--check` exits 1
 * when the committed JSON differs from what the tables produce (test/dataset.test.ts checks the same).
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemandDocument } from './eurasia/demand.js';
import { buildMetaDocument } from './eurasia/meta.js';
import { buildNetworkDocument } from './eurasia/network.js';
import { allSources } from './eurasia/sources.js';
import { buildTimelineDocuments } from './eurasia/timelines.js';

/** The files of the dataset: path relative to data/eurasia/ → JSON text. */
export function buildEurasiaFiles(): Map<string, string> {
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const timelines = buildTimelineDocuments();
  const files = new Map<string, string>();
  files.set('network.json', text(buildNetworkDocument()));
  files.set('demand.json', text(buildDemandDocument()));
  files.set(
    'sources.json',
    text({
      format: 'corridor-sim/sources',
      version: 1,
      dataset: 'eurasia',
      note: 'S.., C.., G.., I..: reference list of corridor-facts.md §11 (titles read from the page address where the list gives none). W.., C19.., G3.., E1: read for this dataset. yearKind "accessed" marks undated pages (the year they were read). reliability "low" marks outlets flagged as such and GitHub files to verify.',
      sources: allSources(),
    }),
  );
  files.set('meta.json', text(buildMetaDocument(timelines.map((t) => t.id))));
  for (const t of timelines) files.set(`timelines/${t.id}.json`, text(t));
  return files;
}

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', 'data', 'eurasia');

function main(argv: readonly string[]): number {
  const files = buildEurasiaFiles();
  if (argv.includes('--check')) {
    let stale = 0;
    for (const [path, content] of files) {
      let current = '';
      try {
        current = readFileSync(join(dataDir, path), 'utf8');
      } catch {
        current = '';
      }
      if (current !== content) {
        console.error(`stale: data/eurasia/${path}`);
        stale++;
      }
    }
    return stale === 0 ? 0 : 1;
  }
  for (const [path, content] of files) {
    const target = join(dataDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote data/eurasia/${path} (${content.length} bytes)`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
