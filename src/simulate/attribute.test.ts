/**
 * attribute with a base: the change from the base to the scenario, split between the operations the
 * scenario adds. Every bundled scenario starts with the dataset timelines, as the baseline does; they
 * must run once in every coalition and share none of the change (they ran twice, BTK ×25, and each
 * timeline operation was a player).
 */
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/expect-error.js';
import { ferryLink } from '../../test/support/ferry.js';
import { loadDataset } from '../data/datasets.js';
import { parseScenario, serializeScenario } from '../data/scenario-format.js';
import { listScenarios, loadScenario } from '../data/scenarios.js';
import { InvalidArgumentError } from '../model/errors.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { composeScenarios } from '../scenario/apply.js';
import { ownOperations, sharedOperationCount } from '../scenario/extend.js';
import { type Attribution, attribute, headlineMetrics } from './attribute.js';
import { compare } from './compare.js';
import { simulate } from './simulate.js';

const eurasia = loadDataset('eurasia');
const YEAR = 2024;
const baseline = loadScenario('baseline');
const avoidRussia = loadScenario('avoid-russia');
const scenario = (id: string, ...operations: ScenarioOp[]): Scenario => ({ id, name: id, operations });

/** For every figure, the sum of the contributions minus the change from before to after. */
function efficiencyGaps(a: Attribution): number[] {
  return Object.keys(a.after).map((k) => {
    const sum = a.contributions.reduce((s, c) => s + (c.values[k] ?? 0), 0);
    return sum - ((a.after[k] ?? 0) - (a.before[k] ?? 0));
  });
}

describe('ownOperations and sharedOperationCount', () => {
  it('a bundled scenario extends the baseline by its own operations', () => {
    const own = ownOperations(avoidRussia.operations, baseline.operations)!;
    expect(own.map((op) => op.kind)).toEqual(['avoid-country']);
    expect(own[0]).toBe(avoidRussia.operations.at(-1));
    expect(sharedOperationCount(avoidRussia.operations, baseline.operations)).toBe(
      baseline.operations.length,
    );
    expect(ownOperations(baseline.operations, baseline.operations)).toEqual([]);
  });

  it('every bundled scenario extends the baseline (what attribute and compare --attribute rely on)', () => {
    for (const { id } of listScenarios()) {
      expect(ownOperations(loadScenario(id).operations, baseline.operations), id).toBeDefined();
    }
  });

  it('compares operations as values: a copy through JSON extends the original', () => {
    const copy = structuredClone(baseline.operations);
    expect(ownOperations(avoidRussia.operations, copy)).toHaveLength(1);
    const reordered = baseline.operations.map((op) =>
      Object.fromEntries(Object.entries(op).reverse()),
    ) as ScenarioOp[];
    expect(ownOperations(avoidRussia.operations, reordered)).toHaveLength(1);
  });

  it('is undefined when the scenario does not start with the base', () => {
    const cpc = loadScenario('cpc-closure');
    expect(ownOperations(avoidRussia.operations, cpc.operations)).toBeUndefined();
    expect(ownOperations(baseline.operations, avoidRussia.operations)).toBeUndefined();
    const mine: ScenarioOp = { kind: 'scale-capacity', target: { links: ['aktau-alat'] }, factor: 2 };
    expect(ownOperations([mine], baseline.operations)).toBeUndefined();
    expect(ownOperations([mine], [])).toEqual([mine]);
  });
});

