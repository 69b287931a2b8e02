/**
 * Demand documents
 * ================
 *
 * `parseDemand` / `safeParseDemand` validate a `corridor-sim/demand` document (version 1). Given the
 * network, they also check that origins, destinations, commodities and avoided links exist. The demand
 * they return is a deep-frozen copy, remembered as validated against that network (src/data/validated.ts).
 */

import {
  DEMAND_FORMAT_VERSION,
  type Demand,
  type DemandFlow,
  requireDemandShape,
  type ShipperSegment,
} from '../model/demand.js';
import {
  describeValue,
  InvalidArgumentError,
  ValidationError,
  type ValidationIssue,
} from '../model/errors.js';
import { deepFreeze } from '../model/freeze.js';
import { type Network, requireNetwork } from '../model/network.js';
import { parseByItemExceptKnown, parsePair, present, type SafeParseResult, sortIssues } from './issues.js';
import { checkHeader } from './network-format.js';
import { type DemandDocument, demandDocumentSchema, withoutUndefined } from './schema.js';
import { isDeepFrozen, isValidated, markValidated } from './validated.js';

const MODULE = 'corridor-sim/data';

/** Tolerance on the sum of segment shares. */
const SHARE_TOLERANCE = 1e-9;

/**
 * The references of a demand's segments and flows that the network lacks: avoided links, origins,
 * destinations and commodities. Items that are `null` (they failed their own schema) are skipped.
 */
function referenceIssues(
  segments: readonly ({ readonly avoidLinks?: readonly string[] | undefined } | null)[] | undefined,
  flows: readonly (Pick<DemandFlow, 'origin' | 'destination' | 'commodity'> | null)[],
  network: Network,
  issues: ValidationIssue[],
): void {
  present(segments).forEach(([segment, i]) => {
    segment.avoidLinks?.forEach((link, j) => {
      if (!network.graph.hasEdge(link)) {
        issues.push({
          code: 'unknown_link',
          path: ['segments', i, 'avoidLinks', j],
          message: `link ${JSON.stringify(link)} does not exist`,
        });
      }
    });
  });
  present(flows).forEach(([flow, i]) => {
    for (const end of ['origin', 'destination'] as const) {
      if (!network.graph.hasNode(flow[end])) {
        issues.push({
          code: 'unknown_node',
          path: ['flows', i, end],
          message: `node ${JSON.stringify(flow[end])} does not exist`,
        });
      }
    }
    if (!Object.hasOwn(network.commodities, flow.commodity)) {
      issues.push({
        code: 'unknown_commodity',
        path: ['flows', i, 'commodity'],
        message: `commodity ${JSON.stringify(flow.commodity)} is not carried by the network`,
      });
    }
  });
}

/**
 * The references of an already validated demand that `network` lacks (origins, destinations,
 * commodities, avoided links), with their JSON paths. For demands whose shape is known to be valid
 * (marked by {@link markValidated}) but whose references were checked against another network or none.
 *
 * @param demand - a demand whose shape is valid
 * @param network - the network it is used with
 * @returns the issues, in document order (empty when every reference resolves)
 * @example demandReferenceIssues(loadDataset('eurasia').demand, loadDataset('sample').network)
 * @remarks Complexity O(flows + avoided links).
 */
export function demandReferenceIssues(demand: Demand, network: Network): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  referenceIssues(demand.segments, demand.flows, network, issues);
  return issues;
}

/**
 * Throw unless `value` is a valid demand (for `network`, when given). Demands marked as validated skip
 * the shape checks; their references are checked against `network` unless they were checked against
 * it before. A caller's object is validated as a document and remembered only when it is deep-frozen
 * (an unfrozen one could be edited after its check, so it is checked again on every use).
 *
 * @param value - the argument
 * @param network - the network it must fit, if any
 * @param module - module name for the message
 * @param argument - argument name for the message
 * @throws InvalidArgumentError when it is not an object; ValidationError listing every issue otherwise
 * @example requireValidDemand(demand, network, 'corridor-sim/simulate', 'input.demand')
 * @remarks Complexity O(1) for a demand validated against `network`; O(flows) for one validated
 *   against another network; O(size of the demand) otherwise.
 */
export function requireValidDemand(
  value: unknown,
  network: Network | undefined,
  module: string,
  argument: string,
): asserts value is Demand {
  if (isValidated(value, 'demand')) {
    if (network === undefined || isValidated(value, 'demand', network)) return;
    const issues = demandReferenceIssues(value as Demand, network);
    if (issues.length > 0) throw new ValidationError(argument, issues);
    markValidated(value as Demand, 'demand', network);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(
      module,
      argument,
      `must be a Demand (segments and flows), got ${describeValue(value)}`,
    );
  }
  // the caller's object is used as it is: only its issues are needed, not a copy
  const checked = checkDocument({ format: 'corridor-sim/demand', version: 1, ...value }, network);
  if (checked.issues) throw new ValidationError(argument, checked.issues);
  if (isDeepFrozen(value)) markValidated(value, 'demand', network);
}

