import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../../../test/support/expect-error.js';
import { parseDemand } from '../../data/demand-format.js';
import { parseNetwork } from '../../data/network-format.js';
import type { Demand } from '../../model/demand.js';
import { isCorridorSimError, ValidationError } from '../../model/errors.js';
import { diffResults } from '../diffResults.js';
import { scaleInput } from '../scaleInput.js';
import { checkCapacities } from './capacity.js';
import { assertResult, checkResult } from './checkResult.js';
import { compiledArcs } from './compiledArcs.js';
import { checkConservation } from './conservation.js';
import { checkEquilibrium } from './equilibrium.js';
import { checkNonNegative } from './nonNegative.js';
import { checkOdBalance } from './odBalance.js';
import { checkPaths } from './paths.js';
import { checkShares } from './shares.js';
import { type CheckableResult, InvariantError } from './types.js';

// A tiny named network. Two parallel links a→b (rail with the default BPR, road with a constant
// time), b→c into Russia (c unsplit, with dwell and handling cost charged on arrival), and b→t→c
// through a terminal whose handling capacity splits it (arc 5 is its node arc).
const NODES = [
  { id: 'a', name: 'A', country: 'KZ', kind: 'city', lon: 0, lat: 0 },
  { id: 'b', name: 'B', country: 'KZ', kind: 'city', lon: 1, lat: 0 },
  {
    id: 'c',
    name: 'C',
    country: 'RU',
    kind: 'city',
    lon: 2,
    lat: 0,
    dwellDays: 0.5,
    handling: { container: { costUsdPerUnit: 3, dwellDays: 0.25 } },
  },
  {
    id: 't',
    name: 'T',
    country: 'KZ',
    kind: 'terminal',
    lon: 1,
    lat: 1,
    dwellDays: 1,
    handling: { container: { capacityPerYear: 100, costUsdPerUnit: 5 } },
  },
];
const link = (id: string, from: string, to: string, extra: Record<string, unknown>) => ({
  id,
  from,
  to,
  mode: 'rail',
  commodity: 'container',
  distanceKm: 100,
  countries: ['KZ'],
  status: 'active',
  ...extra,
});
const LINKS = [
  link('ab1', 'a', 'b', { capacityPerYear: 100, transitDays: 2, costUsdPerUnit: 10 }),
  link('ab2', 'a', 'b', {
    mode: 'road',
    capacityPerYear: 50,
    transitDays: 1,
    costUsdPerUnit: 30,
    vdf: { kind: 'constant' },
  }),
  link('bc', 'b', 'c', { capacityPerYear: 200, transitDays: 1, costUsdPerUnit: 0, countries: ['KZ', 'RU'] }),
  link('bt', 'b', 't', { capacityPerYear: 200, transitDays: 1, costUsdPerUnit: 7 }),
  link('tc', 't', 'c', { transitDays: 0.1, costUsdPerUnit: 0, countries: ['KZ', 'RU'] }),
];
const network = parseNetwork({
  format: 'corridor-sim/network',
  version: 1,
  meta: { name: 'tiny' },
  nodes: NODES,
  links: LINKS,
});
const demand = parseDemand(
  {
    format: 'corridor-sim/demand',
    version: 1,
    segments: [{ id: 's', name: 'S', valueOfTimeUsdPerUnitDay: 10 }],
    flows: [{ id: 'f0', origin: 'a', destination: 'b', commodity: 'container', volumePerYear: 120 }],
  },
  network,
);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The equilibrium by hand: 80 on ab1 at 3 days (10 + 10 × 3 = 40 USD), 40 on ab2 at 1 day
 * (30 + 10 × 1 = 40 USD): both used paths cost 40, the gap is 0.
 */
function equilibrium(): Mutable<CheckableResult> {
  return {
    solver: 'equilibrium',
    links: [
      { id: 'ab1', commodity: 'container', flow: 80, capacity: 100, timeDays: 3 },
      { id: 'ab2', commodity: 'container', flow: 40, capacity: 50, timeDays: 1 },
      { id: 'bc', commodity: 'container', flow: 0, capacity: 200, timeDays: 1.75 },
      { id: 'bt', commodity: 'container', flow: 0, capacity: 200, timeDays: 1 },
      { id: 'tc', commodity: 'container', flow: 0, capacity: Number.POSITIVE_INFINITY, timeDays: 0.85 },
    ],
    nodes: [{ id: 't', utilization: { container: 0 }, timeDays: { container: 1 } }],
    corridors: [{ id: 'other', commodity: 'container', volume: 120, share: 1 }],
    ods: [
      {
        id: 'f0',
        origin: 'a',
        destination: 'b',
        commodity: 'container',
        demand: 120,
        delivered: 120,
        unmet: 0,
        corridorShares: { other: 1 },
        countryShares: { KZ: 1 },
      },
    ],
    paths: [
      { flowId: 'f0', segmentId: 's', volume: 80, arcs: [0] },
      { flowId: 'f0', segmentId: 's', volume: 40, arcs: [1] },
    ],
    convergence: { relativeGap: 0 },
    applied: { network, demand },
  };
}

