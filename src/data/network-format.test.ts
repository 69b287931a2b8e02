import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, isCorridorSimError, ValidationError } from '../model/errors.js';
import { listLinks } from '../model/network.js';
import { arbNetworkDocument } from '../testing/arbitraries/network.js';
import { parseNetwork, safeParseNetwork, serializeNetwork } from './network-format.js';
import type { NetworkDocument } from './schema.js';

const sample = JSON.parse(
  readFileSync(new URL('../../data/samples/two-corridors.json', import.meta.url), 'utf8'),
) as NetworkDocument;

function issuesOf(doc: unknown) {
  const result = safeParseNetwork(doc);
  return result.success
    ? []
    : result.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
}

describe('parseNetwork', () => {
  it('parseNetwork(sample) builds the graph with every node and link', () => {
    const network = parseNetwork(sample);
    expect(network.graph.order).toBe(sample.nodes.length);
    expect(network.graph.size).toBe(sample.links.length);
    expect(network.corridors.map((c) => c.id)).toEqual(['middle', 'northern']);
    expect(network.graph.source('aktau-baku')).toBe('aktau');
  });

  it('every generated valid document parses', () => {
    fc.assert(
      fc.property(arbNetworkDocument(), (doc) => {
        const result = safeParseNetwork(doc);
        if (!result.success) throw new Error(JSON.stringify(result.issues));
      }),
    );
  });

  it('parse(serialize(network)) equals the network and serialize is a fixed point', () => {
    fc.assert(
      fc.property(arbNetworkDocument({ commodities: ['container', 'crude'] }), (doc) => {
        const once = serializeNetwork(parseNetwork(doc));
        const json = JSON.parse(JSON.stringify(once)) as unknown; // JSON turns -0 into 0
        const twice = serializeNetwork(parseNetwork(json));
        expect(twice).toEqual(json);
        expect(once.links).toEqual(doc.links);
        expect(once.nodes).toEqual(doc.nodes);
      }),
    );
  });

  it('does not mutate its input, and later input changes do not leak into the network', () => {
    fc.assert(
      fc.property(arbNetworkDocument(), (doc) => {
        const before = structuredClone(doc);
        const network = parseNetwork(doc);
        expect(doc).toEqual(before);
        if (doc.links.length > 0) {
          (doc.links[0] as { transitDays: number }).transitDays = 12345;
          expect(listLinks(network)[0]!.transitDays).toBe(before.links[0]!.transitDays);
        }
      }),
    );
  });

  it('throws one ValidationError carrying all issues, each with its JSON path', () => {
    const doc = structuredClone(sample) as unknown as {
      nodes: Record<string, unknown>[];
      links: Record<string, unknown>[];
    };
    doc.nodes[1]!.country = 'XX';
    doc.nodes[2]!.lat = 123;
    doc.links[0]!.capacityPerYear = -5;
    doc.links[1]!.transitDays = Number.NaN;
    doc.links[2]!.to = 'atlantis';
    doc.links[3]!.id = 'xian-khorgos';
    let caught: unknown;
    try {
      parseNetwork(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(isCorridorSimError(caught)).toBe(true);
    const issues = (caught as ValidationError).issues.map((i) => `${i.code} ${formatPath(i.path)}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'unknown_country $.nodes[1].country',
        'out_of_range $.nodes[2].lat',
        'negative $.links[0].capacityPerYear',
        'not_finite $.links[1].transitDays',
        'unknown_node $.links[2].to',
        'duplicate_id $.links[3].id',
      ]),
    );
    expect(issues).toHaveLength(6);
    expect((caught as Error).message).toMatch(/^corridor-sim\/data: invalid network, 6 issues/);
  });

  // Each corruption of a valid generated network yields an issue at the path that was corrupted:
  // set `field` of the last item of `list` to `value`.
  const corruptions: {
    name: string;
    code: string;
    list: 'nodes' | 'links' | 'corridors';
    field: string;
    value: unknown;
    at?: (string | number)[];
  }[] = [
    { name: 'negative capacity', code: 'negative', list: 'links', field: 'capacityPerYear', value: -1 },
    { name: 'NaN transit time', code: 'not_finite', list: 'links', field: 'transitDays', value: Number.NaN },
    {
      name: 'infinite cost',
      code: 'not_finite',
      list: 'links',
      field: 'costUsdPerUnit',
      value: Number.POSITIVE_INFINITY,
    },
    {
      name: 'unknown node reference',
      code: 'unknown_node',
      list: 'links',
      field: 'from',
      value: 'missing-node',
    },
    {
      name: 'unknown commodity',
      code: 'unknown_commodity',
      list: 'links',
      field: 'commodity',
      value: 'grain',
    },
    { name: 'bad date', code: 'bad_date', list: 'links', field: 'opens', value: '2027-13' },
    { name: 'unknown country', code: 'unknown_country', list: 'nodes', field: 'country', value: 'ZZ' },
    { name: 'longitude out of range', code: 'out_of_range', list: 'nodes', field: 'lon', value: 181 },
    { name: 'duplicate node id', code: 'duplicate_id', list: 'nodes', field: 'id', value: 'n0' },
    {
      name: 'corridor naming a missing link',
      code: 'unknown_link',
      list: 'corridors',
      field: 'links',
      value: ['no-such-link'],
      at: [0],
    },
  ];

  for (const corruption of corruptions) {
    it(`a ${corruption.name} is reported as ${corruption.code} at its JSON path`, () => {
      fc.assert(
        fc.property(arbNetworkDocument({ minNodes: 3 }), (doc) => {
          const broken = structuredClone(doc) as unknown as Record<
            string,
            Record<string, unknown>[] | undefined
          >;
          const list = broken[corruption.list];
          fc.pre(list !== undefined && list.length > 1);
          const index = list!.length - 1;
          list![index]![corruption.field] = corruption.value;
          const path = [corruption.list, index, corruption.field, ...(corruption.at ?? [])];
          const issues = issuesOf(broken);
          expect(issues.map((i) => `${i.code} ${i.path}`)).toContain(
            `${corruption.code} ${formatPath(path)}`,
          );
        }),
        { numRuns: 40 },
      );
    });
  }

  it('reports a broken waypoint chain and a rail gauge mismatch', () => {
    const doc = structuredClone(sample);
    doc.corridors![0] = { ...doc.corridors![0]!, waypoints: ['duisburg', 'xian'] };
    doc.links.push({
      ...doc.links[0]!,
      id: 'bad-gauge',
      from: 'xian',
      to: 'almaty',
      countries: ['CN', 'KZ'],
    });
    const issues = issuesOf(doc).map((i) => `${i.code} ${i.path}`);
    expect(issues).toEqual([
      `gauge_mismatch $.links[${doc.links.length - 1}]`,
      'broken_chain $.corridors[0].waypoints[1]',
    ]);
  });

  it('names the offending value in messages', () => {
    const doc = structuredClone(sample) as unknown as { links: Record<string, unknown>[] };
    doc.links[0]!.capacityPerYear = -42;
    expect(issuesOf(doc)[0]!.message).toContain('-42');
  });

  it('rejects other formats and versions with one clear issue', () => {
    expect(issuesOf({ ...sample, version: 2 })).toEqual([
      {
        code: 'unsupported_version',
        path: '$.version',
        message: 'version 2 is not supported (this library reads version 1)',
      },
    ]);
    expect(issuesOf(null)[0]!.code).toBe('invalid_type');
    expect(issuesOf([])[0]!.code).toBe('invalid_type');
    expect(issuesOf({ format: 'x' })[0]!.path).toBe('$.format');
  });

  it('reports unknown properties (a misspelt field is never silently ignored)', () => {
    const doc = structuredClone(sample) as unknown as { links: Record<string, unknown>[] };
    doc.links[0]!.capacity = 5;
    expect(issuesOf(doc)).toEqual([
      { code: 'unknown_key', path: '$.links[0].capacity', message: 'unknown property "capacity"' },
    ]);
  });
});

describe('parseNetwork: commodity names are the document’s own', () => {
  it('rejects a link whose commodity is a property every object has (constructor)', () => {
    const doc = JSON.parse(
      readFileSync(new URL('../../data/samples/two-corridors.json', import.meta.url), 'utf8'),
    );
    doc.links[0].commodity = 'constructor';
    const result = safeParseNetwork(doc);
    expect(result.success).toBe(false);
  });
});
