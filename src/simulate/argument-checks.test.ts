import { describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/expect-error.js';
import { loadDataset } from '../data/datasets.js';
import { InvalidArgumentError, ValidationError } from '../model/errors.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { attribute } from './attribute.js';
import { criticality } from './criticality.js';
import { project } from './project.js';
import { simulate } from './simulate.js';
import { sweep } from './sweep.js';

// Bad arguments of the functions built on simulate (project, sweep, criticality, attribute) get a
// typed error naming the argument and the value, before any simulation runs.

const input = loadDataset('sample');
const scenario = (id: string, ...operations: ScenarioOp[]): Scenario => ({ id, name: id, operations });
const ferryScale = (factor: number): ScenarioOp => ({
  kind: 'scale-capacity',
  target: { links: ['aktau-baku'] },
  factor,
});
const unknownCorridor: ScenarioOp = { kind: 'close-links', target: { corridors: ['nope'] } };

/** Expect an InvalidArgumentError for `argument` whose message matches `message`. */
async function expectInvalid(promise: Promise<unknown>, argument: string, message?: RegExp): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect((error as InvalidArgumentError).argument).toBe(argument);
  if (message) expect(error.message).toMatch(message);
}

/** Expect a ValidationError about `what` with an issue at `path`. */
async function expectInvalidDocument(
  promise: Promise<unknown>,
  what: string,
  path: readonly (string | number)[],
): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.message).toContain(`invalid ${what},`);
  expect((error as ValidationError).issues.map((i) => i.path)).toContainEqual(path);
}

describe('criticality: argument checks', () => {
  it('rejects an elements value that is not links, nodes or both, naming it', async () => {
    await expectInvalid(
      criticality(input, { year: 2024, elements: 'link' as never }),
      'options.elements',
      /must be 'links', 'nodes' or 'both', got the string "link"/,
    );
    await expectInvalid(
      criticality(input, { year: 2024, elements: null as never }),
      'options.elements',
      /null/,
    );
  });

  it('rejects a commodity the network does not have, listing the known ones', async () => {
    await expectInvalid(
      criticality(input, { year: 2024, commodity: 'oil' }),
      'options.commodity',
      /commodity of the network \(container\), got the string "oil"/,
    );
    await expectInvalid(
      criticality(input, { year: 2024, commodity: 5 as never }),
      'options.commodity',
      /got 5/,
    );
  });

  it('a known commodity ranks the same links as no commodity filter on a one-commodity network', async () => {
    const all = await criticality(input, { year: 2024, elements: 'links' });
    const container = await criticality(input, { year: 2024, elements: 'links', commodity: 'container' });
    expect(container.ranking.map((e) => e.id)).toEqual(all.ranking.map((e) => e.id));
    expect(container.ranking.length).toBeGreaterThan(0);
  });

  it('names options.scenario when the scenario is not a Scenario or is invalid', async () => {
    await expectInvalid(
      criticality(input, { year: 2024, scenario: 'cpc-closure' as never }),
      'options.scenario',
      /must be a Scenario/,
    );
    await expectInvalidDocument(
      criticality(input, { year: 2024, scenario: {} as never }),
      'options.scenario',
      ['id'],
    );
    await expectInvalidDocument(
      criticality(input, { year: 2024, scenario: scenario('bad', unknownCorridor) }),
      'options.scenario',
      ['operations', 0, 'target', 'corridors', 0],
    );
  });

  it('rejects a warm start (it warm-starts every removal from its own reference run)', async () => {
    const r = await simulate(input, undefined, { year: 2024 });
    await expectInvalid(
      criticality(input, { year: 2024, warmStart: r } as never),
      'options.warmStart',
      /not used by criticality/,
    );
  });
});

describe('project: argument checks', () => {
  it('rejects options that are not an object', async () => {
    for (const options of ['x', null, []]) {
      await expectInvalid(project(input, scenario('none'), [2024], options as never), 'options');
    }
  });

  it('requires a timeline and validates it under the name timeline', async () => {
    await expectInvalid(
      project(input, undefined as never, [2024]),
      'timeline',
      /must be a Scenario .*got undefined/,
    );
    await expectInvalidDocument(project(input, scenario('bad', unknownCorridor), [2024]), 'timeline', [
      'operations',
      0,
      'target',
      'corridors',
      0,
    ]);
  });

  it('checks every year, naming its index and value', async () => {
    await expectInvalid(
      project(input, scenario('none'), [0]),
      'years[0]',
      /integer year in 1000–9999, got 0/,
    );
    await expectInvalid(project(input, scenario('none'), [2024, 1e21]), 'years[1]', /got 1e\+21/);
    await expectInvalid(
      project(input, scenario('none'), [2024, '2025' as never]),
      'years[1]',
      /got the string "2025"/,
    );
  });

  it('rejects options.year and options.warmStart, which project sets itself', async () => {
    await expectInvalid(
      project(input, scenario('none'), [2024], { year: 2030 } as never),
      'options.year',
      /not used by project.*use years/,
    );
    const r = await simulate(input, undefined, { year: 2024 });
    await expectInvalid(
      project(input, scenario('none'), [2024], { warmStart: r } as never),
      'options.warmStart',
      /not used by project/,
    );
  });
});

