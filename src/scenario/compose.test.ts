/**
 * composeScenarios: every change of every scenario in effect, each once, operations compared as JSON
 * values. Bundled scenarios all start with the dataset timelines; composing them must not apply those
 * twice (BTK ×5 became ×25), and a scenario read back from JSON must compose like the original.
 */
import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../../test/support/expect-error.js';
import { loadDataset } from '../data/datasets.js';
import { parseScenario, serializeScenario } from '../data/scenario-format.js';
import { listScenarios, loadScenario } from '../data/scenarios.js';
import { ValidationError } from '../model/errors.js';
import { getLink, listLinks, type Network } from '../model/network.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { simulate } from '../simulate/simulate.js';
import { applyScenario, composeScenarios } from './apply.js';
import { operationFingerprint } from './fingerprint.js';

const eurasia = loadDataset('eurasia');
const YEAR = 2025;
const BTK = 'tbilisi-akhalkalaki';

const scenario = (id: string, ...operations: ScenarioOp[]): Scenario => ({ id, name: id, operations });

/** The operations of the timelines a bundled scenario includes, from the dataset itself. */
function timelineOperations(id: string): ScenarioOp[] {
  const info = listScenarios().find((s) => s.id === id)!;
  return info.timelines.flatMap((t) => eurasia.timelines.find((x) => x.id === t)!.operations);
}

/** The operations a bundled scenario adds after its timelines. */
function ownOperations(id: string): readonly ScenarioOp[] {
  return loadScenario(id).operations.slice(timelineOperations(id).length);
}

/** Every link's capacity, status, cost and time after applying `s` in 2025. */
function linkState(s: Scenario) {
  const applied = applyScenario(eurasia.network, eurasia.demand, s, { year: YEAR });
  const links = Object.fromEntries(
    listLinks(applied.network).map((l) => [
      l.id,
      [l.capacityPerYear, l.status, l.costUsdPerUnit, l.transitDays] as const,
    ]),
  );
  return { links, demand: applied.demand, segmentSurcharges: applied.segmentSurcharges };
}

const capacity = (network: Network, link: string) => getLink(network, link).capacityPerYear;

describe('bundled scenarios share their timeline operations', () => {
  it('by identity: loadScenario reuses the cached dataset timeline objects', () => {
    const shared = timelineOperations('cpc-closure');
    expect(shared.length).toBeGreaterThan(0);
    for (const id of ['baseline', 'cpc-closure', 'avoid-russia']) {
      const ops = loadScenario(id).operations;
      for (const [i, op] of shared.entries()) expect(ops[i]).toBe(op);
    }
  });

  it('a copy through JSON has the same key as the timeline operation', () => {
    const op = loadScenario('baseline').operations[0]!;
    expect(operationFingerprint(JSON.parse(JSON.stringify(op)))).toBe(operationFingerprint(op));
  });
});

