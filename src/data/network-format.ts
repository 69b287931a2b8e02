/**
 * Network documents
 * =================
 *
 * `parseNetwork` / `safeParseNetwork` validate a `corridor-sim/network` JSON document (version 1) and
 * build a {@link Network}; `serializeNetwork` writes one back. Validation collects every issue with
 * its JSON path: shape and value errors from the zod schema, then cross-references (duplicate ids,
 * unknown nodes and commodities, planned links without opening date, gauge mismatches, corridors
 * naming missing links or broken waypoint chains).
 *
 * Round trip: `parseNetwork(serializeNetwork(n))` equals `n`, and `serializeNetwork` is a fixed point
 * after one parse.
 */

import type { Corridor } from '../model/corridor.js';
import type { JsonPath, ValidationIssue } from '../model/errors.js';
import {
  createNetwork,
  DEFAULT_COMMODITIES,
  type LinkAttributes,
  listLinks,
  listNodes,
  NETWORK_FORMAT_VERSION,
  type Network,
  type NetworkMeta,
  type NodeAttributes,
  requireNetwork,
  type VolumeDelay,
} from '../model/network.js';
import {
  describeValue,
  parseByItem,
  parsePair,
  present,
  type SafeParseResult,
  sortIssues,
} from './issues.js';
import { type NetworkDocument, networkDocumentSchema } from './schema.js';

function checkHeader(input: unknown, format: string, version: number): ValidationIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [
      {
        code: 'invalid_type',
        path: [],
        message: `document must be a JSON object, got ${describeValue(input)}`,
      },
    ];
  }
  const doc = input as { format?: unknown; version?: unknown };
  if (doc.format !== format) {
    return [
      {
        code: 'invalid_value',
        path: ['format'],
        message: `format must be ${JSON.stringify(format)}, got ${describeValue(doc.format)}`,
      },
    ];
  }
  if (doc.version !== version) {
    return [
      {
        code: 'unsupported_version',
        path: ['version'],
        message: `version ${describeValue(doc.version)} is not supported (this library reads version ${version})`,
      },
    ];
  }
  return [];
}

/** @internal shared with the demand format: checks `format` and `version` before the schema. */
export { checkHeader };

function checkProvenance(
  provenance: Readonly<Record<string, { low?: number | undefined; high?: number | undefined }>> | undefined,
  path: JsonPath,
  issues: ValidationIssue[],
) {
  if (!provenance) return;
  for (const [field, p] of Object.entries(provenance)) {
    if (p.low !== undefined && p.high !== undefined && p.low > p.high) {
      issues.push({
        code: 'out_of_range',
        path: [...path, 'provenance', field, 'low'],
        message: `low ${p.low} is above high ${p.high}`,
      });
    }
  }
}

/** Report duplicate ids among the raw items (failed items included); returns the ids seen. */
function duplicates(raw: unknown, key: string, issues: ValidationIssue[]): Set<string> {
  const seen = new Set<string>();
  const items = Array.isArray(raw) ? (raw as unknown[]) : [];
  items.forEach((element, i) => {
    const item = element as { id?: unknown } | null;
    if (typeof item?.id !== 'string') return;
    if (seen.has(item.id)) {
      issues.push({
        code: 'duplicate_id',
        path: [key, i, 'id'],
        message: `duplicate ${key.slice(0, -1)} id ${JSON.stringify(item.id)}`,
      });
    }
    seen.add(item.id);
  });
  return seen;
}

