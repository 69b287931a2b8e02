/**
 * Scenarios
 * =========
 *
 * A scenario is a named list of operations, each a `kind`-tagged object. Operations may be dated
 * (`from` / `until`, ISO dates, `until` exclusive) so that one scenario can also serve as a timeline,
 * and most may be scoped by a {@link Selector}. Operations apply in order. `composeScenarios` puts the
 * changes of several scenarios in effect together, each once: their operations scenario after
 * scenario, except that an operation doing the same as one an earlier scenario put in (the
 * dataset timelines every bundled scenario starts with) applies once, where it first appears.
 */

import type { CommodityId, CorridorId, CountryCode, LinkId, NodeId, SegmentId } from './ids.js';
import type { LinkAttributes, Mode, NodeAttributes, Provenance } from './network.js';

/** The format version of scenario documents. */
export const SCENARIO_FORMAT_VERSION = 1;

/**
 * Which links (or nodes) an operation touches. Criteria combine with AND; the values inside one
 * criterion combine with OR. An empty selector selects everything.
 */
export interface Selector {
  /** Links carrying one of these commodities. */
  readonly commodities?: readonly CommodityId[];
  /** Links of one of these modes. */
  readonly modes?: readonly Mode[];
  /** Links belonging to one of these corridors (their `links` list, or the links between consecutive waypoints). */
  readonly corridors?: readonly CorridorId[];
  /** Links traversing one of these countries. */
  readonly countries?: readonly CountryCode[];
  /** These links. */
  readonly links?: readonly LinkId[];
  /** Links touching these nodes (either end); for node operations, these nodes. */
  readonly nodes?: readonly NodeId[];
}

/** Fields common to every operation. */
export interface OperationBase {
  /** First day the operation applies (ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD`); always when omitted. */
  readonly from?: string;
  /** First day it no longer applies (exclusive); forever when omitted. */
  readonly until?: string;
  /** Why: free text shown in reports. */
  readonly note?: string;
  /** Provenance of the operation's figures. */
  readonly provenance?: Readonly<Record<string, Provenance>>;
}

/** Close links (no flow, as if removed). */
export interface CloseLinksOp extends OperationBase {
  readonly kind: 'close-links';
  /** Links to close, chosen by selector. */
  readonly target: Selector;
}

/** Close nodes: every link touching them closes. */
export interface CloseNodesOp extends OperationBase {
  readonly kind: 'close-nodes';
  readonly nodes: readonly NodeId[];
}

/** Close a country to transit: links that traverse it close, except links that start or end a flow there. */
export interface CloseCountryOp extends OperationBase {
  readonly kind: 'close-country';
  readonly country: CountryCode;
  /** Only these commodities / modes (selector without countries). */
  readonly scope?: Selector;
}

/** Close a border: links whose countries include both countries of the pair, one after the other. */
export interface CloseBorderOp extends OperationBase {
  readonly kind: 'close-border';
  readonly countries: readonly [CountryCode, CountryCode];
  readonly scope?: Selector;
}

/** Multiply the capacity of selected links (and of handling at selected nodes). */
export interface ScaleCapacityOp extends OperationBase {
  readonly kind: 'scale-capacity';
  readonly target: Selector;
  /** Multiplier ≥ 0. */
  readonly factor: number;
  /** Also scale node handling capacity of `target.nodes` (default true when nodes are selected). */
  readonly includeNodes?: boolean;
}

/** Set the capacity of selected links, or the handling capacity of nodes. */
export interface SetCapacityOp extends OperationBase {
  readonly kind: 'set-capacity';
  readonly target: Selector;
  /** New capacity per year in the commodity's unit. */
  readonly capacityPerYear: number;
  /** Apply to node handling of `target.nodes` instead of links. */
  readonly nodeHandling?: boolean;
}

/** Add a link (and any new nodes it needs), or open a planned one. */
export interface AddLinkOp extends OperationBase {
  readonly kind: 'add-link';
  /** A full new link, or only the id of a planned link to open. */
  readonly link: LinkAttributes | { readonly id: LinkId };
  /** Nodes to add first. */
  readonly nodes?: readonly NodeAttributes[];
}

/** Add cost, time or node dwell to selected links (sanctions risk premium, insurance, inspections). */
export interface SurchargeOp extends OperationBase {
  readonly kind: 'surcharge';
  readonly target: Selector;
  /** Added cost, USD per unit. */
  readonly costUsdPerUnit?: number;
  /** Added transit time, days. */
  readonly transitDays?: number;
  /** Only for these segments (a risk premium some shippers price in); all when omitted. */
  readonly segments?: readonly SegmentId[];
}

/** Set the share of shippers (of selected flows) that refuse to transit a country. */
export interface AvoidCountryOp extends OperationBase {
  readonly kind: 'avoid-country';
  readonly country: CountryCode;
  /** Share in [0, 1] of the volume that refuses the country. */
  readonly share: number;
  /** Only flows of these commodities. */
  readonly commodities?: readonly CommodityId[];
}

/** Grow demand by a compound annual rate from a base year, or multiply it. */
export interface DemandGrowthOp extends OperationBase {
  readonly kind: 'demand-growth';
  /** Multiplier applied once (e.g. 1.2). */
  readonly factor?: number;
  /** Compound annual growth rate (0.05 = +5 %/yr) applied from `baseYear` to the simulated year. */
  readonly annualRate?: number;
  /** Year the rate starts from (required with `annualRate`). */
  readonly baseYear?: number;
  /** Only flows of these commodities. */
  readonly commodities?: readonly CommodityId[];
  /** Only flows from these origins. */
  readonly origins?: readonly NodeId[];
  /** Only flows to these destinations. */
  readonly destinations?: readonly NodeId[];
}

/** Set the volume of selected flows. */
export interface DemandLevelOp extends OperationBase {
  readonly kind: 'demand-level';
  /** Flow ids to set. */
  readonly flows: readonly string[];
  /** New volume per year. */
  readonly volumePerYear: number;
}

/** Every scenario operation. */
export type ScenarioOp =
  | CloseLinksOp
  | CloseNodesOp
  | CloseCountryOp
  | CloseBorderOp
  | ScaleCapacityOp
  | SetCapacityOp
  | AddLinkOp
  | SurchargeOp
  | AvoidCountryOp
  | DemandGrowthOp
  | DemandLevelOp;

/** The operation kinds, in a stable order. */
export const SCENARIO_OP_KINDS: readonly ScenarioOp['kind'][] = [
  'close-links',
  'close-nodes',
  'close-country',
  'close-border',
  'scale-capacity',
  'set-capacity',
  'add-link',
  'surcharge',
  'avoid-country',
  'demand-growth',
  'demand-level',
];

/** A named list of operations. */
export interface Scenario {
  /** Unique id. */
  readonly id: string;
  /** Human name. */
  readonly name: string;
  /** Longer description. */
  readonly description?: string;
  /** Operations, applied in order. */
  readonly operations: readonly ScenarioOp[];
}
