import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invalidArgument } from '../../test/support/expect-error.js';
import { ferryLink } from '../../test/support/ferry.js';
import { parseDemand } from '../data/demand-format.js';
import { parseNetwork } from '../data/network-format.js';
import { flowSegments } from '../model/demand.js';
import { ValidationError } from '../model/errors.js';
import { getLink, getNode, listLinks, listNodes } from '../model/network.js';
import type { Scenario, ScenarioOp } from '../model/scenario.js';
import { applyScenario, composeScenarios } from './apply.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const demand = parseDemand(read('two-corridors.demand.json'), network);
const scenario = (...operations: ScenarioOp[]): Scenario => ({ id: 't', name: 'test', operations });

describe('applyScenario', () => {
  it('the empty scenario is a no-op: same network object, equal demand', () => {
    const out = applyScenario(network, demand, scenario());
    expect(out.network).toBe(network);
    expect(out.demand).toEqual(demand);
    expect(out.log).toEqual([]);
  });

  it('shares the frozen flows no operation changes; copies and freezes unfrozen ones, not touching them', () => {
    const growth = scenario({ kind: 'demand-growth', factor: 2, origins: [demand.flows[0]!.origin] });
    const out = applyScenario(network, demand, growth);
    out.demand.flows.forEach((flow, i) => {
      const input = demand.flows[i]!;
      expect(Object.isFrozen(flow)).toBe(true);
      if (flow.origin === input.origin && input.origin === demand.flows[0]!.origin) {
        expect(flow).not.toBe(input);
        expect(flow.volumePerYear).toBe(input.volumePerYear * 2);
      } else expect(flow).toBe(input);
    });
    const unfrozen = { segments: [...demand.segments], flows: demand.flows.map((f) => ({ ...f })) };
    const copied = applyScenario(network, unfrozen, growth);
    copied.demand.flows.forEach((flow, i) => {
      expect(flow).not.toBe(unfrozen.flows[i]);
      expect(Object.isFrozen(flow)).toBe(true);
      expect(Object.isFrozen(unfrozen.flows[i])).toBe(false);
      expect(flow.id).toBe(unfrozen.flows[i]!.id);
    });
  });

  it('the new network keeps the records no operation changed, in their places, and adds new links last', () => {
    const [first] = listLinks(network);
    const ferry = ferryLink('new-ferry', first!.to, first!.from);
    const out = applyScenario(
      network,
      demand,
      scenario(
        { kind: 'surcharge', target: { links: [first!.id] }, costUsdPerUnit: 5 },
        { kind: 'add-link', link: ferry },
      ),
    );
    const before = listLinks(network);
    const after = listLinks(out.network);
    expect(after.map((l) => l.id)).toEqual([...before.map((l) => l.id), ferry.id]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]!.costUsdPerUnit).toBe(before[0]!.costUsdPerUnit + 5);
    for (let i = 1; i < before.length; i++) expect(after[i]).toBe(before[i]);
    expect(listNodes(out.network)).toEqual(listNodes(network));
    expect(Object.isFrozen(after[0]) && Object.isFrozen(after.at(-1))).toBe(true);
  });

  it('returns a demand whose flows and split segments are frozen copies', () => {
    const out = applyScenario(
      network,
      demand,
      scenario({ kind: 'avoid-country', country: 'RU', share: 0.5 }),
    );
    const flow = out.demand.flows[0]!;
    expect(() => {
      (flow as { volumePerYear: unknown }).volumePerYear = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (flow.segmentShares as Record<string, number>).standard = 2;
    }).toThrow(TypeError);
    const split = out.demand.segments.find((s) => s.id.includes('~'))!;
    expect(() => {
      (split.avoidCountries as string[]).push('KZ');
    }).toThrow(TypeError);
  });

  it('a returned demand holding parts of a caller’s unfrozen demand is checked again when passed back', () => {
    const own = structuredClone({ segments: demand.segments, flows: demand.flows });
    const out = applyScenario(network, own, scenario());
    // the caller edits its own object, which the returned demand shares
    (own.flows[0]!.segmentShares as Record<string, number>).standard = 5;
    expect(() => applyScenario(network, out.demand, scenario())).toThrow(ValidationError);
  });

  it('never mutates its inputs', () => {
    const before = JSON.stringify([network.graph.export(), demand]);
    applyScenario(
      network,
      demand,
      scenario(
        { kind: 'close-border', countries: ['BY', 'PL'] },
        { kind: 'scale-capacity', target: { nodes: ['aktau'] }, factor: 3 },
        { kind: 'surcharge', target: { countries: ['RU'] }, costUsdPerUnit: 100 },
        { kind: 'avoid-country', country: 'RU', share: 0.6 },
        { kind: 'demand-growth', factor: 2 },
      ),
    );
    expect(JSON.stringify([network.graph.export(), demand])).toBe(before);
  });

  it('close-border closes exactly the links whose countries list has the pair adjacent', () => {
    const out = applyScenario(network, demand, scenario({ kind: 'close-border', countries: ['PL', 'BY'] }));
    expect(out.log[0]!.links).toEqual(['brest-duisburg']);
    expect(getLink(out.network, 'brest-duisburg').status).toBe('closed');
    expect(getLink(out.network, 'moscow-brest').status).toBe('active');
  });

  it('a 13-day closure in 2025 removes 13/365 of the annual capacity (annual average); none in 2024', () => {
    const op: ScenarioOp = {
      kind: 'close-border',
      countries: ['BY', 'PL'],
      from: '2025-09-12',
      until: '2025-09-25',
    };
    const y2025 = applyScenario(network, demand, scenario(op), { year: 2025 });
    expect(getLink(y2025.network, 'brest-duisburg').capacityPerYear).toBeCloseTo(500_000 * (1 - 13 / 365), 6);
    const y2024 = applyScenario(network, demand, scenario(op), { year: 2024 });
    expect(getLink(y2024.network, 'brest-duisburg').capacityPerYear).toBe(500_000);
    const onDay = applyScenario(network, demand, scenario(op), { date: '2025-09-20' });
    expect(getLink(onDay.network, 'brest-duisburg').status).toBe('closed');
  });

  it('planned links open with the annual-average rule: half the capacity in the opening year when opening mid-year', () => {
    expect(
      getLink(applyScenario(network, demand, scenario(), { year: 2026 }).network, 'almaty-aktau-new').status,
    ).toBe('planned');
    const opening = getLink(
      applyScenario(network, demand, scenario(), { year: 2027 }).network,
      'almaty-aktau-new',
    );
    expect(opening.status).toBe('active');
    // opens 2027-06 (1 June): 214 of 365 days remain
    expect(opening.capacityPerYear).toBeCloseTo(150_000 * (214 / 365), 6);
    expect(
      getLink(applyScenario(network, demand, scenario(), { year: 2028 }).network, 'almaty-aktau-new')
        .capacityPerYear,
    ).toBe(150_000);
  });

  it('scale-capacity on a node scales its links and its handling capacity', () => {
    const out = applyScenario(
      network,
      demand,
      scenario({ kind: 'scale-capacity', target: { nodes: ['aktau'] }, factor: 5 }),
    );
    expect(getNode(out.network, 'aktau').handling?.container?.capacityPerYear).toBe(500_000);
    expect(getLink(out.network, 'aktau-baku').capacityPerYear).toBe(450_000);
    expect(getLink(out.network, 'almaty-aktau').capacityPerYear).toBe(750_000);
  });

  it('avoid-country makes the refusing share exactly the given share, segment by segment', () => {
    const out = applyScenario(
      network,
      demand,
      scenario({ kind: 'avoid-country', country: 'RU', share: 0.5 }),
    );
    const split = flowSegments(out.demand, out.demand.flows[0]!);
    const refusing = split
      .filter((s) => s.segment.avoidCountries?.includes('RU'))
      .reduce((a, s) => a + s.share, 0);
    expect(refusing).toBeCloseTo(0.5, 12);
    expect(split.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    // value of time is preserved by the split: both halves of 'standard' keep VOT 30
    expect(new Set(split.map((s) => s.segment.valueOfTimeUsdPerUnitDay))).toEqual(new Set([30]));
  });

  it('demand-growth compounds from the base year', () => {
    const out = applyScenario(
      network,
      demand,
      scenario({ kind: 'demand-growth', annualRate: 0.1, baseYear: 2022 }),
      { year: 2024 },
    );
    expect(out.demand.flows[0]!.volumePerYear).toBeCloseTo(300_000 * 1.21, 6);
  });

  it('surcharges on segments are recorded for the solvers, not written into the links', () => {
    const out = applyScenario(
      network,
      demand,
      scenario({
        kind: 'surcharge',
        target: { countries: ['RU'] },
        costUsdPerUnit: 250,
        segments: ['standard'],
      }),
    );
    expect(out.segmentSurcharges.map((s) => s.link)).toEqual(['almaty-moscow', 'moscow-brest']);
    expect(out.segmentSurcharges[0]!.segments).toEqual(['standard']);
    expect(getLink(out.network, 'almaty-moscow').costUsdPerUnit).toBe(900);
  });

  it('close-country spares links at the country’s own demand endpoints and closes transit links', () => {
    const out = applyScenario(network, demand, scenario({ kind: 'close-country', country: 'CN' }));
    // xian is an origin in CN: its link stays; khorgos-altynkol crosses CN without touching a CN endpoint of demand
    expect(getLink(out.network, 'xian-khorgos').status).toBe('active');
    expect(getLink(out.network, 'khorgos-altynkol').status).toBe('closed');
  });

  it('validates scenarios built in code: unknown ids and malformed operations are a ValidationError with the path', () => {
    expect(() =>
      applyScenario(network, demand, scenario({ kind: 'close-nodes', nodes: ['atlantis'] })),
    ).toThrow(ValidationError);
    expect(() =>
      applyScenario(network, demand, scenario({ kind: 'add-link', link: { id: 'ghost' } })),
    ).toThrow(/\$\.operations\[0\]\.link\.id: link "ghost" does not exist/);
    expect(() =>
      applyScenario(network, demand, scenario({ kind: 'close-links', target: 5 } as never)),
    ).toThrow(/\$\.operations\[0\]\.target/);
    expect(() => applyScenario(null as never, demand, scenario())).toThrow(/network must be a Network/);
    expect(() => applyScenario(network, { flows: 'x' } as never, scenario())).toThrow(ValidationError);
  });

  it('composeScenarios applies operations in order', () => {
    const a = scenario({ kind: 'scale-capacity', target: { links: ['aktau-baku'] }, factor: 2 });
    const b = scenario({ kind: 'set-capacity', target: { links: ['aktau-baku'] }, capacityPerYear: 1000 });
    expect(
      getLink(applyScenario(network, demand, composeScenarios('ab', a, b)).network, 'aktau-baku')
        .capacityPerYear,
    ).toBe(1000);
    expect(
      getLink(applyScenario(network, demand, composeScenarios('ba', b, a)).network, 'aktau-baku')
        .capacityPerYear,
    ).toBe(2000);
  });
});

