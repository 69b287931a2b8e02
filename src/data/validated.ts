/**
 * Objects already validated
 * =========================
 *
 * Demand and scenario objects that passed validation (from the parse functions and the bundled
 * loaders) are remembered here, so that functions taking them do not validate them again. A mark says
 * two things:
 *
 * - the object's shape is valid (every field has the right type and range), and it will not change:
 *   only objects that are deep-frozen, or private to the library, are marked;
 * - which networks (and, for scenarios, which demands) its references — nodes, links, corridors,
 *   commodities, flows, segments — were checked against. A mark made without a network records the
 *   shape only: the references are checked again against the network the object is used with.
 *
 * The guards (src/data/guards.ts) skip validation only for the same network and demand.
 */

import type { Demand } from '../model/demand.js';
import type { Network } from '../model/network.js';

/** What is known about one validated object (sets made on first use: most marks record one network). */
interface Mark {
  /** What it was validated as. */
  readonly kind: ValidatedKind;
  /** Networks its references were checked against. */
  networks: WeakSet<Network> | undefined;
  /** Demands its flow and segment references were checked against (scenarios). */
  demands: WeakSet<Demand> | undefined;
}

const MARKS = new WeakMap<object, Mark>();

/**
 * What a validated object was validated as: a demand passed where a scenario belongs is not valid. A
 * `scenario-operation` or `demand-flow` mark records the shape of one operation or flow (its schema),
 * never references.
 */
export type ValidatedKind = 'demand' | 'scenario' | 'scenario-operation' | 'demand-flow';

/**
 * Remember that an object has been validated: its shape, and, when `network` (and `demand`) are
 * given, its references against them. Marking the same object again adds to what is known.
 *
 * Only mark objects that will not change: deep-frozen ones (what the parsers return) or objects the
 * library made itself and keeps private. A caller's own unfrozen object must never be marked, or a
 * later edit would bypass validation.
 *
 * @param value - a demand or scenario that passed validation
 * @param kind - what it was validated as
 * @param network - the network its references were checked against, if any
 * @param demand - the demand its flow and segment references were checked against, if any (scenarios)
 * @returns the same value
 * @example markValidated(deepFreeze(scenario), 'scenario', network, demand)
 * @remarks Complexity O(1).
 */
export function markValidated<T extends object>(
  value: T,
  kind: ValidatedKind,
  network?: Network,
  demand?: Demand,
): T {
  let mark = MARKS.get(value);
  if (!mark || mark.kind !== kind) {
    mark = { kind, networks: undefined, demands: undefined };
    MARKS.set(value, mark);
  }
  if (network !== undefined) {
    mark.networks ??= new WeakSet();
    mark.networks.add(network);
  }
  if (demand !== undefined) {
    mark.demands ??= new WeakSet();
    mark.demands.add(demand);
  }
  return value;
}

/**
 * Whether an object has been validated: with only `value`, in any context (its shape is known to be
 * valid); with `network` (and `demand`), against that network (and demand).
 *
 * @param value - anything
 * @param kind - what it must have been validated as
 * @param network - the network its references must have been checked against
 * @param demand - the demand its references must have been checked against
 * @returns true when {@link markValidated} saw it (with that network and demand)
 * @example isValidated(parseScenario(doc, network), 'scenario', network) // true
 * @remarks Complexity O(1).
 */
export function isValidated(
  value: unknown,
  kind: ValidatedKind,
  network?: Network,
  demand?: Demand,
): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const mark = MARKS.get(value);
  if (!mark || mark.kind !== kind) return false;
  if (network !== undefined && !mark.networks?.has(network)) return false;
  if (demand !== undefined && !mark.demands?.has(demand)) return false;
  return true;
}

/**
 * Whether an object and everything reachable from it is frozen, so that it cannot change after being
 * validated.
 *
 * @param value - anything
 * @returns true for primitives and for deep-frozen objects
 * @example isDeepFrozen(parseScenario(doc)) // true; isDeepFrozen({ id: 's' }) // false
 * @remarks Complexity O(size of the value); O(1) when the top level is not frozen.
 */
export function isDeepFrozen(value: unknown): boolean {
  const seen = new Set<object>();
  const visit = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return true;
    if (!Object.isFrozen(v)) return false;
    seen.add(v);
    for (const key of Object.keys(v)) if (!visit((v as Record<string, unknown>)[key])) return false;
    return true;
  };
  return visit(value);
}
