/**
 * Scenario documents
 * ==================
 *
 * `parseScenario` / `safeParseScenario` validate a `corridor-sim/scenario` document (version 1): a
 * named list of `kind`-tagged operations (see src/model/scenario.ts). Given a network (and demand),
 * they also check that every link, node, corridor, commodity, flow and segment the operations name
 * exists. The scenario they return is a deep-frozen copy, remembered as validated against that network
 * and demand (src/data/validated.ts): used with another network or demand, its references are checked
 * again.
 */

import { z } from 'zod';
import type { Demand } from '../model/demand.js';
import type { ValidationIssue } from '../model/errors.js';
import { deepFreeze } from '../model/freeze.js';
import { type Network, requireNetwork } from '../model/network.js';
import { SCENARIO_FORMAT_VERSION, type Scenario, type ScenarioOp, type Selector } from '../model/scenario.js';
import { requireValidDemand } from './demand-format.js';
import {
  type ItemwiseParse,
  parseByItemExceptKnown,
  parsePair,
  present,
  type SafeParseResult,
  sortIssues,
} from './issues.js';
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
  withoutUndefined,
} from './schema.js';
import { isDeepFrozen, isValidated, markValidated } from './validated.js';

const MODULE = 'corridor-sim/data';

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

/** Links and nodes that earlier `add-link` operations of the scenario add. */
interface Added {
  readonly links: Set<string>;
  readonly nodes: Set<string>;
}

function checkSelector(
  selector: Selector | undefined,
  path: (string | number)[],
  network: Network,
  corridorIds: ReadonlySet<string>,
  issues: ValidationIssue[],
  added?: Added,
): void {
  if (!selector) return;
  selector.links?.forEach((link, i) => {
    if (!network.graph.hasEdge(link) && !added?.links.has(link)) {
      issues.push({
        code: 'unknown_link',
        path: [...path, 'links', i],
        message: `link ${JSON.stringify(link)} does not exist`,
      });
    }
  });
  checkNodes(selector.nodes, [...path, 'nodes'], network, issues, added?.nodes);
  selector.corridors?.forEach((corridor, i) => {
    if (!corridorIds.has(corridor)) {
      issues.push({
        code: 'unknown_corridor',
        path: [...path, 'corridors', i],
        message: `corridor ${JSON.stringify(corridor)} does not exist`,
      });
    }
  });
  checkCommodities(selector.commodities, [...path, 'commodities'], network, issues);
}

function checkNodes(
  nodes: readonly string[] | undefined,
  path: (string | number)[],
  network: Network,
  issues: ValidationIssue[],
  addedNodes?: ReadonlySet<string>,
): void {
  nodes?.forEach((node, i) => {
    if (!network.graph.hasNode(node) && !addedNodes?.has(node)) {
      issues.push({
        code: 'unknown_node',
        path: [...path, i],
        message: `node ${JSON.stringify(node)} does not exist`,
      });
    }
  });
}

function checkCommodities(
  commodities: readonly string[] | undefined,
  path: (string | number)[],
  network: Network,
  issues: ValidationIssue[],
): void {
  commodities?.forEach((commodity, i) => {
    if (!Object.hasOwn(network.commodities, commodity)) {
      issues.push({
        code: 'unknown_commodity',
        path: [...path, i],
        message: `commodity ${JSON.stringify(commodity)} is not carried by the network`,
      });
    }
  });
}

/** The selector keys `set-capacity` with `nodeHandling` ignores (it applies to `target.nodes`). */
const NOT_FOR_NODE_HANDLING = ['links', 'corridors', 'countries', 'modes'] as const;

/** Checks that need neither network nor demand: dates, required fields, combinations. */
function checkShape(ops: readonly (ScenarioOp | null)[], issues: ValidationIssue[]): void {
  present(ops).forEach(([op, i]) => {
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
    if (op.kind === 'set-capacity' && op.nodeHandling === true) {
      if (op.target.nodes === undefined || op.target.nodes.length === 0) {
        issues.push({
          code: 'missing',
          path: [...path, 'target', 'nodes'],
          message:
            'set-capacity with nodeHandling needs target.nodes (the nodes whose handling capacity it sets)',
        });
      }
      for (const key of NOT_FOR_NODE_HANDLING) {
        if (op.target[key] !== undefined) {
          issues.push({
            code: 'invalid_value',
            path: [...path, 'target', key],
            message: `target.${key} does not apply with nodeHandling (it sets the handling of target.nodes, for target.commodities)`,
          });
        }
      }
    }
  });
}