describe('applyScenario options', () => {
  // BY–PL closed for January and February 2024
  const dated = scenario({
    kind: 'close-border',
    countries: ['BY', 'PL'],
    from: '2024-01-01',
    until: '2024-03-01',
  });
  const closed = (options: object) =>
    getLink(applyScenario(network, demand, dated, options as never).network, 'brest-duisburg').status;

  it('a real date in the closure applies it in full (2024 is a leap year: 29 February exists)', () => {
    expect(closed({ date: '2024-02-29' })).toBe('closed');
    expect(closed({ date: '2024-03-01' })).toBe('active');
  });

  it.each([
    ['2024-13-45', 'the string "2024-13-45"'],
    ['2024-02-31', 'the string "2024-02-31"'],
    ['2023-02-29', 'the string "2023-02-29"'],
    ['2024-00-00', 'the string "2024-00-00"'],
    ['0999-06-01', 'the string "0999-06-01"'],
    ['24-02-15', 'the string "24-02-15"'],
    [20240215, '20240215'],
  ])('date %s is an InvalidArgumentError naming the value', (date, shown) => {
    const error = invalidArgument(() => closed({ date }));
    expect(error.argument).toBe('options.date');
    expect(error.message).toContain(`got ${shown}`);
  });

  it.each([
    [0, '0'],
    [-5000, '-5000'],
    [999, '999'],
    [10_000, '10000'],
    [1e21, '1e+21'],
    [2024.5, '2024.5'],
    [Number.NaN, 'NaN'],
    ['2024', 'the string "2024"'],
    [null, 'null'],
  ])('year %s is an InvalidArgumentError naming the value and the range', (year, shown) => {
    const error = invalidArgument(() => closed({ year }));
    expect(error.argument).toBe('options.year');
    expect(error.message).toContain('1000–9999');
    expect(error.message).toContain(`got ${shown}`);
  });

  it('options that are not an object, unknown option keys, and year with date are InvalidArgumentErrors', () => {
    expect(invalidArgument(() => closed([])).message).toMatch(/options must be an object, got an array/);
    expect(invalidArgument(() => applyScenario(network, demand, dated, null as never)).argument).toBe(
      'options',
    );
    const typo = invalidArgument(() => closed({ yaer: 2024 }));
    expect(typo.argument).toBe('options.yaer');
    expect(typo.message).toMatch(/did you mean year\?/);
    const both = invalidArgument(() => closed({ year: 2024, date: '2024-02-01' }));
    expect(both.argument).toBe('options');
    expect(both.message).toMatch(/year or date, not both/);
  });
});

