/**
 * Bad command-line arguments: every bad flag value ends with exit code 2 and a message that names the
 * flag and quotes the raw text, before any dataset is simulated (bad-input audit A4, A8, A13–A16, C3).
 */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadScenario } from '../src/data/scenarios.js';
import { ferryLink } from './support/ferry.js';

/** Run the CLI in-process; returns the exit code, standard output and standard error. */
async function cli(argv: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const quote = (text: string) => JSON.stringify(text);

describe('number flags are strict decimals (A13, A14, A15)', () => {
  const cases: [string[], string, string][] = [
    [['run', '--year', ''], '--year', ''],
    [['run', '--year', ' '], '--year', ' '],
    [['run', '--year', '0x7e7'], '--year', '0x7e7'],
    [['run', '--year', '1e21'], '--year', '1e21'],
    [['run', '--year', '0'], '--year', '0'],
    [['run', '--year=-5000'], '--year', '-5000'],
    [['run', '--year', '10000'], '--year', '10000'],
    [['run', '--year', 'soon'], '--year', 'soon'],
    [['run', '--year', '2023', '--gap', ''], '--gap', ''],
    [['run', '--year', '2023', '--gap', 'Infinity'], '--gap', 'Infinity'],
    [['run', '--year', '2023', '--gap', '0x1'], '--gap', '0x1'],
    [['run', '--year', '2023', '--gap=-0.1'], '--gap', '-0.1'],
    [['run', '--solver', 'magic'], '--solver', 'magic'],
    [['compare', '--scenario', 'cpc-closure', '--year', ''], '--year', ''],
    [['criticality', '--year', '1e21'], '--year', '1e21'],
    [['criticality', '--top', '0x10'], '--top', '0x10'],
    [['criticality', '--top', ''], '--top', ''],
    [['start', '--year', '0'], '--year', '0'],
    [['sweep', '--parameter', 'demand', '--values', '1', '--year', ' '], '--year', ' '],
    [['project', '--years', '2024', '--gap', 'Infinity'], '--gap', 'Infinity'],
  ];
  it.each(cases)('%j exits 2 naming %s and %j', async (argv, flag, raw) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${flag} must be `);
    expect(err).toContain(`got ${quote(raw)}`);
  });

  it('years are checked against the range of model/dates (requireYear)', async () => {
    const { err } = await cli(['run', '--year', '999']);
    expect(err).toContain('--year must be an integer year in 1000–9999, got "999"');
  });

  it('a plain decimal --gap with an exponent is accepted and honoured', async () => {
    const { code, out } = await cli(['run', '--year', '2023', '--gap', '1e-3', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.year).toBe(2023);
    expect(result.relativeGap).toBeLessThanOrEqual(1e-3);
    // the largest excess of a used route is never below the gap (the gap averages the excesses)
    expect(result.maxPathExcess).toBeGreaterThanOrEqual(result.relativeGap * (1 - 1e-9));
  });
});

describe('project --years (A13, A14, A16)', () => {
  it.each([
    ['', 'value 1 is empty'],
    ['2024,', 'value 2 is empty'],
    ['2024,,2026', 'value 2 is empty'],
    ['0000-0002', '0000 is not a year'],
    ['2030-2024', 'ends before it starts'],
    ['2024,0x7e8', 'value 2 is "0x7e8"'],
    ['2024,1e21', 'value 2 is "1e21"'],
  ])('--years %j exits 2 (%s)', async (raw, why) => {
    const { code, out, err } = await cli(['project', '--years', raw, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--years must be ');
    expect(err).toContain(`got ${quote(raw)}`);
    expect(err).toContain(why);
  });

  it.each(['2030', 'abc'])('--year %j is an error that points to --years', async (year) => {
    const { code, out, err } = await cli(['project', '--years', '2024', '--year', year, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--year is not used by project; use --years');
    expect(err).toContain(quote(year));
  });

  it('a list with spaces projects exactly the years given', async () => {
    const { code, out } = await cli(['project', '--years', '2022, 2024', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).map((r: { year: number }) => r.year)).toEqual([2022, 2024]);
  });
});

describe('sweep: --values and --target are checked before a scenario is built (A13, A16, C3)', () => {
  const sweep = (...rest: string[]) => ['sweep', '--year', '2024', '--json', ...rest];
  const cases: [string, string[], string][] = [
    [
      'empty --values',
      sweep('--parameter', 'capacity', '--target', 'corridor:middle', '--values', ''),
      '--values',
    ],
    ['blank --values', sweep('--parameter', 'demand', '--values', ' '), '--values'],
    [
      'empty element',
      sweep('--parameter', 'capacity', '--target', 'corridor:middle', '--values', '1,,2'),
      '--values',
    ],
    [
      'trailing comma',
      sweep('--parameter', 'capacity', '--target', 'corridor:middle', '--values', '1,'),
      '--values',
    ],
    [
      'hex value',
      sweep('--parameter', 'cost', '--target', 'corridor:middle', '--values', '0x10'),
      '--values',
    ],
    [
      'negative capacity factor',
      sweep('--parameter', 'capacity', '--target', 'corridor:middle', '--values=1,-1'),
      '--values',
    ],
    ['negative demand factor', sweep('--parameter', 'demand', '--values=-0.5'), '--values'],
    [
      'share above 1',
      sweep('--parameter', 'avoid', '--target', 'country:RU', '--values', '0.5,2'),
      '--values',
    ],
    [
      'unknown corridor',
      sweep('--parameter', 'capacity', '--target', 'corridor:nope', '--values', '1'),
      '--target',
    ],
    ['unknown link', sweep('--parameter', 'capacity', '--target', 'link:nope', '--values', '1'), '--target'],
    ['unknown node', sweep('--parameter', 'cost', '--target', 'node:nope', '--values', '1'), '--target'],
    [
      'lowercase country',
      sweep('--parameter', 'capacity', '--target', 'country:ru', '--values', '1'),
      '--target',
    ],
    [
      'unknown mode',
      sweep('--parameter', 'capacity', '--target', 'mode:spaceship', '--values', '1'),
      '--target',
    ],
    [
      'mode without links',
      sweep('--parameter', 'capacity', '--target', 'mode:road', '--values', '1'),
      '--target',
    ],
    [
      'avoid of a country not traversed',
      sweep('--parameter', 'avoid', '--target', 'country:FR', '--values', '1'),
      '--target',
    ],
    [
      'avoid of a corridor',
      sweep('--parameter', 'avoid', '--target', 'corridor:middle', '--values', '1'),
      '--target',
    ],
    ['malformed target', sweep('--parameter', 'capacity', '--target', 'middle', '--values', '1'), '--target'],
    [
      'target with demand',
      sweep('--parameter', 'demand', '--target', 'corridor:middle', '--values', '1'),
      '--target',
    ],
    [
      'unknown parameter',
      sweep('--parameter', 'bogus', '--target', 'corridor:middle', '--values', '1'),
      '--parameter',
    ],
  ];
  it.each(cases)('%s exits 2 naming the flag and its text', async (_, argv, flag) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`corridor-sim sweep: ${flag}`);
    const at = argv.indexOf(flag);
    const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
    expect(err).toContain(quote(raw!));
    expect(err).not.toMatch(/\$\.operations/);
  });

  it('names what --target may name, and what the values must be', async () => {
    const corridor = await cli(
      sweep('--parameter', 'capacity', '--target', 'corridor:nope', '--values', '1'),
    );
    expect(corridor.err).toContain('--target must name a corridor of the dataset (');
    expect(corridor.err).toContain('middle');
    const share = await cli(sweep('--parameter', 'avoid', '--target', 'country:RU', '--values', '2'));
    expect(share.err).toContain('a share in [0, 1]');
    const demand = await cli(sweep('--parameter', 'demand', '--target', 'corridor:middle', '--values', '1'));
    expect(demand.err).toContain('--target is not used with --parameter demand');
  });
});

describe('sweep --target may name a link the --scenario adds', () => {
  const scenarioFile = JSON.stringify({
    format: 'corridor-sim/scenario',
    version: 1,
    id: 'new-ferry',
    name: 'A new Aktau–Alat ferry',
    operations: [
      {
        kind: 'add-link',
        link: ferryLink('aktau-alat-new', 'aktau', 'alat'),
      },
    ],
  });
  const argv = (target: string) => [
    'sweep',
    '--year',
    '2024',
    '--json',
    '--parameter',
    'capacity',
    '--target',
    target,
    '--values',
    '1,2',
    '--scenario',
    'new.json',
  ];

  it('runs the sweep on the added link', async () => {
    const { code, out, err } = await cli(argv('link:aktau-alat-new'), { 'new.json': scenarioFile });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { value: number }[]).map((p) => p.value)).toEqual([1, 2]);
  });

  it('counts the countries of links the scenario adds for a country target', async () => {
    // a hypothetical ferry that also touches Afghanistan: no link of the dataset does
    const viaAf = JSON.stringify({
      ...(JSON.parse(scenarioFile) as object),
      operations: [
        {
          kind: 'add-link',
          link: { ...ferryLink('aktau-alat-new', 'aktau', 'alat'), countries: ['KZ', 'AF', 'AZ'] },
        },
      ],
    });
    const args = argv('country:AF').map((a) => (a === 'capacity' ? 'cost' : a));
    const { code, out, err } = await cli(args, { 'new.json': viaAf });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { value: number }[]).map((p) => p.value)).toEqual([1, 2]);
    const without = await cli(args, { 'new.json': scenarioFile });
    expect(without.code).toBe(2);
    expect(without.err).toContain(
      "--target must name a country the dataset's links or the scenario's added links traverse",
    );
  });

  it('rejects a link the scenario adds only after the swept year, instead of a flat sweep', async () => {
    const later = JSON.stringify({
      ...(JSON.parse(scenarioFile) as object),
      operations: [{ kind: 'add-link', from: '2027', link: ferryLink('aktau-alat-new', 'aktau', 'alat') }],
    });
    const early = await cli(argv('link:aktau-alat-new'), { 'new.json': later });
    expect(early.code).toBe(2);
    expect(early.out).toBe('');
    expect(early.err).toContain(
      '--target "link:aktau-alat-new" names a link that is not in the 2024 network (the scenario\'s add-link is not in effect that year)',
    );
    const inTime = await cli(
      argv('link:aktau-alat-new').map((a) => (a === '2024' ? '2027' : a)),
      { 'new.json': later },
    );
    expect(inTime.err).toBe('');
    expect(inTime.code).toBe(0);
    const points = JSON.parse(inTime.out) as { corridors: { volumeTeu: number }[] }[];
    expect(points).toHaveLength(2);
  });

  it('still rejects a link neither the dataset nor the scenario has', async () => {
    const { code, err } = await cli(argv('link:nowhere'), { 'new.json': scenarioFile });
    expect(code).toBe(2);
    expect(err).toContain(
      '--target must name a link of the dataset or one the scenario adds, got "link:nowhere"',
    );
  });
});

describe('criticality --commodity (A8)', () => {
  it('an unknown commodity exits 2 naming --commodity and the dataset’s commodities', async () => {
    const { code, out, err } = await cli(['criticality', '--year', '2023', '--commodity', 'oil', '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--commodity must be a commodity of the dataset (container, crude), got "oil"');
  });
});

describe('compare --attribute --base (A4)', () => {
  it('exits 2 when the scenario does not extend the base', async () => {
    for (const [scenario, base] of [
      ['cpc-closure', 'avoid-russia'],
      ['avoid-russia', 'titr-x5'],
      ['baseline', 'avoid-russia'],
    ] as const) {
      const { code, out, err } = await cli([
        'compare',
        '--scenario',
        scenario,
        '--base',
        base,
        '--year',
        '2024',
        '--attribute',
        '--json',
      ]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('--attribute needs --scenario to extend --base');
      expect(err).toContain(quote(base));
      expect(err).toContain(quote(scenario));
    }
  });

  it('without --attribute the same pair is compared', async () => {
    const { code, out } = await cli([
      'compare',
      '--scenario',
      'cpc-closure',
      '--base',
      'avoid-russia',
      '--year',
      '2023',
      '--json',
    ]);
    expect(code).toBe(0);
    const { comparison } = JSON.parse(out);
    expect([comparison.from, comparison.to]).toEqual(['avoid-russia', 'cpc-closure']);
  });

  it('attributes the operations a scenario file adds to its base, matching the comparison beside it', async () => {
    const base = loadScenario('avoid-russia');
    const extra = { kind: 'scale-capacity', target: { corridors: ['middle'] }, factor: 3 };
    const doc = {
      format: 'corridor-sim/scenario',
      version: 1,
      id: 'avoid-russia-middle-x3',
      name: 'Avoid Russia, Middle Corridor ×3',
      operations: [...structuredClone(base.operations), extra],
    };
    const { code, out } = await cli(
      [
        'compare',
        '--scenario',
        'extended.json',
        '--base',
        'avoid-russia',
        '--year',
        '2023',
        '--attribute',
        '--json',
      ],
      { 'extended.json': JSON.stringify(doc) },
    );
    expect(code).toBe(0);
    const { comparison, attribution } = JSON.parse(out);
    expect(attribution.contributions.map((c: { kind: string }) => c.kind)).toEqual(['scale-capacity']);
    // The attribution's own runs (base alone, base + the added operation) reproduce the comparison.
    const total = comparison.totals.throughputTeu;
    expect(total.change).not.toBe(0);
    expect(attribution.before.throughputTeu).toBeCloseTo(total.before, 3);
    expect(attribution.after.throughputTeu).toBeCloseTo(total.after, 3);
    expect(attribution.contributions[0].values.throughputTeu).toBeCloseTo(total.change, 3);
  });
});