function checkReferences(
  doc: NetworkDocument,
  raw: Record<string, unknown>,
  failed: ReadonlyMap<string, ReadonlySet<string>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const failedNodes = failed.get('nodes') ?? new Set<string>();
  const failedLinks = failed.get('links') ?? new Set<string>();
  const commodities = doc.commodities ?? DEFAULT_COMMODITIES;
  duplicates(raw.nodes, 'nodes', issues);
  duplicates(raw.links, 'links', issues);
  duplicates(raw.corridors, 'corridors', issues);
  const nodeIds = new Set(present(doc.nodes).map(([n]) => n.id));
  const nodes = new Map(present(doc.nodes).map(([n]) => [n.id, n]));

  present(doc.nodes).forEach(([node, i]) => {
    for (const commodity of Object.keys(node.handling ?? {})) {
      if (!Object.hasOwn(commodities, commodity)) {
        issues.push({
          code: 'unknown_commodity',
          path: ['nodes', i, 'handling', commodity],
          message: `commodity ${JSON.stringify(commodity)} is not declared in commodities`,
        });
      }
    }
    checkProvenance(node.provenance, ['nodes', i], issues);
  });

  const adjacency = new Map<string, Map<string, string[]>>(); // commodity -> from -> [to]
  const linkById = new Map<string, NetworkDocument['links'][number]>();
  present(doc.links).forEach(([link, i]) => {
    linkById.set(link.id, link);
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    if (!nodeIds.has(link.from) && !failedNodes.has(link.from)) {
      issues.push({
        code: 'unknown_node',
        path: ['links', i, 'from'],
        message: `node ${JSON.stringify(link.from)} does not exist`,
      });
    }
    if (!nodeIds.has(link.to) && !failedNodes.has(link.to)) {
      issues.push({
        code: 'unknown_node',
        path: ['links', i, 'to'],
        message: `node ${JSON.stringify(link.to)} does not exist`,
      });
    }
    if (link.from === link.to) {
      issues.push({
        code: 'self_loop',
        path: ['links', i, 'to'],
        message: `link ${JSON.stringify(link.id)} starts and ends at ${JSON.stringify(link.to)}`,
      });
    }
    if (!Object.hasOwn(commodities, link.commodity)) {
      issues.push({
        code: 'unknown_commodity',
        path: ['links', i, 'commodity'],
        message: `commodity ${JSON.stringify(link.commodity)} is not declared in commodities`,
      });
    }
    if (link.status === 'planned' && link.opens === undefined) {
      issues.push({
        code: 'missing',
        path: ['links', i, 'opens'],
        message: `planned link ${JSON.stringify(link.id)} needs an opening date`,
      });
    }
    for (const [end, node] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (node && !link.countries.includes(node.country)) {
        issues.push({
          code: 'invalid_value',
          path: ['links', i, 'countries'],
          message: `countries ${describeValue(link.countries)} must include ${node.country}, the country of its ${end} node ${JSON.stringify(node.id)}`,
        });
      }
    }
    if (
      link.mode === 'rail' &&
      from?.gaugesMm &&
      to?.gaugesMm &&
      !from.gaugesMm.some((g) => to.gaugesMm?.includes(g))
    ) {
      issues.push({
        code: 'gauge_mismatch',
        path: ['links', i],
        message: `rail link ${JSON.stringify(link.id)} joins gauges ${describeValue(from.gaugesMm)} and ${describeValue(to.gaugesMm)} with no common gauge; add a gauge-change node`,
      });
    }
    checkProvenance(link.provenance, ['links', i], issues);
    let byFrom = adjacency.get(link.commodity);
    if (!byFrom) {
      byFrom = new Map();
      adjacency.set(link.commodity, byFrom);
    }
    const list = byFrom.get(link.from);
    if (list) list.push(link.to);
    else byFrom.set(link.from, [link.to]);
  });

  const reachable = (commodity: string, source: string, target: string): boolean => {
    const byFrom = adjacency.get(commodity);
    if (!byFrom) return false;
    const seen = new Set([source]);
    const stack = [source];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === target) return true;
      for (const next of byFrom.get(node) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  };

  present(doc.corridors).forEach(([corridor, i]) => {
    const path = ['corridors', i];
    if (!Object.hasOwn(commodities, corridor.commodity)) {
      issues.push({
        code: 'unknown_commodity',
        path: [...path, 'commodity'],
        message: `commodity ${JSON.stringify(corridor.commodity)} is not declared in commodities`,
      });
    }
    if ((corridor.waypoints?.length ?? 0) === 0 && (corridor.links?.length ?? 0) === 0) {
      issues.push({
        code: 'missing',
        path,
        message: `corridor ${JSON.stringify(corridor.id)} needs waypoints or links`,
      });
    }
    let chainOk = true;
    corridor.waypoints?.forEach((node, j) => {
      if (!nodeIds.has(node)) {
        chainOk = false;
        if (failedNodes.has(node)) return;
        issues.push({
          code: 'unknown_node',
          path: [...path, 'waypoints', j],
          message: `node ${JSON.stringify(node)} does not exist`,
        });
      }
    });
    corridor.links?.forEach((linkId, j) => {
      const link = linkById.get(linkId);
      if (!link) {
        if (failedLinks.has(linkId)) return; // already reported where the link itself is invalid
        issues.push({
          code: 'unknown_link',
          path: [...path, 'links', j],
          message: `link ${JSON.stringify(linkId)} does not exist`,
        });
      } else if (link.commodity !== corridor.commodity) {
        issues.push({
          code: 'invalid_value',
          path: [...path, 'links', j],
          message: `link ${JSON.stringify(linkId)} carries ${link.commodity}, not the corridor's ${corridor.commodity}`,
        });
      }
    });
    const waypoints = corridor.waypoints ?? [];
    if (chainOk) {
      for (let j = 1; j < waypoints.length; j++) {
        if (!reachable(corridor.commodity, waypoints[j - 1]!, waypoints[j]!)) {
          issues.push({
            code: 'broken_chain',
            path: [...path, 'waypoints', j],
            message: `no ${corridor.commodity} route from waypoint ${JSON.stringify(waypoints[j - 1])} to ${JSON.stringify(waypoints[j])}`,
          });
        }
      }
    }
  });
  return issues;
}