describe('composeScenarios arguments', () => {
  it('an empty id, a non-object scenario or one without an operations array is an InvalidArgumentError', () => {
    const a = scenario({ kind: 'close-border', countries: ['BY', 'PL'] });
    expect(invalidArgument(() => composeScenarios('', a)).argument).toBe('id');
    expect(invalidArgument(() => composeScenarios('c', a, null as never)).argument).toBe('scenarios[1]');
    expect(invalidArgument(() => composeScenarios('c', {} as never)).argument).toBe(
      'scenarios[0].operations',
    );
  });
});

describe('applyScenario: operations on what a dated add-link adds', () => {
  const port = {
    kind: 'add-link',
    from: '2027',
    nodes: [
      {
        id: 'kuryk-new',
        name: 'Kuryk (new)',
        country: 'KZ',
        kind: 'port',
        lat: 43.2,
        lon: 51.6,
        handling: { container: { capacityPerYear: 50000 } },
      },
    ],
    link: ferryLink('kuryk-new-baku', 'kuryk-new', 'baku'),
  } as ScenarioOp;
  const onIt: ScenarioOp[] = [
    { kind: 'scale-capacity', target: { nodes: ['kuryk-new'] }, factor: 2 },
    { kind: 'surcharge', target: { links: ['kuryk-new-baku'] }, costUsdPerUnit: 50 },
    { kind: 'close-nodes', nodes: ['kuryk-new'], from: '2029' },
  ];

  it('before the add-link is in effect they change nothing (and do not throw)', () => {
    const out = applyScenario(network, demand, scenario(port, ...onIt), { year: 2024 });
    expect(out.network.graph.hasNode('kuryk-new')).toBe(false);
    expect(out.network.graph.hasEdge('kuryk-new-baku')).toBe(false);
  });

  it('a link to the added node, or the added link opened by id, waits for the add-link too (found by the kit)', () => {
    const spur = {
      kind: 'add-link',
      link: { ...(port as { link: object }).link, id: 'spur', from: 'aktau', to: 'kuryk-new' },
    } as ScenarioOp;
    const reopen: ScenarioOp = { kind: 'add-link', link: { id: 'kuryk-new-baku' } };
    const before = applyScenario(network, demand, scenario(port, spur, reopen), { year: 2024 });
    expect(before.network.graph.hasEdge('spur')).toBe(false);
    const after = applyScenario(network, demand, scenario(port, spur, reopen), { year: 2028 });
    expect(getLink(after.network, 'spur').to).toBe('kuryk-new');
    expect(getLink(after.network, 'kuryk-new-baku').status).toBe('active');
  });

  it('once it is, they apply to the added node and link', () => {
    const out = applyScenario(network, demand, scenario(port, ...onIt), { year: 2028 });
    expect(getNode(out.network, 'kuryk-new').handling?.container?.capacityPerYear).toBe(100000);
    expect(getLink(out.network, 'kuryk-new-baku').costUsdPerUnit).toBe(150);
    const closed = applyScenario(network, demand, scenario(port, ...onIt), { year: 2030 });
    expect(getLink(closed.network, 'kuryk-new-baku').status).toBe('closed');
  });
});
