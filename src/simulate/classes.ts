/**
 * Demand as user classes
 * ======================
 *
 * Turns a scenario-applied demand into the user classes of the solvers: one class per (commodity,
 * shipper segment, countries exempt from the segment's avoid list). Each class carries its value of
 * time, its money cost per arc (base cost plus the scenario's segment surcharges, and time surcharges
 * priced at the class's value of time), its forbidden arcs (other commodities, avoided countries —
 * except the flow's own origin and destination countries — and avoided links) and its OD entries.
 * Shared by the equilibrium, logit and min-cost solvers.
 */

import type { CompiledNetwork } from '../algorithms/_internal/compile.js';
import {
  DEFAULT_SEGMENT,
  type Demand,
  type DemandFlow,
  requireDemandShape,
  type ShipperSegment,
} from '../model/demand.js';
import type { SegmentSurcharge } from '../scenario/apply.js';
import { type CountryIndex, countryIndex } from './countries.js';

/** One OD entry of a class, with the demand flow it comes from. */
export interface ClassEntry {
  /** The demand flow. */
  readonly flow: DemandFlow;
  /** Index of the flow in the demand's `flows`. */
  readonly flowIndex: number;
  /** Origin vertex (exit copy of the origin node for the commodity). */
  readonly origin: number;
  /** Destination vertex (entry copy of the destination node). */
  readonly destination: number;
  /** Volume of this flow in this class. */
  readonly volume: number;
}

/** A user class. */
export interface DemandClass {
  /** `commodity|segment|exempt countries`. */
  readonly id: string;
  readonly commodity: string;
  /** Commodity index in the compiled network. */
  readonly commodityIndex: number;
  readonly segment: ShipperSegment;
  /** Value of time, USD per unit per day. */
  readonly valueOfTime: number;
  /** Money cost per arc, USD per unit (base cost + surcharges). */
  readonly moneyCost: Float64Array;
  /** 1 where the class may not go. */
  readonly forbidden: Uint8Array;
  /** OD entries. */
  readonly entries: readonly ClassEntry[];
}

/** A class being collected: its key parts and OD entries (arrays are made once all are known). */
interface ClassDraft {
  readonly id: string;
  readonly commodity: string;
  readonly commodityIndex: number;
  readonly segment: ShipperSegment;
  /** Avoided countries the class is exempt from (its flows start or end there). */
  readonly exempt: readonly string[];
  readonly entries: ClassEntry[];
}

/**
 * Build the user classes of a demand on a compiled network.
 *
 * Classes come in the order their first OD entry appears (flows in order, each flow's segments in the
 * demand's order). The arrays of all classes are views of one buffer; each class has its own.
 *
 * @param compiled - the compiled (scenario-applied) network
 * @param demand - the scenario-applied demand
 * @param surcharges - the scenario's segment surcharges
 * @returns classes with at least one OD entry of positive volume
 * @remarks Complexity O(flows × segments + classes × arcs + surcharges × classes).
 */