describe('attribute over a base', () => {
  it("avoid-russia over the baseline: the standalone runs and comparison, all of it to avoid-russia's own operation", async () => {
    const [a, before, after] = await Promise.all([
      attribute(eurasia, avoidRussia, { year: YEAR, base: baseline }),
      simulate(eurasia, baseline, { year: YEAR }),
      simulate(eurasia, avoidRussia, { year: YEAR }),
    ]);
    // the coalitions without and with the operation are the baseline and avoid-russia themselves
    expect(a.before).toEqual(headlineMetrics(before));
    expect(a.after).toEqual(headlineMetrics(after));
    // only the operation avoid-russia adds is a player; it carries the whole change
    expect(a.contributions.map((c) => [c.index, c.kind])).toEqual([
      [baseline.operations.length, 'avoid-country'],
    ]);
    expect(a.method).toBe('exact');
    expect(a.runs).toBe(2);
    const total = compare(before, after).totals;
    expect(total.throughputTeu!.change).not.toBe(0);
    expect(a.contributions[0]!.values.throughputTeu).toBeCloseTo(total.throughputTeu!.change, 6);
    expect(a.contributions[0]!.values.divertedTeu).toBeCloseTo(total.divertedTeu!.change, 6);
    for (const gap of efficiencyGaps(a)) expect(Math.abs(gap)).toBeLessThan(1e-6);
  });

  it('a scenario with several own operations: Shapley values add up to the standalone comparison', async () => {
    // the dataset timelines once, then cpc-closure's own operations, then avoid-russia's
    const both = composeScenarios('both', loadScenario('cpc-closure'), avoidRussia);
    const [a, before, after] = await Promise.all([
      attribute(eurasia, both, { year: YEAR, base: baseline }),
      simulate(eurasia, baseline, { year: YEAR }),
      simulate(eurasia, both, { year: YEAR }),
    ]);
    const own = ownOperations(both.operations, baseline.operations)!;
    expect(own.length).toBeGreaterThan(1);
    expect(a.contributions.map((c) => c.kind)).toEqual(own.map((op) => op.kind));
    expect(a.contributions.map((c) => c.index)).toEqual(own.map((_, i) => baseline.operations.length + i));
    expect(a.before).toEqual(headlineMetrics(before));
    expect(a.after).toEqual(headlineMetrics(after));
    for (const gap of efficiencyGaps(a)) expect(Math.abs(gap)).toBeLessThan(1e-6);
    const sum = (k: string) => a.contributions.reduce((s, c) => s + (c.values[k] ?? 0), 0);
    const total = compare(before, after).totals;
    expect(sum('throughputTeu')).toBeCloseTo(total.throughputTeu!.change, 6);
    expect(sum('crudeTonnes')).toBeCloseTo(total.crudeTonnes!.change, 3);
    expect(total.crudeTonnes!.change).not.toBe(0);
  });

  it('an add-link and the operations naming what it adds are one player; the others stand alone', async () => {
    const ferry: ScenarioOp = {
      kind: 'add-link',
      link: ferryLink('aktau-alat-new', 'aktau', 'alat', 20000),
    };
    const mine = composeScenarios(
      'mine',
      avoidRussia,
      scenario(
        'ops',
        ferry,
        { kind: 'close-border', countries: ['BY', 'PL'] },
        { kind: 'surcharge', target: { links: ['aktau-alat-new'] }, costUsdPerUnit: 300 },
      ),
    );
    const [a, before, after] = await Promise.all([
      attribute(eurasia, mine, { year: YEAR, base: avoidRussia }),
      simulate(eurasia, avoidRussia, { year: YEAR }),
      simulate(eurasia, mine, { year: YEAR }),
    ]);
    const k = avoidRussia.operations.length;
    expect(a.contributions.map((c) => [c.index, c.kind, c.together])).toEqual([
      [k, 'add-link', [k, k + 2]],
      [k + 1, 'close-border', undefined],
      [k + 2, 'surcharge', [k, k + 2]],
    ]);
    // the group's share is on its first operation; the Shapley values still add up to the change
    for (const value of Object.values(a.contributions[2]!.values)) expect(value).toBe(0);
    for (const gap of efficiencyGaps(a)) expect(Math.abs(gap)).toBeLessThan(1e-6);
    expect(a.after).toEqual(headlineMetrics(after));
    expect(a.before).toEqual(headlineMetrics(before));
    expect(a.contributions[0]!.values['share:middle']).not.toBe(0);
  });

  it('your own operation on top of a base, composed: the base runs once, the operation is the only player', async () => {
    const mine = scenario('ferry-x2', {
      kind: 'scale-capacity',
      target: { links: ['aktau-alat'] },
      factor: 2,
    });
    const composed = composeScenarios('mine', avoidRussia, mine);
    const [a, before, after] = await Promise.all([
      attribute(eurasia, composed, { year: YEAR, base: avoidRussia }),
      simulate(eurasia, avoidRussia, { year: YEAR }),
      simulate(eurasia, composed, { year: YEAR }),
    ]);
    expect(a.contributions.map((c) => [c.index, c.kind])).toEqual([
      [avoidRussia.operations.length, 'scale-capacity'],
    ]);
    expect(a.before).toEqual(headlineMetrics(before));
    expect(a.after).toEqual(headlineMetrics(after));
    expect(a.contributions[0]!.values.throughputTeu).toBeCloseTo(
      after.throughputTeu - before.throughputTeu,
      6,
    );
  });

  it('a copy of the scenario through JSON extends the base just the same', async () => {
    const copy = parseScenario(
      JSON.parse(JSON.stringify(serializeScenario(avoidRussia))),
      eurasia.network,
      eurasia.demand,
    );
    expect(copy.operations[0]).not.toBe(baseline.operations[0]);
    const [a, b] = await Promise.all([
      attribute(eurasia, copy, { year: YEAR, base: baseline }),
      attribute(eurasia, avoidRussia, { year: YEAR, base: baseline }),
    ]);
    expect(a).toEqual(b);
  });

  it('a base with no operations attributes every operation, as no base does', async () => {
    const s = composeScenarios('s', scenario('a', { kind: 'avoid-country', country: 'RU', share: 0.3 }));
    const [a, b] = await Promise.all([
      attribute(eurasia, s, { year: YEAR, base: scenario('none') }),
      attribute(eurasia, s, { year: YEAR }),
    ]);
    expect(a).toEqual(b);
    expect(a.contributions).toHaveLength(1);
  });

  it('the base itself as the scenario: nothing to attribute, no change', async () => {
    const a = await attribute(eurasia, baseline, { year: YEAR, base: baseline });
    expect(a.contributions).toEqual([]);
    expect(a.after).toEqual(a.before);
  });

  it('rejects a scenario that does not start with the base, naming options.base and both scenarios', async () => {
    const mine = scenario('mine', { kind: 'scale-capacity', target: { links: ['aktau-alat'] }, factor: 2 });
    const cases: [Scenario, Scenario, RegExp][] = [
      // both start with the timelines, then differ
      [
        avoidRussia,
        loadScenario('cpc-closure'),
        /operation \d+ is close-links in the base, avoid-country in the scenario/,
      ],
      // the base is longer than the scenario
      [baseline, avoidRussia, /the base has \d+ operations, the scenario only \d+/],
      // only the operations to add, without the base's: compose them
      [
        mine,
        baseline,
        /operation 0 \(scale-capacity\) differs between them.*composeScenarios\(id, base, yours\)/,
      ],
    ];
    for (const [s, base, message] of cases) {
      const error = await rejection(attribute(eurasia, s, { year: YEAR, base }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('options.base');
      expect(error.message).toContain(`base ${JSON.stringify(base.id)} for scenario ${JSON.stringify(s.id)}`);
      expect(error.message).toMatch(message);
    }
  });
});