/** References to the network: links, nodes, corridors and commodities. */
function checkNetworkReferences(
  ops: readonly (ScenarioOp | null)[],
  network: Network,
  issues: ValidationIssue[],
): void {
  const corridorIds = new Set(network.corridors.map((c) => c.id));
  // an operation may name what an earlier add-link adds (a new crossing, then a surcharge on it)
  const added: Added = { links: new Set(), nodes: new Set() };
  const addedNodes = added.nodes;
  present(ops).forEach(([op, i]) => {
    const path: (string | number)[] = ['operations', i];
    switch (op.kind) {
      case 'close-links':
      case 'scale-capacity':
      case 'set-capacity':
      case 'surcharge':
        checkSelector(op.target, [...path, 'target'], network, corridorIds, issues, added);
        break;
      case 'close-country':
      case 'close-border':
        checkSelector(op.scope, [...path, 'scope'], network, corridorIds, issues, added);
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
        for (const node of op.nodes ?? []) addedNodes.add(node.id);
        const link = op.link;
        if ('from' in link) {
          if (network.graph.hasEdge(link.id) || added.links.has(link.id)) {
            issues.push({
              code: 'duplicate_id',
              path: [...path, 'link', 'id'],
              message: `link ${JSON.stringify(link.id)} exists already: give only its id to open a planned link, or change it with set-capacity or surcharge`,
            });
          }
          added.links.add(link.id);
          for (const end of ['from', 'to'] as const) {
            if (!network.graph.hasNode(link[end]) && !addedNodes.has(link[end])) {
              issues.push({
                code: 'unknown_node',
                path: [...path, 'link', end],
                message: `node ${JSON.stringify(link[end])} does not exist (add it in nodes)`,
              });
            }
          }
        } else if (!network.graph.hasEdge(link.id) && !added.links.has(link.id)) {
          issues.push({
            code: 'unknown_link',
            path: [...path, 'link', 'id'],
            message: `link ${JSON.stringify(link.id)} does not exist; give a full link to add a new one`,
          });
        }
        break;
      }
      case 'avoid-country':
        checkCommodities(op.commodities, [...path, 'commodities'], network, issues);
        break;
      case 'demand-growth':
        // flows start and end at nodes of the network (parseDemand checks it), never at added ones
        checkCommodities(op.commodities, [...path, 'commodities'], network, issues);
        checkNodes(op.origins, [...path, 'origins'], network, issues);
        checkNodes(op.destinations, [...path, 'destinations'], network, issues);
        break;
      default:
        break;
    }
  });
}

/** References to the demand: flows (demand-level) and segments (surcharge). */
/**
 * Whether an operation names parts of the demand (flows or segments): only those are checked against
 * a demand, so a scenario without any fits every demand.
 *
 * @param op - a scenario operation
 * @returns true for `demand-level` and for a `surcharge` scoped to segments
 */
export function namesDemandParts(op: ScenarioOp): boolean {
  return op.kind === 'demand-level' || (op.kind === 'surcharge' && op.segments !== undefined);
}

function checkDemandReferences(
  ops: readonly (ScenarioOp | null)[],
  demand: Demand,
  issues: ValidationIssue[],
): void {
  let flows: Set<string> | undefined;
  let segments: Set<string> | undefined;
  present(ops).forEach(([op, i]) => {
    if (!namesDemandParts(op)) return;
    const path: (string | number)[] = ['operations', i];
    if (op.kind === 'demand-level') {
      flows ??= new Set(demand.flows.map((f) => f.id));
      const known = flows;
      op.flows.forEach((flow, j) => {
        if (!known.has(flow)) {
          issues.push({
            code: 'invalid_value',
            path: [...path, 'flows', j],
            message: `flow ${JSON.stringify(flow)} does not exist in the demand`,
          });
        }
      });
    }
    if (op.kind === 'surcharge' && op.segments) {
      segments ??= new Set(demand.segments.map((s) => s.id));
      const known = segments;
      op.segments.forEach((segment, j) => {
        if (!known.has(segment)) {
          issues.push({
            code: 'unknown_segment',
            path: [...path, 'segments', j],
            message: `segment ${JSON.stringify(segment)} does not exist in the demand`,
          });
        }
      });
    }
  });
}

const KEY_ORDER = ['format', 'version', 'segments', 'flows', 'operations'];

/**
 * The references of an already validated scenario that `network` or `demand` lack, with their JSON
 * paths: links, nodes, corridors and commodities against `network`; flows and segments against
 * `demand`. For scenarios whose shape is known to be valid (marked by `markValidated`) but whose
 * references were checked against another network or demand, or none.
 *
 * @param scenario - a scenario whose shape is valid
 * @param network - check the network references against it (skipped when undefined)
 * @param demand - check the flow and segment references against it (skipped when undefined)
 * @returns the issues, sorted by path (empty when every reference resolves)
 * @example scenarioReferenceIssues(loadScenario('cpc-closure'), loadDataset('sample').network, undefined)
 * @remarks Complexity O(operations × selector size + flows); O(operations) when the scenario names no
 *   flow or segment and only `demand` is given.
 */