function withLink(result: CheckableResult, id: string, change: Record<string, number>): CheckableResult {
  return { ...result, links: result.links.map((l) => (l.id === id ? { ...l, ...change } : l)) };
}

const subjects = (violations: readonly { invariant: string; subject: string }[]) =>
  violations.map((v) => `${v.invariant} ${v.subject}`);

describe('compiledArcs', () => {
  it('numbers links first, then node arcs; charges unsplit heads on the arriving link', () => {
    const arcs = compiledArcs(network);
    expect(arcs.map((a) => (a.kind === 'link' ? a.link.id : `node ${a.node}`))).toEqual([
      'ab1',
      'ab2',
      'bc',
      'bt',
      'tc',
      'node t',
    ]);
    // bc arrives at unsplit c: 0 + handling 3 USD, 1 + dwell 0.5 + handling dwell 0.25 days.
    expect([arcs[2]!.costUsd, arcs[2]!.freeFlowDays]).toEqual([3, 1.75]);
    // bt arrives at split t: its handling and dwell are on the node arc.
    expect([arcs[3]!.costUsd, arcs[3]!.freeFlowDays]).toEqual([7, 1]);
    expect(arcs[5]).toMatchObject({
      kind: 'node',
      node: 't',
      costUsd: 5,
      freeFlowDays: 1,
      capacityPerYear: 100,
    });
  });
});

