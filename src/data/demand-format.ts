/**
 * Demand documents
 * ================
 *
 * `parseDemand` / `safeParseDemand` validate a `corridor-sim/demand` document (version 1). Given the
 * network, they also check that origins, destinations, commodities and avoided links exist.
 */

import {
  DEMAND_FORMAT_VERSION,
  type Demand,
  type DemandFlow,
  requireDemandShape,
  type ShipperSegment,
} from '../model/demand.js';
import type { ValidationIssue } from '../model/errors.js';
import type { Network } from '../model/network.js';
import { parseByItem, parsePair, present, type SafeParseResult, sortIssues } from './issues.js';
import { checkHeader } from './network-format.js';
import { type DemandDocument, demandDocumentSchema } from './schema.js';
import { markValidated } from './validated.js';

/** Tolerance on the sum of segment shares. */
const SHARE_TOLERANCE = 1e-9;

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
    if (network) {
      segment.avoidLinks?.forEach((link, j) => {
        if (!network.graph.hasEdge(link)) {
          issues.push({
            code: 'unknown_link',
            path: ['segments', i, 'avoidLinks', j],
            message: `link ${JSON.stringify(link)} does not exist`,
          });
        }
      });
    }
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
    if (network) {
      for (const end of ['origin', 'destination'] as const) {
        if (!network.graph.hasNode(flow[end])) {
          issues.push({
            code: 'unknown_node',
            path: [...path, end],
            message: `node ${JSON.stringify(flow[end])} does not exist`,
          });
        }
      }
      if (!(flow.commodity in network.commodities)) {
        issues.push({
          code: 'unknown_commodity',
          path: [...path, 'commodity'],
          message: `commodity ${JSON.stringify(flow.commodity)} is not carried by the network`,
        });
      }
    }
  });
  return issues;
}

function validateDemand(input: unknown, network?: Network): SafeParseResult<Demand> {
  const header = checkHeader(input, 'corridor-sim/demand', DEMAND_FORMAT_VERSION);
  if (header.length > 0) return { success: false, issues: header };
  const shape = parseByItem<DemandDocument>(demandDocumentSchema, ['segments', 'flows'], input);
  if (!shape.data) return { success: false, issues: shape.issues };
  const issues = [...shape.issues, ...checkDemand(shape.data, network)];
  if (issues.length > 0)
    return {
      success: false,
      issues: sortIssues(issues, ['format', 'version', 'segments', 'flows', 'operations']),
    };
  const clean = <T extends object>(v: T): T =>
    Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as T;
  const demand: Demand = Object.freeze({
    segments: Object.freeze(
      (shape.data.segments ?? []).map((s) => Object.freeze(clean(s) as ShipperSegment)),
    ),
    flows: Object.freeze(shape.data.flows.map((f) => Object.freeze(clean(f) as DemandFlow))),
  });
  markValidated(demand);
  return { success: true, data: demand };
}

const [parseDemandImpl, safeParseDemandImpl] = parsePair('demand', validateDemand);

/**
 * Validate a demand document.
 *
 * @param input - a parsed JSON value
 * @param network - when given, origins, destinations, commodities and avoided links are checked against it
 * @returns the demand
 * @throws ValidationError carrying every issue
 */
export function parseDemand(input: unknown, network?: Network): Demand {
  return parseDemandImpl(input, network);
}

/**
 * Validate a demand document without throwing.
 *
 * @param input - a parsed JSON value
 * @param network - optional network for reference checks
 * @returns `{ success: true, data }` or `{ success: false, issues }`
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