describe('operationFingerprint', () => {
  it('ignores key order and undefined properties, and tells different values apart', () => {
    expect(operationFingerprint({ a: 1, b: { c: [1, 2] } })).toBe(
      operationFingerprint({ b: { c: [1, 2] }, a: 1, d: undefined }),
    );
    expect(operationFingerprint({ a: 1 })).not.toBe(operationFingerprint({ a: '1' }));
    expect(operationFingerprint({ a: [1, 2] })).not.toBe(operationFingerprint({ a: [2, 1] }));
  });

  it('leaves out metadata and spells dates out as days: operations that do the same match', () => {
    const op = { kind: 'scale-capacity', target: { links: [BTK] }, factor: 2, from: '2024' };
    expect(operationFingerprint({ ...op, note: 'mine', provenance: { factor: { sources: ['X'] } } })).toBe(
      operationFingerprint(op),
    );
    expect(operationFingerprint({ ...op, from: '2024-01-01' })).toBe(operationFingerprint(op));
    expect(operationFingerprint({ ...op, from: '2024-01' })).toBe(operationFingerprint(op));
    expect(operationFingerprint({ ...op, from: '2024-02' })).not.toBe(operationFingerprint(op));
    expect(operationFingerprint({ ...op, factor: 3 })).not.toBe(operationFingerprint(op));
  });

  it('takes selector lists and the border pair as sets, and leaves out the names of what an add-link adds', () => {
    expect(operationFingerprint({ kind: 'close-border', countries: ['BY', 'PL'] })).toBe(
      operationFingerprint({ kind: 'close-border', countries: ['PL', 'BY'] }),
    );
    expect(operationFingerprint({ kind: 'close-links', target: { links: ['a', 'b', 'a'] } })).toBe(
      operationFingerprint({ kind: 'close-links', target: { links: ['b', 'a'] } }),
    );
    const link = { id: 'x', from: 'a', to: 'b', capacityPerYear: 1 };
    expect(operationFingerprint({ kind: 'add-link', link: { ...link, name: 'X', provenance: {} } })).toBe(
      operationFingerprint({ kind: 'add-link', link }),
    );
    expect(operationFingerprint({ kind: 'add-link', link: { ...link, capacityPerYear: 2 } })).not.toBe(
      operationFingerprint({ kind: 'add-link', link }),
    );
  });

  it('a proxy that throws gives no key instead of throwing', () => {
    const trap = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(operationFingerprint(trap)).toBeUndefined();
  });

  it('is undefined for what is not plain data (a Date, a Map, a getter): such an operation matches only itself', () => {
    expect(operationFingerprint({ kind: 'x', when: new Date(0) })).toBeUndefined();
    expect(operationFingerprint({ kind: 'x', m: new Map() })).toBeUndefined();
    let factor = 2;
    const getter = Object.freeze({
      kind: 'scale-capacity',
      get factor() {
        return factor++;
      },
    });
    expect(operationFingerprint(getter)).toBeUndefined();
    expect(operationFingerprint(getter)).toBeUndefined();
  });

  it('is undefined for a value that is not JSON (a cycle, a function), instead of throwing', () => {
    const cyclic: Record<string, unknown> = { kind: 'close-links' };
    cyclic.self = cyclic;
    expect(operationFingerprint(cyclic)).toBeUndefined();
    expect(operationFingerprint({ f: () => 1 })).toBeUndefined();
    expect(operationFingerprint(undefined)).toBeUndefined();
  });
});