describe('checkResult on a hand-made equilibrium', () => {
  it('finds nothing wrong with the exact equilibrium', () => {
    expect(checkResult(equilibrium())).toEqual([]);
    expect(() => assertResult(equilibrium())).not.toThrow();
  });

  it('assertResult throws one InvariantError listing every violation', () => {
    const broken = withLink(equilibrium(), 'ab1', { flow: -1 });
    let caught: unknown;
    try {
      assertResult(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvariantError);
    const violations = (caught as InvariantError).violations;
    expect(subjects(violations)).toContain('non-negative link ab1');
    expect((caught as Error).message).toMatch(
      /^corridor-sim\/testing: \d+ invariant violations:\n {2}non-negative at link ab1: flow is -1/,
    );
  });
});

describe('checkEquilibrium', () => {
  it('recomputes the relative gap: ab1 at 4 days costs 50 against 40, gap = 80 × 10 / (120 × 40) = 1/6', () => {
    const result = withLink(equilibrium(), 'ab1', { timeDays: 4 });
    for (const weighting of ['time', 'money'] as const) {
      const [v, ...rest] = checkEquilibrium(result, { weighting });
      expect(rest).toEqual([]);
      expect(v!.subject).toBe('result');
      expect(v!.actual).toBeCloseTo(1 / 6, 12);
      expect(v!.message).toContain('flow f0/s: path ab1 costs 50 vs cheapest 40');
    }
    expect(checkEquilibrium({ ...result, convergence: { relativeGap: 0.2 } })).toEqual([]);
    expect(
      subjects(checkEquilibrium({ ...result, convergence: { relativeGap: 0.2 } }, { pathTolerance: 0.1 })),
    ).toEqual(['equilibrium flow f0/s']);
  });

  it("holds every used path to the solver's reported maxPathExcess (ab1 is 25 % above the cheapest)", () => {
    const result = withLink(equilibrium(), 'ab1', { timeDays: 4 });
    const claiming = (maxPathExcess: number) => ({
      ...result,
      convergence: { relativeGap: 0.2, maxPathExcess },
    });
    expect(checkEquilibrium(claiming(0.25))).toEqual([]);
    const [v, ...rest] = checkEquilibrium(claiming(0.2));
    expect(rest).toEqual([]);
    expect(v!.subject).toBe('flow f0/s');
    expect(v!.message).toMatch(/used path ab1 costs 50, above the cheapest 40 by more than 20\.2 %/);
    // a tolerance of the caller's own replaces the claim
    expect(checkEquilibrium(claiming(0.2), { pathTolerance: 0.3 })).toEqual([]);
  });

  it('prices segment surcharges: 15 USD on ab2 for segment s gives gap 40 × 15 / (120 × 40) = 0.125', () => {
    const surcharges = [{ segments: ['s'], link: 'ab2', costUsdPerUnit: 15, transitDays: 0 }];
    const [v] = checkEquilibrium(equilibrium(), { segmentSurcharges: surcharges });
    expect(v!.actual).toBeCloseTo(0.125, 12);
    expect(
      checkEquilibrium(equilibrium(), { segmentSurcharges: [{ ...surcharges[0]!, segments: ['other'] }] }),
    ).toEqual([]);
  });

  it('reports a used path cheaper than every allowed path (the segment avoids ab2)', () => {
    const avoiding: Demand = { ...demand, segments: [{ ...demand.segments[0]!, avoidLinks: ['ab2'] }] };
    const result = {
      ...withLink(equilibrium(), 'ab1', { timeDays: 4 }),
      applied: { network, demand: avoiding },
    };
    const messages = checkEquilibrium(result).map((v) => v.message);
    expect(messages[0]).toMatch(/path ab2 costs 40, less than the cheapest allowed path 50/);
    expect(subjects(checkPaths(result))).toEqual(['paths path 1 (flow f0/s)']);
  });

  it('holds value-of-time-0 segments to money-cheapest paths whatever the reported gap', () => {
    const free: Demand = { ...demand, segments: [{ ...demand.segments[0]!, valueOfTimeUsdPerUnitDay: 0 }] };
    const result = { ...equilibrium(), applied: { network, demand: free }, convergence: { relativeGap: 1 } };
    // ab1 costs 10 USD, ab2 30 USD: the 40 TEU on ab2 are on a dearer path.
    const [v, ...rest] = checkEquilibrium(result);
    expect(rest).toEqual([]);
    expect(v!.message).toMatch(/used path ab2 costs 30, above the cheapest 10 \(value of time 0/);
  });

  it('uses reported node times: the path around the queueing terminal t is the cheapest', () => {
    // g: a→c, 10 TEU on ab1,bc: 10 + 3 USD + 10 × (3 + 5) days = 93 USD. Through t (ab1,bt,[t],tc):
    // 25 USD + 10 × (3 + 1 + t + 0.85) days = 273.5 USD with t's reported 20 days of queue, but only
    // 83.5 USD at its free-flow dwell of 1 day, which would make the used path 11 % dearer.
    const toC = parseDemand(
      {
        format: 'corridor-sim/demand',
        version: 1,
        segments: [{ id: 's', name: 'S', valueOfTimeUsdPerUnitDay: 10 }],
        flows: [{ id: 'g', origin: 'a', destination: 'c', commodity: 'container', volumePerYear: 10 }],
      },
      network,
    );
    const base = withLink(withLink(equilibrium(), 'ab1', { flow: 10 }), 'bc', { flow: 10, timeDays: 5 });
    const result: CheckableResult = {
      ...base,
      links: base.links.map((l) => (l.id === 'ab2' ? { ...l, flow: 0 } : l)),
      nodes: [{ id: 't', utilization: { container: 0.9 }, timeDays: { container: 20 } }],
      corridors: [{ id: 'other', commodity: 'container', volume: 10, share: 1 }],
      ods: [
        {
          ...base.ods[0]!,
          id: 'g',
          destination: 'c',
          demand: 10,
          delivered: 10,
          countryShares: { KZ: 1, RU: 1 },
        },
      ],
      paths: [{ flowId: 'g', segmentId: 's', volume: 10, arcs: [0, 2] }],
      applied: { network, demand: toC },
    };
    expect(checkResult(result)).toEqual([]);
    const [v] = checkEquilibrium({ ...result, nodes: [] });
    expect(v!.actual).toBeCloseTo((93 - 83.5) / 83.5, 12);
    expect(checkEquilibrium(result, { nodeTimeDays: (arc) => arc.freeFlowDays })).toHaveLength(1);
  });
});

describe('checkConservation', () => {
  it('names both ends of a link carrying 10 too many, with the sums', () => {
    const violations = checkConservation(withLink(equilibrium(), 'ab1', { flow: 90 }));
    expect(violations.map((v) => [v.subject, v.expected, v.actual])).toEqual([
      ['node b/container', 120, 130],
      ['node a/container', -120, -130],
    ]);
    expect(violations[0]!.message).toBe(
      'inflow − outflow = 130 (in 130, out 0) but delivered to − from the node = 120 (to 120, from 0)',
    );
  });

  it('accepts differences within the tolerance and reports links missing from the network', () => {
    expect(checkConservation(withLink(equilibrium(), 'ab1', { flow: 80 + 1e-7 }))).toEqual([]);
    const result = equilibrium();
    result.links = [
      ...result.links,
      { id: 'ghost', commodity: 'container', flow: 0, capacity: 1, timeDays: 0 },
    ];
    expect(subjects(checkConservation(result))).toEqual(['conservation link ghost']);
  });
});

describe('checkCapacities', () => {
  it('strict: flow above capacity is a violation; delay: only when no delay is reported', () => {
    const over = withLink(withLink(equilibrium(), 'ab1', { flow: 120, timeDays: 3 }), 'ab2', { flow: 60 });
    expect(subjects(checkCapacities(over, { mode: 'strict' }))).toEqual([
      'capacity link ab1',
      'capacity link ab2',
    ]);
    // ab1 (BPR) reports 3 > 2 free-flow days; ab2 has a constant time and cannot report delay.
    expect(checkCapacities(over, { mode: 'delay' })).toEqual([]);
    expect(checkCapacities(over)).toEqual([]); // solver 'equilibrium' → delay
    const noDelay = withLink(over, 'ab1', { timeDays: 2 });
    expect(checkCapacities(noDelay).map((v) => v.message)).toEqual([
      'carries 120, above its capacity 100, but reports no delay (2 days = free flow, bpr volume-delay)',
    ]);
    const faster = withLink(equilibrium(), 'ab1', { timeDays: 1.5 });
    expect(checkCapacities(faster).map((v) => v.message)).toEqual([
      'reports 1.5 days, below its free-flow time 2 days',
    ]);
  });

  it('closed links and zero capacities carry nothing; node handling is checked in strict mode', () => {
    const closed = withLink(equilibrium(), 'bc', { flow: 10, capacity: 0 });
    expect(subjects(checkCapacities(closed, { mode: 'delay' }))).toEqual(['capacity link bc']);
    const busy = {
      ...equilibrium(),
      solver: 'min-cost',
      nodes: [{ id: 't', utilization: { container: 1.2 } }],
    };
    expect(checkCapacities(busy).map((v) => v.message)).toEqual(['handles 1.2 × its handling capacity 100']);
  });
});

describe('checkOdBalance, checkShares, checkNonNegative, checkPaths', () => {
  it('OD balance: delivered + unmet ≠ demand, demand ≠ applied demand, paths ≠ delivered', () => {
    const base = equilibrium();
    const od = base.ods[0]!;
    expect(checkOdBalance({ ...base, ods: [{ ...od, unmet: 5 }] }).map((v) => v.message)).toEqual([
      'delivered 120 + unmet 5 = 125, not the demand 120',
    ]);
    expect(
      checkOdBalance({ ...base, ods: [{ ...od, demand: 100, delivered: 100 }] }).map((v) => v.message),
    ).toEqual([
      'reports demand 100, but the applied demand is 120',
      'its paths carry 120, but it reports 100 delivered',
    ]);
  });

  it('shares: corridor shares, OD corridor shares, endpoint country shares, segment shares', () => {
    const base = equilibrium();
    const od = base.ods[0]!;
    expect(
      subjects(
        checkShares({
          ...base,
          corridors: [{ id: 'other', commodity: 'container', volume: 120, share: 0.9 }],
        }),
      ),
    ).toEqual(['shares corridor other/container', 'shares commodity container']);
    expect(
      checkShares({
        ...base,
        ods: [{ ...od, corridorShares: { other: 0.5 }, countryShares: { KZ: 0.5 } }],
      }).map((v) => v.message),
    ).toEqual([
      'corridor shares sum to 0.5, not 1 ({"other":0.5})',
      'country share of KZ (the country of a) is 0.5, but every path touches it',
      'country share of KZ (the country of b) is 0.5, but every path touches it',
    ]);
    const badShares: Demand = {
      segments: demand.segments,
      flows: [{ ...demand.flows[0]!, segmentShares: { s: 0.7, x: 0.2 } }],
    };
    expect(checkShares({ ...base, applied: { network, demand: badShares } }).map((v) => v.message)).toEqual([
      'segment share names unknown segment "x"',
      'segment shares sum to 0.9, not 1',
    ]);
  });

  it('non-negative: negative and NaN volumes and times', () => {
    const result = withLink(withLink(equilibrium(), 'ab1', { flow: -3 }), 'bc', { timeDays: Number.NaN });
    expect(checkNonNegative(result).map((v) => `${v.subject}: ${v.message}`)).toEqual([
      'link ab1: flow is -3, not a finite volume ≥ 0',
      'link bc: timeDays is NaN, not a time ≥ 0',
    ]);
  });

  it('paths: broken walks, wrong ends, unknown arcs, node arcs elsewhere, links in another order', () => {
    const base = equilibrium();
    const path = (arcs: number[]) => ({
      ...base,
      paths: [{ flowId: 'f0', segmentId: 's', volume: 120, arcs }],
    });
    expect(checkPaths(path([2])).map((v) => v.message)).toEqual([
      'step 0 is link bc from b, but the walk is at a',
    ]);
    expect(checkPaths(path([0, 2])).map((v) => v.message)).toEqual(['ends at c, not at the destination b']);
    expect(checkPaths(path([9])).map((v) => v.message)).toEqual(['arc 9 (step 0) does not exist (6 arcs)']);
    expect(checkPaths(path([5, 0])).map((v) => v.message)).toEqual([
      'step 0 is the container handling of t, but the walk is at a with container',
    ]);
    const swapped = { ...base, links: [base.links[1]!, base.links[0]!, ...base.links.slice(2)] };
    expect(subjects(checkPaths(swapped))).toEqual(['paths result.links']);
  });

  it('bad arguments throw InvalidArgumentError, not TypeError', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isCorridorSimError(error) ? error.code : String(error);
      }
      return 'no error';
    };
    expect(code(() => checkConservation(null as never))).toBe('invalid-argument');
    expect(code(() => checkResult({ links: [], ods: [] } as never))).toBe('invalid-argument');
    expect(code(() => checkNonNegative(equilibrium(), { absoluteTolerance: -1 }))).toBe('invalid-argument');
    expect(code(() => checkCapacities(equilibrium(), { mode: 'loose' as never }))).toBe('invalid-argument');
    expect(code(() => checkEquilibrium(equilibrium(), { weighting: 'tons' as never }))).toBe(
      'invalid-argument',
    );
    expect(code(() => checkResult(equilibrium(), { skip: ['everything' as never] }))).toBe(
      'invalid-argument',
    );
  });
});