describe('sweep: argument checks', () => {
  it('rejects options that are not an object', async () => {
    for (const options of ['x', null, []]) {
      await expectInvalid(
        sweep(input, (f: number) => scenario('s', ferryScale(f)), [1], options as never),
        'options',
      );
    }
  });

  it('names the value whose scenario is not a Scenario', async () => {
    await expectInvalid(
      sweep(input, () => null as never, [1, 2], { year: 2024 }),
      'makeScenario(values[0])',
      /must be a Scenario .*got null/,
    );
  });

  it('names the value whose scenario is invalid, with the path into that scenario', async () => {
    // factor 1 is fine, factor -1 is not: the second value built the bad scenario
    await expectInvalidDocument(
      sweep(input, (f: number) => scenario(`ferry-x${f}`, ferryScale(f)), [1, -1], { year: 2024 }),
      'makeScenario(values[1])',
      ['operations', 0, 'factor'],
    );
  });

  it('rejects options.warmStart, which sweep sets itself', async () => {
    const r = await simulate(input, undefined, { year: 2024 });
    await expectInvalid(
      sweep(input, (f: number) => scenario('s', ferryScale(f)), [1], { year: 2024, warmStart: r } as never),
      'options.warmStart',
      /not used by sweep/,
    );
  });
});

describe('attribute: argument checks', () => {
  const small = scenario('small', ferryScale(0.5), {
    kind: 'close-links',
    target: { links: ['almaty-moscow'] },
  });

  it('rejects options that are not an object instead of crashing on null', async () => {
    await expectInvalid(attribute(input, small, null as never), 'options', /got null/);
    await expectInvalid(attribute(input, small, 'x' as never), 'options');
  });

  it('rejects metrics that is not a function', async () => {
    await expectInvalid(
      attribute(input, small, { year: 2024, metrics: 'throughputTeu' as never }),
      'options.metrics',
      /must be a function.*got the string "throughputTeu"/,
    );
  });

  it('rejects metrics results that are not objects of finite numbers, naming the key and value', async () => {
    await expectInvalid(
      attribute(input, small, { year: 2024, metrics: () => ({ a: 'x' }) as never }),
      'options.metrics',
      /finite numbers; got the string "x" at key "a"/,
    );
    await expectInvalid(
      attribute(input, small, { year: 2024, metrics: () => ({ ok: 1, b: Number.NaN }) }),
      'options.metrics',
      /got NaN at key "b"/,
    );
    await expectInvalid(
      attribute(input, small, { year: 2024, metrics: () => null as never }),
      'options.metrics',
      /must return an object of finite numbers, got null/,
    );
  });

  it('custom finite metrics are attributed: contributions add up to the change between the two scenarios', async () => {
    const metrics = (r: { throughputTeu: number; unmetTeu: number }) => ({
      throughput: r.throughputTeu,
      unmet: r.unmetTeu,
    });
    const a = await attribute(input, small, { year: 2024, metrics });
    const before = await simulate(input, scenario('none'), { year: 2024 });
    const after = await simulate(input, small, { year: 2024 });
    expect(a.before.unmet).toBeCloseTo(before.unmetTeu, 3);
    expect(a.after.unmet).toBeCloseTo(after.unmetTeu, 3);
    const sum = a.contributions.reduce((s, c) => s + c.values.unmet!, 0);
    expect(sum).toBeCloseTo(after.unmetTeu - before.unmetTeu, 3);
  });

  it('validates base up front under options.base, with paths into the base itself', async () => {
    await expectInvalid(
      attribute(input, small, { year: 2024, base: 'baseline' as never }),
      'options.base',
      /must be a Scenario .*got the string/,
    );
    await expectInvalidDocument(
      attribute(input, small, { year: 2024, base: { operations: 5 } as never }),
      'options.base',
      ['operations'],
    );
    // reported as the base's own issue, not as one of a merged sub-scenario named "scenario"
    await expectInvalidDocument(
      attribute(input, small, { year: 2024, base: scenario('b', ferryScale(1), unknownCorridor) }),
      'options.base',
      ['operations', 1, 'target', 'corridors', 0],
    );
  });

  it('checks the seed up front, under options.seed, even when the attribution is exact', async () => {
    await expectInvalid(
      attribute(input, small, { year: 2024, seed: 1.5 }),
      'options.seed',
      /must be an integer, got 1\.5/,
    );
    await expectInvalid(
      attribute(input, small, { year: 2024, seed: 'abc' as never, maxExact: 0 }),
      'options.seed',
      /got the string "abc"/,
    );
  });

  it('rejects options.warmStart, which attribute sets itself', async () => {
    const r = await simulate(input, undefined, { year: 2024 });
    await expectInvalid(
      attribute(input, small, { year: 2024, warmStart: r } as never),
      'options.warmStart',
      /not used by attribute/,
    );
  });
});
