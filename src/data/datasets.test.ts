import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCorridorSimError } from '../model/errors.js';
import {
  createNetwork,
  type LinkAttributes,
  listLinks,
  type NodeAttributes,
  type ProvenanceMap,
} from '../model/network.js';
import { auditProvenance, type Dataset, listDatasets, loadDataset, type SourceRecord } from './datasets.js';

const sampleDoc = JSON.parse(
  readFileSync(new URL('../../data/samples/two-corridors.json', import.meta.url), 'utf8'),
) as { nodes: unknown[]; links: unknown[] };

describe('listDatasets', () => {
  it('lists the bundled datasets by name, with a title and a description', () => {
    const list = listDatasets();
    expect(list.map((d) => d.name)).toEqual(['eurasia', 'sample']);
    for (const d of list) {
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.description.length).toBeGreaterThan(0);
    }
  });
});

describe('loadDataset', () => {
  it("loadDataset('sample') returns the two-corridor network and its demand", () => {
    const sample = loadDataset('sample');
    expect(sample.name).toBe('sample');
    expect(sample.network.graph.order).toBe(sampleDoc.nodes.length);
    expect(sample.network.graph.size).toBe(sampleDoc.links.length);
    expect(sample.demand.flows.map((f) => f.id)).toEqual(['xian-duisburg']);
    expect(sample.timelines).toEqual([]);
    expect(sample.sources.size).toBe(0);
  });

  it('parses once: the second call returns the same frozen object', () => {
    const a = loadDataset('eurasia');
    const b = loadDataset('eurasia');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.meta)).toBe(true);
    expect(Object.isFrozen(a.timelines)).toBe(true);
  });

  it('throws NotFoundError naming the dataset for unknown names, including prototype keys', () => {
    for (const name of ['nope', 'Eurasia', '', 'toString', '__proto__', 'constructor']) {
      let caught: unknown;
      try {
        loadDataset(name);
      } catch (error) {
        caught = error;
      }
      expect(isCorridorSimError(caught)).toBe(true);
      expect((caught as { code: string }).code).toBe('not-found');
      expect((caught as Error).message).toContain(JSON.stringify(name));
    }
  });

  it('throws InvalidArgumentError for a name that is not a string', () => {
    for (const bad of [undefined, null, 42, {}, ['eurasia']]) {
      expect(() => loadDataset(bad as unknown as string)).toThrow(
        expect.objectContaining({ code: 'invalid-argument' }),
      );
    }
  });

  it('sources resolve by id and every record has title, publisher, year and address', () => {
    const { sources } = loadDataset('eurasia');
    expect(sources.get('S22')?.publisher).toBe('Silkroadnews/Xinhua');
    for (const s of sources.values()) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.publisher.length).toBeGreaterThan(0);
      expect(Number.isInteger(s.year)).toBe(true);
      expect(s.address.length).toBeGreaterThan(0);
      if (s.sameAs) expect(sources.has(s.sameAs)).toBe(true);
    }
  });
});

describe('auditProvenance', () => {
  const registry = new Map<string, SourceRecord>([
    ['X1', { id: 'X1', title: 't', publisher: 'p', year: 2024, yearKind: 'published', address: 'a' }],
  ]);
  const base = loadDataset('sample');
  const dataset = (overrides: Partial<Dataset>): Dataset => ({ ...base, sources: registry, ...overrides });
  const node = (id: string, provenance?: ProvenanceMap): NodeAttributes => ({
    id,
    name: id,
    country: 'KZ',
    kind: 'city' as const,
    lon: 70,
    lat: 45,
    ...(provenance ? { provenance } : {}),
  });
  const link = (provenance?: ProvenanceMap): LinkAttributes => ({
    id: 'a-b',
    from: 'a',
    to: 'b',
    mode: 'rail' as const,
    commodity: 'container',
    capacityPerYear: 100,
    transitDays: 1,
    costUsdPerUnit: 10,
    distanceKm: 50,
    countries: ['KZ'],
    status: 'active' as const,
    ...(provenance ? { provenance } : {}),
  });
  const ok = { sources: ['X1'] };
  const noTimelines = {
    timelines: [],
    demand: { segments: [], flows: [] },
    meta: { ...base.meta, targets: [] },
  };

  it('finds nothing in a dataset whose every figure is sourced or assumed', () => {
    const network = createNetwork({
      meta: { name: 't' },
      nodes: [node('a', { coordinates: ok }), node('b', { coordinates: { assumption: 'placed by hand' } })],
      links: [link({ capacityPerYear: ok, transitDays: ok, costUsdPerUnit: ok, distanceKm: ok })],
    });
    expect(auditProvenance(dataset({ network, ...noTimelines }))).toEqual([]);
  });

  it('reports missing provenance, unresolved ids, empty provenance and values outside low/high', () => {
    const network = createNetwork({
      meta: { name: 't' },
      nodes: [node('a'), node('b', { coordinates: { sources: ['NOPE'] } })],
      links: [
        link({
          capacityPerYear: { sources: ['X1'], low: 200, high: 300 },
          transitDays: { note: 'no source' },
          costUsdPerUnit: ok,
        }),
      ],
    });
    const issues = auditProvenance(dataset({ network, ...noTimelines }));
    expect(issues).toEqual([
      { where: 'node a', field: 'coordinates', message: 'has no provenance' },
      { where: 'node b', field: 'coordinates', message: 'source "NOPE" does not resolve' },
      { where: 'link a-b', field: 'capacityPerYear', message: 'value 100 is below low 200' },
      {
        where: 'link a-b',
        field: 'transitDays',
        message: 'provenance names neither a source nor an assumption',
      },
      { where: 'link a-b', field: 'distanceKm', message: 'has no provenance' },
    ]);
    expect(listLinks(network)).toHaveLength(1);
  });

  it('reports the unsourced sample network: every node lacks coordinates provenance', () => {
    const issues = auditProvenance(loadDataset('sample'));
    const coordinateIssues = issues.filter((i) => i.field === 'coordinates');
    expect(coordinateIssues).toHaveLength(sampleDoc.nodes.length);
  });
});