describe('diffResults and scaleInput', () => {
  it('diffResults compares numbers within tolerance, skips ignored paths, treats NaN and ±0 as equal', () => {
    const a = {
      x: [1, 2, Number.NaN],
      y: { z: 0, t: 'a' },
      convergence: { seconds: 1 },
      m: new Float64Array([1]),
    };
    const b = {
      x: [1, 2.5, Number.NaN],
      y: { z: -0, t: 'b' },
      convergence: { seconds: 9 },
      m: new Float64Array([2]),
    };
    expect(diffResults(a, b)).toEqual([
      { path: 'x.1', a: '2', b: '2.5' },
      { path: 'y.t', a: '"a"', b: '"b"' },
      { path: 'm.0', a: '1', b: '2' },
    ]);
    expect(diffResults(a, b, { absoluteTolerance: 1, ignore: ['y', 'convergence', 'm'] })).toEqual([]);
    expect(
      diffResults({ l: [{ t: 1 }, { t: 2 }] }, { l: [{ t: 3 }, { t: 4 }] }, { ignore: ['l.*.t'] }),
    ).toEqual([]);
    expect(diffResults([1, 2, 3], [1, 2])).toEqual([{ path: '(root).length', a: '3', b: '2' }]);
  });

  it('scaleInput multiplies capacities (links and handling) and volumes by k, nothing else', () => {
    const scaled = scaleInput({ network, demand }, 2.5);
    expect(scaled.network.graph.getEdgeAttribute('ab1', 'capacityPerYear')).toBe(250);
    expect(scaled.network.graph.getEdgeAttribute('ab1', 'costUsdPerUnit')).toBe(10);
    expect(scaled.network.graph.getNodeAttribute('t', 'handling')?.container?.capacityPerYear).toBe(250);
    expect(scaled.demand.flows[0]!.volumePerYear).toBe(300);
    expect(network.graph.getEdgeAttribute('ab1', 'capacityPerYear')).toBe(100);
    expect(() => scaleInput({ network, demand }, 0)).toThrow(/k must be a finite number > 0, got 0/);
    // its flows are frozen copies: they cannot be edited past the validation they carry
    expect(() => {
      (scaled.demand.flows[0] as { volumePerYear: number }).volumePerYear = -1;
    }).toThrow(TypeError);
  });
});