export function buildClasses(
  compiled: CompiledNetwork,
  demand: Demand,
  surcharges: readonly SegmentSurcharge[],
): DemandClass[] {
  requireDemandShape(demand);
  const N = compiled.nodeIds.length;
  const M = compiled.csr.arcCount;
  const L = compiled.linkCount;
  const commodityIds = compiled.commodityIds;
  const countries = countryIndex(compiled);
  // the country code of node n is codes[nodeCountry[n]] (read where needed: a list of the codes by
  // node, made with `Array.from` and a mapping function, cost more than the lookups)
  const { countries: codes, nodeCountry } = countries;

  // Collect the classes and their entries, as flowSegments resolves each flow's segments.
  const segments = demand.segments.length > 0 ? demand.segments : [DEFAULT_SEGMENT];
  const S = segments.length;
  const C = commodityIds.length;
  const drafts = new Map<string, ClassDraft>();
  // the class of segment `s` for commodity `c` when it exempts nothing, at `plain[s * C + c]`: found
  // once, not per flow
  const plain: (ClassDraft | undefined)[] = new Array(S * C);
  const segmentIndex = new Map<string, number>();
  for (let s = 0; s < S; s++) segmentIndex.set(segments[s]!.id, s);
  const order = new Int32Array(S);
  for (let flowIndex = 0; flowIndex < demand.flows.length; flowIndex++) {
    const flow = demand.flows[flowIndex]!;
    if (!(flow.volumePerYear > 0)) continue;
    const c = commodityIds.indexOf(flow.commodity);
    const o = compiled.nodeIndex.get(flow.origin);
    const d = compiled.nodeIndex.get(flow.destination);
    if (c < 0 || o === undefined || d === undefined) continue;
    const shares = flow.segmentShares;
    // the flow's segments with a positive share, in the demand's order of segments (its own keys are
    // few: reading them beats looking up every segment's id in it); without shares, all of it in the
    // first segment
    let n = 0;
    if (!shares) order[n++] = 0;
    else {
      for (const id in shares) {
        const s = segmentIndex.get(id);
        if (s === undefined || !(shares[id]! > 0)) continue;
        let at = n++;
        while (at > 0 && order[at - 1]! > s) {
          order[at] = order[at - 1]!;
          at--;
        }
        order[at] = s;
      }
    }
    // each share's entry, in the class of its segment (written out here rather than in a function
    // called per entry: this loop runs for every flow and segment)
    for (let i = 0; i < n; i++) {
      const s = order[i]!;
      const segment = segments[s]!;
      const share = shares ? shares[segment.id]! : 1;
      // a shipper cannot avoid the countries its goods start or end in
      const avoids = segment.avoidCountries;
      let draft: ClassDraft | undefined;
      if (avoids === undefined || !avoidsEnds(avoids, codes[nodeCountry[o]!]!, codes[nodeCountry[d]!]!)) {
        draft = plain[s * C + c] ??= draftFor(
          drafts,
          `${flow.commodity}|${segment.id}|`,
          flow,
          c,
          segment,
          [],
        );
      } else {
        const originCountry = codes[nodeCountry[o]!]!;
        const destinationCountry = codes[nodeCountry[d]!]!;
        const exempt = avoids.filter((x) => x === originCountry || x === destinationCountry);
        const id = `${flow.commodity}|${segment.id}|${[...exempt].sort().join(',')}`;
        draft = draftFor(drafts, id, flow, c, segment, exempt);
      }
      draft.entries.push({
        flow,
        flowIndex,
        origin: compiled.exitVertex[c * N + o]!,
        destination: compiled.entryVertex[c * N + d]!,
        volume: flow.volumePerYear * share,
      });
    }
  }

  // The arrays: money cost (base cost + the segment's surcharges) and forbidden arcs (other
  // commodities, avoided links, arcs into or through an avoided country).
  const K = drafts.size;
  const buffer = new ArrayBuffer(9 * M * K);
  const arcCountries = avoidedCountryArcs(compiled, countries);
  const out: DemandClass[] = [];
  let k = 0;
  for (const draft of drafts.values()) {
    const { segment, commodityIndex: c, exempt } = draft;
    const money = new Float64Array(buffer, 8 * M * k, M);
    money.set(compiled.costUsd);
    const forbidden = new Uint8Array(buffer, 8 * M * K + M * k, M);
    const arcCommodity = compiled.arcCommodity;
    for (let e = 0; e < M; e++) if (arcCommodity[e] !== c) forbidden[e] = 1;
    for (const id of segment.avoidLinks ?? []) {
      const e = compiled.linkIndex.get(id);
      if (e !== undefined && e < L) forbidden[e] = 1;
    }
    for (const x of segment.avoidCountries ?? []) {
      if (exempt.includes(x)) continue;
      const touches = arcCountries(x);
      for (let e = 0; e < M; e++) if (touches[e] === 1) forbidden[e] = 1;
    }
    for (const s of surcharges) {
      if (!s.segments.includes(segment.id)) continue;
      const e = compiled.linkIndex.get(s.link);
      if (e === undefined) continue;
      money[e] = Math.max(0, money[e]! + s.costUsdPerUnit + s.transitDays * segment.valueOfTimeUsdPerUnitDay);
    }
    out.push({
      id: draft.id,
      commodity: draft.commodity,
      commodityIndex: c,
      segment,
      valueOfTime: segment.valueOfTimeUsdPerUnitDay,
      moneyCost: money,
      forbidden,
      entries: draft.entries,
    });
    k++;
  }
  return out;
}

/** Whether a list of avoided countries names either end of a flow. */
function avoidsEnds(avoids: readonly string[], originCountry: string, destinationCountry: string): boolean {
  for (let i = 0; i < avoids.length; i++) {
    const x = avoids[i];
    if (x === originCountry || x === destinationCountry) return true;
  }
  return false;
}

/** The draft of class `id`, made on first use. */
function draftFor(
  drafts: Map<string, ClassDraft>,
  id: string,
  flow: DemandFlow,
  c: number,
  segment: ShipperSegment,
  exempt: readonly string[],
): ClassDraft {
  let draft = drafts.get(id);
  if (!draft) {
    draft = { id, commodity: flow.commodity, commodityIndex: c, segment, exempt, entries: [] };
    drafts.set(id, draft);
  }
  return draft;
}

/**
 * The arcs that touch a country, per country code, computed on first request: an arc touches the
 * country its head lies in (a node arc: its node's), and a link each country it traverses.
 */
function avoidedCountryArcs(compiled: CompiledNetwork, index: CountryIndex): (code: string) => Uint8Array {
  const M = compiled.csr.arcCount;
  const L = compiled.linkCount;
  const { nodeCountry, linkCountryStart, linkCountryList } = index;
  const masks = new Map<string, Uint8Array>();
  return (code) => {
    let mask = masks.get(code);
    if (mask) return mask;
    mask = new Uint8Array(M);
    masks.set(code, mask);
    const c = index.indexOf.get(code);
    if (c === undefined) return mask; // no node or link of the network is in it
    const { vertexNode, arcNode } = compiled;
    const head = compiled.csr.head;
    for (let e = 0; e < M; e++) {
      const node = e < L ? vertexNode[head[e]!]! : arcNode[e]!;
      let touches = nodeCountry[node] === c;
      for (
        let i = e < L ? linkCountryStart[e]! : 0, end = e < L ? linkCountryStart[e + 1]! : 0;
        !touches && i < end;
        i++
      ) {
        touches = linkCountryList[i] === c;
      }
      if (touches) mask[e] = 1;
    }
    return mask;
  };
}