describe('composeScenarios applies an operation included by several scenarios once', () => {
  it('baseline + baseline is the baseline: same operations, link capacities in 2025 and throughput', async () => {
    const baseline = loadScenario('baseline');
    const twice = composeScenarios('twice', baseline, baseline);
    const applied = applyScenario(eurasia.network, eurasia.demand, twice, { year: YEAR });
    // BTK ×5 from 20 May 2024 (357,145 TEU in 2025), not ×25
    expect(capacity(applied.network, BTK)).toBeCloseTo(357_145, 6);
    expect(linkState(twice)).toEqual(linkState(baseline));
    expect(twice.operations).toHaveLength(baseline.operations.length);
    for (const [i, op] of twice.operations.entries()) expect(op).toBe(baseline.operations[i]);
    const [a, b] = await Promise.all([
      simulate(eurasia, baseline, { year: YEAR }),
      simulate(eurasia, twice, { year: YEAR }),
    ]);
    expect(b.throughputTeu).toBe(a.throughputTeu);
  });

  it('cpc-closure + avoid-russia is the timelines once, then the own operations of each', async () => {
    const both = composeScenarios('both', loadScenario('cpc-closure'), loadScenario('avoid-russia'));
    // the same scenario written by hand, with copies of every operation
    const byHand = scenario(
      'by-hand',
      ...structuredClone([
        ...timelineOperations('cpc-closure'),
        ...ownOperations('cpc-closure'),
        ...ownOperations('avoid-russia'),
      ]),
    );
    expect(ownOperations('cpc-closure').length).toBeGreaterThan(0);
    expect(ownOperations('avoid-russia').length).toBeGreaterThan(0);
    expect(linkState(both)).toEqual(linkState(byHand));
    expect(both.operations).toHaveLength(byHand.operations.length);
    expect(both.operations).toEqual(byHand.operations);
    expect(both.name).toBe(`${loadScenario('cpc-closure').name} + ${loadScenario('avoid-russia').name}`);
    const [a, b] = await Promise.all([
      simulate(eurasia, byHand, { year: YEAR }),
      simulate(eurasia, both, { year: YEAR }),
    ]);
    expect(b.throughputTeu).toBe(a.throughputTeu);
    expect(b.divertedTeu).toBe(a.divertedTeu);
    expect(b.crude.totalTonnes).toBe(a.crude.totalTonnes);
  });

  it('the dataset timelines composed with a bundled scenario that already has them apply once', () => {
    const composed = composeScenarios('t', ...eurasia.timelines.slice(0, 3), loadScenario('cpc-closure'));
    const ops = new Set(composed.operations);
    expect(ops.size).toBe(composed.operations.length);
  });

  it('a bundled scenario written to JSON and parsed back still shares its timelines', () => {
    const baseline = loadScenario('baseline');
    const copy = parseScenario(
      JSON.parse(JSON.stringify(serializeScenario(baseline))),
      eurasia.network,
      eurasia.demand,
    );
    expect(copy.operations[0]).not.toBe(baseline.operations[0]);
    expect(composeScenarios('a', baseline, copy).operations).toHaveLength(baseline.operations.length);
    expect(composeScenarios('b', copy, copy).operations).toHaveLength(baseline.operations.length);
    const withCpc = composeScenarios('c', copy, loadScenario('cpc-closure'));
    expect(withCpc.operations).toEqual([...baseline.operations, ...ownOperations('cpc-closure')]);
    expect(linkState(withCpc)).toEqual(linkState(loadScenario('cpc-closure')));
  });

  it('keeps an operation where it first appears', () => {
    const x: ScenarioOp = { kind: 'close-links', target: { links: [BTK] } };
    const y: ScenarioOp = { kind: 'scale-capacity', target: { links: [BTK] }, factor: 2 };
    expect(composeScenarios('c', scenario('a', x), scenario('b', y, x)).operations).toEqual([x, y]);
  });
});