describe('bad options of the testing kit are InvalidArgumentErrors naming the option and the value', () => {
  it('diffResults: limit must be an integer ≥ 1 (0 or below would report "no differences" for 1 vs 2)', () => {
    // two differences, so limit 1 must cut the list to the first
    expect(diffResults({ a: 1, b: 1 }, { a: 2, b: 2 }, { limit: 1 })).toEqual([
      { path: 'a', a: '1', b: '2' },
    ]);
    for (const [limit, shown] of [
      [-1, '-1'],
      [0, '0'],
      [Number.NaN, 'NaN'],
      [1.5, '1.5'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      ['3', 'the string "3"'],
      [null, 'null'],
    ] as const) {
      const error = invalidArgument(() => diffResults(1, 2, { limit: limit as number }));
      expect(error.argument).toBe('options.limit');
      expect(error.message).toContain(`must be an integer ≥ 1, got ${shown}`);
    }
  });

  it('diffResults: ignore must be an array of non-empty dotted paths', () => {
    const error = invalidArgument(() => diffResults(1, 2, { ignore: 'applied' as never }));
    expect(error.argument).toBe('options.ignore');
    expect(error.message).toContain('must be an array of dotted paths, got the string "applied"');
    expect(invalidArgument(() => diffResults(1, 2, { ignore: ['a', 5 as never] })).argument).toBe(
      'options.ignore[1]',
    );
    expect(invalidArgument(() => diffResults(1, 2, { absoluteTolerance: '1' as never })).message).toContain(
      'got the string "1"',
    );
    expect(invalidArgument(() => diffResults(1, 2, [] as never)).argument).toBe('options');
    // null is not "the default": it is a wrong value
    expect(invalidArgument(() => diffResults(1, 2, { ignore: null as never })).argument).toBe(
      'options.ignore',
    );
    expect(invalidArgument(() => diffResults(1, 2, { relativeTolerance: null as never })).argument).toBe(
      'options.relativeTolerance',
    );
  });

  it('checkResult: skip must be an array of invariant names, not a string read letter by letter', () => {
    const error = invalidArgument(() => checkResult(equilibrium(), { skip: 'capacity' as never }));
    expect(error.argument).toBe('checkResult: options.skip');
    expect(error.message).toContain('must be an array of invariant names');
    expect(error.message).toContain('got the string "capacity"');
    expect(
      invalidArgument(() => checkResult(equilibrium(), { skip: ['capacity', 'capcity' as never] })).argument,
    ).toBe('checkResult: options.skip[1]');
    expect(invalidArgument(() => checkResult(equilibrium(), [] as never)).message).toContain(
      'must be an object, got an array',
    );
  });

  it('compiledArcs names the type of a value that is not a Network', () => {
    expect(invalidArgument(() => compiledArcs('eurasia' as never)).message).toContain(
      'got the string "eurasia"',
    );
  });

  it('checker tolerances and equilibrium options name the type of a wrong value', () => {
    expect(
      invalidArgument(() => checkNonNegative(equilibrium(), { absoluteTolerance: '0.1' as never })).message,
    ).toContain('got the string "0.1"');
    expect(invalidArgument(() => checkNonNegative(equilibrium(), [] as never)).argument).toBe(
      'checkNonNegative: options',
    );
    // '1' >= 0 is true in JavaScript: the string used to be accepted
    const path = invalidArgument(() => checkEquilibrium(equilibrium(), { pathTolerance: '1' as never }));
    expect(path.argument).toBe('checkEquilibrium: options.pathTolerance');
    expect(path.message).toContain('got the string "1"');
  });

  it('scaleInput checks input.demand: missing, not an object, or malformed', () => {
    const missing = invalidArgument(() => scaleInput({ network } as never, 2));
    expect(missing.argument).toBe('input.demand');
    expect(invalidArgument(() => scaleInput({ network, demand: null } as never, 2)).argument).toBe(
      'input.demand',
    );
    const malformed = {
      segments: [],
      flows: [{ id: 'f', origin: 'a', destination: 'nowhere', commodity: 'container', volumePerYear: 1 }],
    };
    expect(() => scaleInput({ network, demand: malformed } as never, 2)).toThrow(ValidationError);
    expect(() => scaleInput({ network, demand: malformed } as never, 2)).toThrow(/input\.demand/);
    expect(invalidArgument(() => scaleInput({ network, demand }, '2' as never)).message).toContain(
      'got the string "2"',
    );
  });
});
