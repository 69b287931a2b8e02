/**
 * Scenario documents
 * ==================
 *
 * `parseScenario` / `safeParseScenario` validate a `corridor-sim/scenario` document (version 1): a
 * named list of `kind`-tagged operations (see src/model/scenario.ts). Given a network (and demand),
 * they also check that every link, node, corridor and flow the operations name exists.
 */

import { z } from 'zod';
import type { Demand } from '../model/demand.js';
import type { ValidationIssue } from '../model/errors.js';
import type { Network } from '../model/network.js';
import { SCENARIO_FORMAT_VERSION, type Scenario, type Selector } from '../model/scenario.js';
import { parseByItem, parsePair, present, type SafeParseResult, sortIssues } from './issues.js';
import { checkHeader } from './network-format.js';
import {
  countryCode,
  isIsoDate,
  isoDate,
  linkSchema,
  MODE_SCHEMA,
  nodeSchema,
  nonNegative,
  provenanceMapSchema,
} from './schema.js';
import { markValidated } from './validated.js';

const id = z.string().min(1);

const selectorSchema = z.strictObject({
  commodities: z.array(id).optional(),
  modes: z.array(MODE_SCHEMA).optional(),
  corridors: z.array(id).optional(),
  countries: z.array(countryCode).optional(),
  links: z.array(id).optional(),
  nodes: z.array(id).optional(),
});

const base = {
  from: isoDate.optional(),
  until: isoDate.optional(),
  note: z.string().optional(),
  provenance: provenanceMapSchema.optional(),
};

const share = z.number().min(0).max(1);

/** Schema of one scenario operation. */
export const scenarioOpSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('close-links'), target: selectorSchema, ...base }),
  z.strictObject({ kind: z.literal('close-nodes'), nodes: z.array(id).min(1), ...base }),
  z.strictObject({
    kind: z.literal('close-country'),
    country: countryCode,
    scope: selectorSchema.optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('close-border'),
    countries: z.tuple([countryCode, countryCode]),
    scope: selectorSchema.optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('scale-capacity'),
    target: selectorSchema,
    factor: nonNegative,
    includeNodes: z.boolean().optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('set-capacity'),
    target: selectorSchema,
    capacityPerYear: nonNegative,
    nodeHandling: z.boolean().optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('add-link'),
    link: z.union([linkSchema, z.strictObject({ id })]),
    nodes: z.array(nodeSchema).optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('surcharge'),
    target: selectorSchema,
    costUsdPerUnit: z.number().optional(),
    transitDays: z.number().optional(),
    segments: z.array(id).optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('avoid-country'),
    country: countryCode,
    share,
    commodities: z.array(id).optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('demand-growth'),
    factor: nonNegative.optional(),
    annualRate: z.number().gt(-1).optional(),
    baseYear: z.number().int().optional(),
    commodities: z.array(id).optional(),
    origins: z.array(id).optional(),
    destinations: z.array(id).optional(),
    ...base,
  }),
  z.strictObject({
    kind: z.literal('demand-level'),
    flows: z.array(id).min(1),
    volumePerYear: nonNegative,
    ...base,
  }),
]);

/** Schema of a scenario document. */
export const scenarioDocumentSchema = z.strictObject({
  format: z.literal('corridor-sim/scenario'),
  version: z.literal(1),
  id,
  name: z.string(),
  description: z.string().optional(),
  operations: z.array(scenarioOpSchema),
});

/** The TypeScript type of a scenario document. */
export type ScenarioDocument = z.infer<typeof scenarioDocumentSchema>;

function checkSelector(
  selector: Selector | undefined,
  path: (string | number)[],
  network: Network,
  issues: ValidationIssue[],
): void {
  if (!selector) return;
  const corridorIds = new Set(network.corridors.map((c) => c.id));
  selector.links?.forEach((link, i) => {
    if (!network.graph.hasEdge(link)) {
      issues.push({
        code: 'unknown_link',
        path: [...path, 'links', i],
        message: `link ${JSON.stringify(link)} does not exist`,
      });
    }
  });
  selector.nodes?.forEach((node, i) => {
    if (!network.graph.hasNode(node)) {
      issues.push({
        code: 'unknown_node',
        path: [...path, 'nodes', i],
        message: `node ${JSON.stringify(node)} does not exist`,
      });
    }
  });
  selector.corridors?.forEach((corridor, i) => {
    if (!corridorIds.has(corridor)) {
      issues.push({
        code: 'unknown_corridor',
        path: [...path, 'corridors', i],
        message: `corridor ${JSON.stringify(corridor)} does not exist`,
      });
    }
  });
  selector.commodities?.forEach((commodity, i) => {
    if (!(commodity in network.commodities)) {
      issues.push({
        code: 'unknown_commodity',
        path: [...path, 'commodities', i],
        message: `commodity ${JSON.stringify(commodity)} is not carried by the network`,
      });
    }
  });
}