function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

const DOCUMENT_KEYS = [
  'format',
  'version',
  'meta',
  'commodities',
  'defaultVdf',
  'nodes',
  'links',
  'corridors',
];

function validateNetwork(input: unknown): SafeParseResult<Network> {
  const header = checkHeader(input, 'corridor-sim/network', NETWORK_FORMAT_VERSION);
  if (header.length > 0) return { success: false, issues: header };
  const shape = parseByItem<NetworkDocument>(networkDocumentSchema, ['nodes', 'links', 'corridors'], input);
  if (!shape.data) return { success: false, issues: shape.issues };
  const doc = shape.data;
  const issues = [
    ...shape.issues,
    ...checkReferences(doc, input as Record<string, unknown>, shape.failedIds),
  ];
  if (issues.length > 0) return { success: false, issues: sortIssues(issues, DOCUMENT_KEYS) };
  const nodes = doc.nodes.map((n) => stripUndefined(n) as NodeAttributes);
  const links = doc.links.map(
    (l) => stripUndefined({ ...l, status: l.status ?? 'active' }) as LinkAttributes,
  );
  const corridors = (doc.corridors ?? []).map((c) => stripUndefined(c) as Corridor);
  return {
    success: true,
    data: createNetwork({
      meta: stripUndefined(doc.meta) as NetworkMeta,
      ...(doc.commodities ? { commodities: doc.commodities } : {}),
      ...(doc.defaultVdf ? { defaultVdf: stripUndefined(doc.defaultVdf) as VolumeDelay } : {}),
      nodes,
      links,
      corridors,
    }),
  };
}

const [parseNetworkImpl, safeParseNetworkImpl] = parsePair('network', validateNetwork);

/**
 * Validate a network document and build the network.
 *
 * @param input - a parsed JSON value (`JSON.parse(text)`)
 * @returns the network
 * @throws ValidationError carrying every issue (code, JSON path, message)
 * @example const net = parseNetwork(JSON.parse(text));
 * @remarks Complexity O(N + L + corridors × (N + L)) for the chain checks.
 */
export function parseNetwork(input: unknown): Network {
  return parseNetworkImpl(input);
}

/**
 * Validate a network document without throwing.
 *
 * @param input - a parsed JSON value
 * @returns `{ success: true, data }` or `{ success: false, issues }`
 */
export function safeParseNetwork(input: unknown): SafeParseResult<Network> {
  return safeParseNetworkImpl(input);
}

/**
 * Write a network as a version-1 document (plain JSON-ready object).
 *
 * @param network - the network
 * @returns the document; `JSON.stringify` it to save
 */
export function serializeNetwork(network: Network): NetworkDocument {
  requireNetwork(network, 'corridor-sim/data', 'network');
  const doc = {
    format: 'corridor-sim/network' as const,
    version: 1 as const,
    meta: structuredClone(network.meta),
    commodities: structuredClone(network.commodities),
    defaultVdf: structuredClone(network.defaultVdf),
    nodes: listNodes(network).map((n) => structuredClone(n)),
    links: listLinks(network).map((l) => structuredClone(l)),
    corridors: network.corridors.map((c) => structuredClone(c)),
  };
  return doc as unknown as NetworkDocument;
}
