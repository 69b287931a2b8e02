/**
 * Resolve a command-line argument to a network: a JSON file path, or the name of a bundled dataset.
 */

import { listDatasets, loadDataset } from '../../data/datasets.js';
import { safeParseNetwork } from '../../data/network-format.js';
import { formatPath } from '../../model/errors.js';
import type { Network } from '../../model/network.js';
import type { CliIo } from '../io.js';
import { readJson } from './read.js';

/** Result of {@link loadNetworkArgument}. */
export type NetworkArgument = { ok: true; network: Network } | { ok: false; message: string };

/**
 * Load a network from a file path (anything ending in `.json` or containing a slash), or the network of
 * a bundled dataset (`eurasia`, `sample`).
 *
 * @param arg - the argument
 * @param io - the CLI io
 * @returns the network, or a message listing every issue
 */
export function loadNetworkArgument(arg: string, io: CliIo): NetworkArgument {
  if (!arg.endsWith('.json') && !arg.includes('/') && !arg.includes('\\')) {
    if (listDatasets().some((d) => d.name === arg)) return { ok: true, network: loadDataset(arg).network };
    return {
      ok: false,
      message: `unknown dataset ${JSON.stringify(arg)}; bundled: ${listDatasets()
        .map((d) => d.name)
        .join(', ')} (or give a .json file)`,
    };
  }
  const doc = readJson(arg, io);
  if (!doc.ok) return doc;
  const parsed = safeParseNetwork(doc.value);
  if (!parsed.success) {
    const lines = parsed.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    return {
      ok: false,
      message: `${arg}: invalid network, ${parsed.issues.length} issue(s):\n${lines.join('\n')}`,
    };
  }
  return { ok: true, network: parsed.data };
}