function checkScenario(doc: ScenarioDocument, network?: Network, demand?: Demand): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const added = new Set<string>();
  const addedNodes = new Set<string>();
  present(doc.operations).forEach(([op, i]) => {
    const path: (string | number)[] = ['operations', i];
    if (op.from && op.until && isIsoDate(op.from) && isIsoDate(op.until) && op.until <= op.from) {
      issues.push({
        code: 'bad_date',
        path: [...path, 'until'],
        message: `until ${JSON.stringify(op.until)} must be after from ${JSON.stringify(op.from)}`,
      });
    }
    if (op.kind === 'demand-growth') {
      if (op.factor === undefined && op.annualRate === undefined) {
        issues.push({ code: 'missing', path, message: 'demand-growth needs factor or annualRate' });
      }
      if (op.annualRate !== undefined && op.baseYear === undefined) {
        issues.push({ code: 'missing', path: [...path, 'baseYear'], message: 'annualRate needs baseYear' });
      }
    }
    if (op.kind === 'surcharge' && op.costUsdPerUnit === undefined && op.transitDays === undefined) {
      issues.push({ code: 'missing', path, message: 'surcharge needs costUsdPerUnit or transitDays' });
    }
    if (op.kind === 'add-link') {
      for (const node of op.nodes ?? []) addedNodes.add(node.id);
      if ('from' in op.link) added.add(op.link.id);
    }
    if (!network) return;
    switch (op.kind) {
      case 'close-links':
      case 'scale-capacity':
      case 'set-capacity':
      case 'surcharge':
        checkSelector(op.target as Selector, [...path, 'target'], network, issues);
        break;
      case 'close-country':
      case 'close-border':
        checkSelector(op.scope as Selector | undefined, [...path, 'scope'], network, issues);
        break;
      case 'close-nodes':
        op.nodes.forEach((node, j) => {
          if (!network.graph.hasNode(node) && !addedNodes.has(node)) {
            issues.push({
              code: 'unknown_node',
              path: [...path, 'nodes', j],
              message: `node ${JSON.stringify(node)} does not exist`,
            });
          }
        });
        break;
      case 'add-link': {
        const link = op.link;
        if ('from' in link) {
          for (const end of ['from', 'to'] as const) {
            if (!network.graph.hasNode(link[end]) && !addedNodes.has(link[end])) {
              issues.push({
                code: 'unknown_node',
                path: [...path, 'link', end],
                message: `node ${JSON.stringify(link[end])} does not exist (add it in nodes)`,
              });
            }
          }
        } else if (!network.graph.hasEdge(link.id)) {
          issues.push({
            code: 'unknown_link',
            path: [...path, 'link', 'id'],
            message: `link ${JSON.stringify(link.id)} does not exist; give a full link to add a new one`,
          });
        }
        break;
      }
      case 'demand-level':
        if (demand) {
          const flows = new Set(demand.flows.map((f) => f.id));
          op.flows.forEach((flow, j) => {
            if (!flows.has(flow)) {
              issues.push({
                code: 'invalid_value',
                path: [...path, 'flows', j],
                message: `flow ${JSON.stringify(flow)} does not exist in the demand`,
              });
            }
          });
        }
        break;
      default:
        break;
    }
    if (op.kind === 'surcharge' && op.segments && demand) {
      const segments = new Set(demand.segments.map((s) => s.id));
      op.segments.forEach((segment, j) => {
        if (!segments.has(segment)) {
          issues.push({
            code: 'unknown_segment',
            path: [...path, 'segments', j],
            message: `segment ${JSON.stringify(segment)} does not exist in the demand`,
          });
        }
      });
    }
  });
  return issues;
}

function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clean(v);
    return out as T;
  }
  return value;
}

function validateScenario(input: unknown, network?: Network, demand?: Demand): SafeParseResult<Scenario> {
  const header = checkHeader(input, 'corridor-sim/scenario', SCENARIO_FORMAT_VERSION);
  if (header.length > 0) return { success: false, issues: header };
  const shape = parseByItem<ScenarioDocument>(scenarioDocumentSchema, ['operations'], input);
  if (!shape.data) return { success: false, issues: shape.issues };
  const issues = [...shape.issues, ...checkScenario(shape.data, network, demand)];
  if (issues.length > 0)
    return {
      success: false,
      issues: sortIssues(issues, ['format', 'version', 'segments', 'flows', 'operations']),
    };
  const { format: _format, version: _version, ...rest } = clean(shape.data);
  return { success: true, data: markValidated(Object.freeze(rest) as unknown as Scenario) };
}

const [parseScenarioImpl, safeParseScenarioImpl] = parsePair('scenario', validateScenario);

/**
 * Validate a scenario document.
 *
 * @param input - a parsed JSON value
 * @param network - when given, named links, nodes, corridors and commodities are checked against it
 * @param demand - when given, named flows and segments are checked against it
 * @returns the scenario
 * @throws ValidationError carrying every issue with its JSON path
 */
export function parseScenario(input: unknown, network?: Network, demand?: Demand): Scenario {
  return parseScenarioImpl(input, network, demand);
}

/**
 * Validate a scenario document without throwing.
 *
 * @param input - a parsed JSON value
 * @param network - optional network for reference checks
 * @param demand - optional demand for reference checks
 * @returns `{ success: true, data }` or `{ success: false, issues }`
 */
export function safeParseScenario(
  input: unknown,
  network?: Network,
  demand?: Demand,
): SafeParseResult<Scenario> {
  return safeParseScenarioImpl(input, network, demand);
}

/**
 * Write a scenario as a version-1 document.
 *
 * @param scenario - the scenario
 * @returns the document
 */
export function serializeScenario(scenario: Scenario): ScenarioDocument {
  return structuredClone({ format: 'corridor-sim/scenario', version: 1, ...scenario }) as ScenarioDocument;
}