function checkDemand(doc: DemandDocument, network: Network | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const segmentIds = new Set<string>();
  present(doc.segments).forEach(([segment, i]) => {
    if (segmentIds.has(segment.id)) {
      issues.push({
        code: 'duplicate_id',
        path: ['segments', i, 'id'],
        message: `duplicate segment id ${JSON.stringify(segment.id)}`,
      });
    }
    segmentIds.add(segment.id);
  });
  const flowKeys = new Set<string>();
  present(doc.flows).forEach(([flow, i]) => {
    const path = ['flows', i];
    const key = `${flow.id}@${flow.year ?? '*'}`;
    if (flowKeys.has(key)) {
      issues.push({
        code: 'duplicate_id',
        path: [...path, 'id'],
        message: `duplicate flow id ${JSON.stringify(flow.id)}${flow.year === undefined ? '' : ` for year ${flow.year}`}`,
      });
    }
    flowKeys.add(key);
    if (flow.origin === flow.destination) {
      issues.push({
        code: 'invalid_value',
        path: [...path, 'destination'],
        message: `flow ${JSON.stringify(flow.id)} has the same origin and destination ${JSON.stringify(flow.origin)}`,
      });
    }
    if (flow.segmentShares) {
      let sum = 0;
      for (const [segment, share] of Object.entries(flow.segmentShares)) {
        sum += share;
        if (!segmentIds.has(segment)) {
          issues.push({
            code: 'unknown_segment',
            path: [...path, 'segmentShares', segment],
            message: `segment ${JSON.stringify(segment)} is not declared in segments`,
          });
        }
      }
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
        issues.push({
          code: 'shares_do_not_sum',
          path: [...path, 'segmentShares'],
          message: `segment shares sum to ${sum}, not 1`,
        });
      }
    }
  });
  if (network) referenceIssues(doc.segments, doc.flows, network, issues);
  return issues;
}

/** Validate a document against a network known to be valid: the parsed document, or every issue. */
function checkDocument(
  input: unknown,
  network: Network | undefined,
): { data: DemandDocument; issues?: never } | { data?: never; issues: ValidationIssue[] } {
  const header = checkHeader(input, 'corridor-sim/demand', DEMAND_FORMAT_VERSION);
  if (header.length > 0) return { issues: header };
  // flows whose shape was validated before (a parsed demand's, e.g. a year's flows taken from it) are
  // not parsed again; the checks across flows and against the network still run on all
  const shape = parseByItemExceptKnown<DemandDocument>(
    demandDocumentSchema,
    ['segments', 'flows'],
    'flows',
    input,
    (flow) => isValidated(flow, 'demand-flow'),
    (flow) => {
      if (isDeepFrozen(flow)) markValidated(flow as object, 'demand-flow');
    },
  );
  if (!shape.data) return { issues: shape.issues };
  const issues = [...shape.issues, ...checkDemand(shape.data, network)];
  if (issues.length > 0) {
    return { issues: sortIssues(issues, ['format', 'version', 'segments', 'flows', 'operations']) };
  }
  return { data: shape.data };
}

function validateDemand(input: unknown, network?: Network): SafeParseResult<Demand> {
  if (network !== undefined) requireNetwork(network, MODULE, 'network');
  const shape = checkDocument(input, network);
  if (shape.issues) return { success: false, issues: shape.issues };
  // a private copy (never the caller's objects), deep-frozen so that the mark stays true
  const demand: Demand = deepFreeze({
    segments: (shape.data.segments ?? []).map((segment) => withoutUndefined(segment) as ShipperSegment),
    flows: shape.data.flows.map((flow) => withoutUndefined(flow) as DemandFlow),
  });
  for (const flow of demand.flows) markValidated(flow, 'demand-flow');
  markValidated(demand, 'demand', network);
  return { success: true, data: demand };
}

const [parseDemandImpl, safeParseDemandImpl] = parsePair('demand', validateDemand);

/**
 * Validate a demand document.
 *
 * @param input - a parsed JSON value
 * @param network - when given, origins, destinations, commodities and avoided links are checked against it
 * @returns the demand (a deep-frozen copy)
 * @throws ValidationError carrying every issue; InvalidArgumentError when `network` is given but is not
 *   a Network
 * @example parseDemand(JSON.parse(text), network)
 * @remarks Complexity O(size of the document).
 */
export function parseDemand(input: unknown, network?: Network): Demand {
  return parseDemandImpl(input, network);
}

/**
 * Validate a demand document without throwing.
 *
 * @param input - a parsed JSON value
 * @param network - optional network for reference checks
 * @returns `{ success: true, data }` (a deep-frozen copy) or `{ success: false, issues }`
 * @throws InvalidArgumentError when `network` is given but is not a Network (an argument error, not an
 *   issue of the document)
 * @example safeParseDemand(JSON.parse(text), network)
 * @remarks Complexity O(size of the document).
 */
export function safeParseDemand(input: unknown, network?: Network): SafeParseResult<Demand> {
  return safeParseDemandImpl(input, network);
}

/**
 * Write demand as a version-1 document.
 *
 * @param demand - the demand
 * @returns the document
 */
export function serializeDemand(demand: Demand): DemandDocument {
  requireDemandShape(demand);
  return structuredClone({
    format: 'corridor-sim/demand',
    version: 1,
    segments: demand.segments,
    flows: demand.flows,
  }) as DemandDocument;
}