export function scenarioReferenceIssues(
  scenario: Scenario,
  network: Network | undefined,
  demand: Demand | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (network) checkNetworkReferences(scenario.operations, network, issues);
  if (demand) checkDemandReferences(scenario.operations, demand, issues);
  return sortIssues(issues, KEY_ORDER);
}

/** Validate a document against a network and demand known to be valid: the parsed document, or every issue. */
function checkDocument(
  input: unknown,
  network: Network | undefined,
  demand: Demand | undefined,
): { data: ScenarioDocument; issues?: never } | { data?: never; issues: ValidationIssue[] } {
  const header = checkHeader(input, 'corridor-sim/scenario', SCENARIO_FORMAT_VERSION);
  if (header.length > 0) return { issues: header };
  const shape = parseDocument(input);
  if (!shape.data) return { issues: shape.issues };
  const ops = shape.data.operations as readonly (ScenarioOp | null)[];
  const issues = [...shape.issues];
  checkShape(ops, issues);
  if (network) checkNetworkReferences(ops, network, issues);
  if (demand) checkDemandReferences(ops, demand, issues);
  if (issues.length > 0) return { issues: sortIssues(issues, KEY_ORDER) };
  return { data: shape.data };
}

/**
 * The document parsed item by item (`parseByItem`), except that operations whose shape was validated
 * before are taken as they are: a scenario built in code from a loaded scenario's operations plus a
 * few of its own parses only its own. Operations that pass and are deep-frozen (they cannot change)
 * are remembered. The checks that need the whole list (dates, references, what earlier `add-link`
 * operations add) still run on every operation, in `checkDocument`.
 */
function parseDocument(input: unknown): ItemwiseParse<ScenarioDocument> {
  return parseByItemExceptKnown<ScenarioDocument>(
    scenarioDocumentSchema,
    ['operations'],
    'operations',
    input,
    (op) => isValidated(op, 'scenario-operation'),
    (op) => {
      if (isDeepFrozen(op)) markValidated(op as object, 'scenario-operation');
    },
  );
}

/**
 * The issues of a scenario given as a document, for callers that checked `network` and `demand`
 * themselves (src/data/guards.ts): the checks of {@link safeParseScenario}, without the argument checks
 * and without building the parsed copy.
 *
 * @param input - a parsed JSON value
 * @param network - a Network, for reference checks
 * @param demand - a validated Demand, for flow and segment checks
 * @returns every issue, sorted by path (empty when the document is valid)
 * @example scenarioDocumentIssues({ format: 'corridor-sim/scenario', version: 1, ...scenario }, network, demand)
 * @remarks Complexity O(size of the document + flows of the demand).
 */
export function scenarioDocumentIssues(
  input: unknown,
  network: Network | undefined,
  demand: Demand | undefined,
): ValidationIssue[] {
  return checkDocument(input, network, demand).issues ?? [];
}

function validateScenario(input: unknown, network?: Network, demand?: Demand): SafeParseResult<Scenario> {
  if (network !== undefined) requireNetwork(network, MODULE, 'network');
  if (demand !== undefined) requireValidDemand(demand, network, MODULE, 'demand');
  const checked = checkDocument(input, network, demand);
  if (checked.issues) return { success: false, issues: checked.issues };
  const { format: _format, version: _version, ...rest } = withoutUndefined(checked.data);
  // a private copy (clean copies every object), deep-frozen so that the mark stays true
  const scenario = deepFreeze(rest as unknown as Scenario);
  for (const op of scenario.operations) markValidated(op, 'scenario-operation');
  return { success: true, data: markValidated(scenario, 'scenario', network, demand) };
}

const [parseScenarioImpl, safeParseScenarioImpl] = parsePair('scenario', validateScenario);

/**
 * Validate a scenario document.
 *
 * @param input - a parsed JSON value
 * @param network - when given, named links, nodes, corridors and commodities are checked against it
 * @param demand - when given, named flows and segments are checked against it
 * @returns the scenario (a deep-frozen copy)
 * @throws ValidationError carrying every issue with its JSON path (or, argument `demand`, the issues of
 *   a demand that is not valid); InvalidArgumentError when `network` is given but is not a Network, or
 *   `demand` is given but is not a Demand
 * @example parseScenario(JSON.parse(text), network, demand)
 * @remarks Complexity O(size of the document + flows of the demand).
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
 * @returns `{ success: true, data }` (a deep-frozen copy) or `{ success: false, issues }`
 * @throws InvalidArgumentError when `network` is given but is not a Network, or `demand` is given but is
 *   not a Demand; ValidationError (argument `demand`) when `demand` is not valid: arguments are not
 *   issues of the document
 * @example safeParseScenario(JSON.parse(text), network, demand)
 * @remarks Complexity O(size of the document + flows of the demand).
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
