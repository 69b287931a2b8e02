/**
 * Countries of a compiled network as indices
 * ==========================================
 *
 * The country of every node and the transit countries of every link, as small integers: class set-up
 * (avoided countries) and route classification (countries touched) both test them in loops over arcs.
 * Computed once per compiled network (cached on it: the compiled network is never changed), and
 * shared by the compiled networks of one structure whose nodes and links lie in the same countries:
 * the networks a scenario rebuilds from one network mostly do (compile.ts shares their structure, and
 * its index maps), so each later one only checks its countries against the index of the one before.
 *
 * Internal: no public API.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import type { LinkAttributes, NodeAttributes } from '../model/network.js';

/** Country codes and the countries of nodes and links as indices into `countries`. */
export interface CountryIndex {
  /** Country codes by index: the nodes' countries in node order, then links' transit countries. */
  readonly countries: readonly string[];
  /** Index of each country code. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Country index of each node. */
  readonly nodeCountry: Int32Array;
  /** Transit country indices of link e: `linkCountryList[linkCountryStart[e] .. linkCountryStart[e + 1])`. */
  readonly linkCountryStart: Int32Array;
  /** Transit country indices, link after link. */
  readonly linkCountryList: Int32Array;
}

const CACHE = new WeakMap<CompiledNetwork, CountryIndex>();
/** The latest index of a structure, with the node and link records it was last found right for. */
interface LatestIndex {
  readonly index: CountryIndex;
  readonly nodes: readonly NodeAttributes[];
  readonly links: readonly LinkAttributes[];
}

/**
 * The latest index of each structure, by the structure's node index map (shared per structure).
 * Records are frozen, so a record that is the same object as the latest's lies in the same countries
 * (a scenario shares the records it does not change).
 */
const LATEST = new WeakMap<ReadonlyMap<string, number>, LatestIndex>();

/**
 * The country index of a compiled network.
 *
 * @param compiled - the compiled network
 * @returns countries by index, and the countries of its nodes and links (the same object for compiled
 *   networks of one structure whose nodes and links lie in the same countries)
 * @remarks O(nodes + link countries): a lookup per country code when built, a comparison per code when
 *   the latest index of the structure is checked and reused.
 */
export function countryIndex(compiled: CompiledNetwork): CountryIndex {
  const cached = CACHE.get(compiled);
  if (cached) return cached;
  const latest = LATEST.get(compiled.nodeIndex);
  const result =
    latest !== undefined && sameCountries(compiled, latest) ? latest.index : buildCountryIndex(compiled);
  CACHE.set(compiled, result);
  LATEST.set(compiled.nodeIndex, { index: result, nodes: compiled.nodes, links: compiled.links });
  return result;
}

/**
 * Whether the nodes and links of `compiled` lie in the countries the latest index gives them: only the
 * records that are not the latest's own are read.
 */
function sameCountries(compiled: CompiledNetwork, latest: LatestIndex): boolean {
  const { countries, nodeCountry, linkCountryStart, linkCountryList } = latest.index;
  const { nodes, links } = compiled;
  if (nodes.length !== nodeCountry.length || links.length !== linkCountryStart.length - 1) return false;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (node !== latest.nodes[n] && node.country !== countries[nodeCountry[n]!]) return false;
  }
  for (let e = 0; e < links.length; e++) {
    const link = links[e]!;
    if (link === latest.links[e]) continue;
    const codes = link.countries;
    const from = linkCountryStart[e]!;
    if (codes.length !== linkCountryStart[e + 1]! - from) return false;
    for (let i = 0; i < codes.length; i++)
      if (codes[i] !== countries[linkCountryList[from + i]!]) return false;
  }
  return true;
}

/** A new country index of `compiled`. */
function buildCountryIndex(compiled: CompiledNetwork): CountryIndex {
  const { nodes, links } = compiled;
  const countries: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (code: string): number => {
    let i = indexOf.get(code);
    if (i === undefined) {
      i = countries.length;
      countries.push(code);
      indexOf.set(code, i);
    }
    return i;
  };
  // plain loops over the compiled records (typed-array `from` with a mapping function and lookups by
  // id cost several times more here)
  const nodeCountry = new Int32Array(nodes.length);
  for (let n = 0; n < nodes.length; n++) nodeCountry[n] = index(nodes[n]!.country);
  const linkCountryStart = new Int32Array(links.length + 1);
  const list: number[] = [];
  for (let e = 0; e < links.length; e++) {
    const codes = links[e]!.countries;
    for (let i = 0; i < codes.length; i++) list.push(index(codes[i]!));
    linkCountryStart[e + 1] = list.length;
  }
  const linkCountryList = Int32Array.from(list);
  return { countries, indexOf, nodeCountry, linkCountryStart, linkCountryList };
}

/** Flags of frozen code lists (a market's, such as CHINA_EUROPE's), per country index. */
const FLAGS = new WeakMap<CountryIndex, Map<readonly string[], Uint8Array>>();
/** Most code lists remembered per country index. */
const FLAG_LISTS = 16;

/**
 * Flags by country index: 1 for the countries listed in `codes` (codes of no node or link of the
 * network are ignored: nothing can be in them). The flags of a frozen list are remembered per index
 * (the market's lists are read twice in every simulation).
 *
 * @param index - the country index of a compiled network
 * @param codes - country codes
 * @returns a flag per country index (shared: read only)
 */
export function countryFlags(index: CountryIndex, codes: readonly string[]): Uint8Array {
  const frozen = Object.isFrozen(codes);
  const known = frozen ? FLAGS.get(index) : undefined;
  const hit = known?.get(codes);
  if (hit) return hit;
  const flags = new Uint8Array(index.countries.length);
  for (const code of codes) {
    const i = index.indexOf.get(code);
    if (i !== undefined) flags[i] = 1;
  }
  if (frozen) {
    const lists = known ?? new Map<readonly string[], Uint8Array>();
    if (!known) FLAGS.set(index, lists);
    if (lists.size < FLAG_LISTS) lists.set(codes, flags);
  }
  return flags;
}