describe('composeScenarios compares operations as values', () => {
  const btk2025 = capacity(
    applyScenario(eurasia.network, eurasia.demand, loadScenario('baseline'), { year: YEAR }).network,
    BTK,
  )!;
  const double = (): ScenarioOp => ({ kind: 'scale-capacity', target: { links: [BTK] }, factor: 2 });
  const btk = (s: Scenario) =>
    capacity(applyScenario(eurasia.network, eurasia.demand, s, { year: YEAR }).network, BTK);
  const throughJson = (s: Scenario) =>
    parseScenario(JSON.parse(JSON.stringify(serializeScenario(s))), eurasia.network, eurasia.demand);

  it('an equal operation in two scenarios is one change, whether it is one object or two: ×2', () => {
    const op = double();
    const shared = composeScenarios('c', loadScenario('baseline'), scenario('a', op), scenario('b', op));
    const separate = composeScenarios(
      'c',
      loadScenario('baseline'),
      scenario('a', double()),
      scenario('b', double()),
    );
    expect(btk(shared)).toBeCloseTo(btk2025 * 2, 6);
    expect(btk(separate)).toBeCloseTo(btk2025 * 2, 6);
  });

  it('scenarios read back from JSON compose as the originals do (a timeline of your own shared by two files)', () => {
    const mine = double();
    const a = scenario('a', mine, { kind: 'close-border', countries: ['BY', 'PL'] });
    const b = scenario('b', mine);
    const original = composeScenarios('c', loadScenario('baseline'), a, b);
    const copies = composeScenarios(
      'c',
      throughJson(loadScenario('baseline')),
      throughJson(a),
      throughJson(b),
    );
    expect(copies.operations).toEqual(original.operations);
    expect(linkState(copies)).toEqual(linkState(original));
    expect(btk(copies)).toBeCloseTo(btk2025 * 2, 6);
  });

  it('a copy of the baseline with notes and dates written otherwise composes with the baseline once', () => {
    const baseline = loadScenario('baseline');
    const annotated = scenario(
      'annotated',
      ...baseline.operations.map((op): ScenarioOp => {
        const { provenance: _provenance, ...rest } = op;
        return {
          ...rest,
          note: 'copied from the baseline',
          ...(op.from && /^\d{4}$/.test(op.from) ? { from: `${op.from}-01-01` } : {}),
        };
      }),
    );
    const composed = composeScenarios('c', baseline, annotated);
    expect(composed.operations).toHaveLength(baseline.operations.length);
    expect(linkState(composed)).toEqual(linkState(baseline));
  });

  it('an operation listed twice in one scenario applies twice, also when that scenario is composed with itself', () => {
    const op = double();
    const mine = scenario('mine', op, op);
    expect(btk(composeScenarios('c', loadScenario('baseline'), mine))).toBeCloseTo(btk2025 * 4, 6);
    expect(composeScenarios('c', mine, mine).operations).toEqual([op, op]);
    expect(composeScenarios('c', scenario('one', op), mine).operations).toEqual([op, op]);
    const twice = scenario('twice', double(), double());
    expect(
      btk(composeScenarios('c', loadScenario('baseline'), twice, scenario('one', double()))),
    ).toBeCloseTo(btk2025 * 4, 6);
  });
});

describe('composeScenarios inputs and errors', () => {
  it('does not modify its inputs', () => {
    const a = scenario('a', { kind: 'scale-capacity', target: { links: [BTK] }, factor: 2 });
    const b = scenario('b', ...a.operations, { kind: 'close-border', countries: ['BY', 'PL'] });
    const before = structuredClone([a, b]);
    const bundled = loadScenario('cpc-closure');
    const bundledOps = [...bundled.operations];
    const composed = composeScenarios('c', a, b, bundled);
    expect([a, b]).toEqual(before);
    expect(Object.isFrozen(a.operations)).toBe(false);
    expect(bundled.operations).toEqual(bundledOps);
    expect(composed.operations).not.toBe(a.operations);
    expect(composed.operations).toHaveLength(2 + bundledOps.length);
  });

  it('bad arguments are InvalidArgumentErrors naming them', () => {
    const a = scenario('a');
    expect(invalidArgument(() => composeScenarios('', a)).argument).toBe('id');
    expect(invalidArgument(() => composeScenarios(1 as never, a)).argument).toBe('id');
    expect(invalidArgument(() => composeScenarios('c', a, 'baseline' as never)).argument).toBe(
      'scenarios[1]',
    );
    expect(
      invalidArgument(() => composeScenarios('c', { id: 'x', operations: 'no' } as never)).argument,
    ).toBe('scenarios[0].operations');
  });

  it('invalid operations are kept, for validation to report where the scenario is used', () => {
    const cyclic: Record<string, unknown> = { kind: 'close-links', target: {} };
    cyclic.self = cyclic;
    const odd = [null, 7, cyclic] as unknown as ScenarioOp[];
    const composed = composeScenarios('c', scenario('a', ...odd), scenario('b', ...odd));
    expect(composed.operations).toEqual([null, 7, cyclic, null, 7]);
    expect(() =>
      applyScenario(eurasia.network, eurasia.demand, composeScenarios('c', scenario('a', null as never))),
    ).toThrow(ValidationError);
  });
});
