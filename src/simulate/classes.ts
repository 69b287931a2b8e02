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
import { type Demand, type DemandFlow, flowSegments, type ShipperSegment } from '../model/demand.js';
import type { SegmentSurcharge } from '../scenario/apply.js';
import { countryIndex } from './countries.js';

/** One OD entry of a class, with the demand flow it comes from. */
export interface ClassEntry {
  /** The demand flow. */
  readonly flow: DemandFlow;
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

/**
 * Build the user classes of a demand on a compiled network.
 *
 * @param compiled - the compiled (scenario-applied) network
 * @param demand - the scenario-applied demand
 * @param surcharges - the scenario's segment surcharges
 * @returns classes with at least one OD entry of positive volume
 */
export function buildClasses(
  compiled: CompiledNetwork,
  demand: Demand,
  surcharges: readonly SegmentSurcharge[],
): DemandClass[] {
  const N = compiled.nodeIds.length;
  const M = compiled.csr.arcCount;
  const L = compiled.linkCount;
  const commodityIndex = new Map(compiled.commodityIds.map((c, i) => [c, i]));
  // the country an arc arrives in, and each link's transit countries, as indices
  const {
    countries,
    indexOf: countryIndexOf,
    nodeCountry: nodeCountryIndex,
    linkCountries,
  } = countryIndex(compiled);
  const arcCountry = new Int32Array(M);
  for (let e = 0; e < M; e++) {
    arcCountry[e] =
      nodeCountryIndex[e < L ? compiled.vertexNode[compiled.csr.head[e]!]! : compiled.arcNode[e]!]!;
  }
  const classes = new Map<string, { cls: Omit<DemandClass, 'entries'>; entries: ClassEntry[] }>();
  // class key of a segment that exempts nothing, per commodity: built once, not per flow
  const plainKeys = new Map<ShipperSegment, string[]>();

  const makeClass = (
    id: string,
    flow: DemandFlow,
    c: number,
    segment: ShipperSegment,
    exempt: readonly string[],
  ): { cls: Omit<DemandClass, 'entries'>; entries: ClassEntry[] } => {
    const avoid = new Uint8Array(countries.length);
    let avoiding = false;
    for (const x of segment.avoidCountries ?? []) {
      const i = countryIndexOf.get(x);
      if (i !== undefined && !exempt.includes(x)) {
        avoid[i] = 1;
        avoiding = true;
      }
    }
    const avoidLinks = new Set(segment.avoidLinks ?? []);
    const forbidden = new Uint8Array(M);
    const money = compiled.costUsd.slice();
    for (let e = 0; e < M; e++) {
      if (compiled.arcCommodity[e] !== c) {
        forbidden[e] = 1;
        continue;
      }
      if (e < L && avoidLinks.size > 0 && avoidLinks.has(compiled.linkIds[e]!)) {
        forbidden[e] = 1;
        continue;
      }
      if (!avoiding) continue;
      if (avoid[arcCountry[e]!] === 1) {
        forbidden[e] = 1;
        continue;
      }
      if (e < L) {
        const transit = linkCountries[e]!;
        for (let i = 0; i < transit.length; i++) {
          if (avoid[transit[i]!] === 1) {
            forbidden[e] = 1;
            break;
          }
        }
      }
    }
    for (const s of surcharges) {
      if (!s.segments.includes(segment.id)) continue;
      const e = compiled.linkIndex.get(s.link);
      if (e === undefined) continue;
      money[e] = Math.max(0, money[e]! + s.costUsdPerUnit + s.transitDays * segment.valueOfTimeUsdPerUnitDay);
    }
    return {
      cls: {
        id,
        commodity: flow.commodity,
        commodityIndex: c,
        segment,
        valueOfTime: segment.valueOfTimeUsdPerUnitDay,
        moneyCost: money,
        forbidden,
      },
      entries: [],
    };
  };

  for (const flow of demand.flows) {
    if (!(flow.volumePerYear > 0)) continue;
    const c = commodityIndex.get(flow.commodity);
    const o = compiled.nodeIndex.get(flow.origin);
    const d = compiled.nodeIndex.get(flow.destination);
    if (c === undefined || o === undefined || d === undefined) continue;
    const originCountry = countries[nodeCountryIndex[o]!]!;
    const destinationCountry = countries[nodeCountryIndex[d]!]!;
    const origin = compiled.exitVertex[c * N + o]!;
    const destination = compiled.entryVertex[c * N + d]!;
    for (const { segment, share } of flowSegments(demand, flow)) {
      // a shipper cannot avoid the countries its goods start or end in
      const avoids = segment.avoidCountries ?? [];
      const exempt =
        avoids.length === 0 ? avoids : avoids.filter((x) => x === originCountry || x === destinationCountry);
      let id: string;
      if (exempt.length === 0) {
        let keys = plainKeys.get(segment);
        if (!keys) {
          keys = [];
          plainKeys.set(segment, keys);
        }
        id = keys[c] ??= `${flow.commodity}|${segment.id}|`;
      } else {
        id = `${flow.commodity}|${segment.id}|${[...exempt].sort().join(',')}`;
      }
      let entry = classes.get(id);
      if (!entry) {
        entry = makeClass(id, flow, c, segment, exempt);
        classes.set(id, entry);
      }
      entry.entries.push({ flow, origin, destination, volume: flow.volumePerYear * share });
    }
  }
  return [...classes.values()].map(({ cls, entries }) => ({ ...cls, entries }));
}
