/**
 * Network summary
 * ===============
 *
 * Counts and totals that describe a network at a glance (the `info` command). Pure.
 */

import { requireFields } from '../model/errors.js';
import { listLinks, listNodes, type Network, requireNetwork } from '../model/network.js';
import { formatTable } from './table.js';

/** What {@link summarizeNetwork} returns. */
export interface NetworkSummary {
  readonly name: string;
  readonly description?: string;
  readonly nodeCount: number;
  readonly linkCount: number;
  /** Links and total length per mode. */
  readonly modes: readonly { mode: string; links: number; km: number }[];
  /** Links per commodity. */
  readonly commodities: readonly { id: string; unit: string; links: number }[];
  /** Countries with their node counts, by count. */
  readonly countries: readonly { country: string; nodes: number }[];
  /** Node kinds with counts. */
  readonly nodeKinds: readonly { kind: string; nodes: number }[];
  /** Planned links with their opening dates. */
  readonly planned: readonly { id: string; opens: string }[];
  /** Corridors. */
  readonly corridors: readonly { id: string; name: string; commodity: string }[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
}

/**
 * Summarize a network.
 *
 * @param network - the network
 * @returns counts by mode, commodity, country, kind; planned links; corridors
 */
export function summarizeNetwork(network: Network): NetworkSummary {
  requireNetwork(network, 'corridor-sim/report', 'network');
  const nodes = listNodes(network);
  const links = listLinks(network);
  const modeLinks = countBy(links, (l) => l.mode);
  const modeKm = new Map<string, number>();
  for (const link of links) modeKm.set(link.mode, (modeKm.get(link.mode) ?? 0) + link.distanceKm);
  const byCommodity = countBy(links, (l) => l.commodity);
  const byCountry = countBy(nodes, (n) => n.country);
  const byKind = countBy(nodes, (n) => n.kind);
  return {
    name: network.meta.name,
    ...(network.meta.description === undefined ? {} : { description: network.meta.description }),
    nodeCount: nodes.length,
    linkCount: links.length,
    modes: [...modeLinks].map(([mode, count]) => ({ mode, links: count, km: modeKm.get(mode) ?? 0 })),
    commodities: Object.entries(network.commodities).map(([id, info]) => ({
      id,
      unit: info.unit,
      links: byCommodity.get(id) ?? 0,
    })),
    countries: [...byCountry]
      .map(([country, count]) => ({ country, nodes: count }))
      .sort((a, b) => b.nodes - a.nodes || a.country.localeCompare(b.country)),
    nodeKinds: [...byKind].map(([kind, count]) => ({ kind, nodes: count })),
    planned: links.filter((l) => l.status === 'planned').map((l) => ({ id: l.id, opens: l.opens ?? '?' })),
    corridors: network.corridors.map((c) => ({ id: c.id, name: c.name, commodity: c.commodity })),
  };
}

/**
 * Render a summary as readable text.
 *
 * @param summary - from {@link summarizeNetwork}
 * @returns multi-line text
 */
export function formatNetworkSummary(summary: NetworkSummary): string {
  requireFields(summary, 'corridor-sim/report', 'summary', 'a NetworkSummary from summarizeNetwork()', [
    'modes',
    'commodities',
    'countries',
    'nodeKinds',
    'planned',
    'corridors',
  ]);
  const parts = [
    `${summary.name}: ${summary.nodeCount} nodes, ${summary.linkCount} links, ${summary.countries.length} countries, ${summary.corridors.length} corridors`,
    '',
    formatTable(
      ['mode', 'links', 'km'],
      summary.modes.map((m) => [m.mode, m.links, m.km]),
    ),
    '',
    formatTable(
      ['commodity', 'unit', 'links'],
      summary.commodities.map((c) => [c.id, c.unit, c.links]),
    ),
    '',
    `countries: ${summary.countries.map((c) => `${c.country} (${c.nodes})`).join(', ')}`,
    `node kinds: ${summary.nodeKinds.map((k) => `${k.kind} (${k.nodes})`).join(', ')}`,
  ];
  if (summary.planned.length > 0) {
    parts.push(`planned links: ${summary.planned.map((p) => `${p.id} (opens ${p.opens})`).join(', ')}`);
  }
  if (summary.corridors.length > 0) {
    parts.push(
      '',
      formatTable(
        ['corridor', 'name', 'commodity'],
        summary.corridors.map((c) => [c.id, c.name, c.commodity]),
      ),
    );
  }
  return parts.join('\n');
}
