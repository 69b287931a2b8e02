import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { assignCommand } from './assign.js';

// Two parallel links 1→2 with linear costs: 10 + 0.015x and 15 + 0.045y (BPR β = 1), 600 trips:
// x = 32 / 0.06 = 533.33, Beckmann = 10x + 0.0075x² + 15y + 0.0225y².
const NET = `<NUMBER OF ZONES> 2
<NUMBER OF NODES> 2
<FIRST THRU NODE> 1
<NUMBER OF LINKS> 2
<END OF METADATA>
~ init term capacity length fft B power speed toll type ;
1\t2\t100\t1\t10\t0.15\t1\t0\t0\t1\t;
1\t2\t50\t1\t15\t0.15\t1\t0\t0\t1\t;
`;
const TRIPS = `<NUMBER OF ZONES> 2
<TOTAL OD FLOW> 600
<END OF METADATA>
Origin 1
  2 : 600;
`;
const X = 32 / 0.06;
const BECKMANN = 10 * X + 0.0075 * X * X + 15 * (600 - X) + 0.0225 * (600 - X) ** 2;
const files = { 'n.tntp': NET, 't.tntp': TRIPS };

const TNTP = new URL('../../../../shared/validation/tntp/SiouxFalls/', import.meta.url);
const haveData = existsSync(new URL('SiouxFalls_net.tntp', TNTP));

describe('corridor-sim assign', () => {
  it('prints the JSON report with flows', async () => {
    const io = memoryIo(files);
    const code = await assignCommand(
      ['--net', 'n.tntp', '--trips', 't.tntp', '--algorithm', 'path', '--gap', '1e-12', '--flows', '--json'],
      io,
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(Object.keys(out)).toEqual(['status', 'relativeGap', 'iterations', 'beckmann', 'seconds', 'flows']);
    expect(out.status).toBe('converged');
    expect(out.beckmann).toBeCloseTo(BECKMANN, 6);
    expect(out.flows).toHaveLength(2);
    expect(out.flows[0]).toMatchObject({ from: 1, to: 2 });
    expect(out.flows[0].volume).toBeCloseTo(X, 8);
  });

  it('omits flows without --flows and reports non-convergence as a status', async () => {
    const io = memoryIo(files);
    const code = await assignCommand(
      [
        '--net',
        'n.tntp',
        '--trips',
        't.tntp',
        '--algorithm',
        'msa',
        '--gap',
        '0',
        '--max-iterations',
        '3',
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout[0]!);
    expect(out.flows).toBeUndefined();
    expect(out.status).toBe('max-iterations');
    expect(out.iterations).toBe(3);
  });

  it('prints readable text without --json', async () => {
    const io = memoryIo(files);
    expect(await assignCommand(['--net', 'n.tntp', '--trips', 't.tntp', '--flows'], io)).toBe(0);
    expect(io.stdout[0]).toBe('n.tntp: 2 nodes, 2 links, 2 zones, 1 OD pairs, demand 600');
    expect(io.stdout[1]).toMatch(/^bfw: converged — relative gap .* reached the target 1\.0e-4/);
    expect(io.stdout.join('\n')).toMatch(/from\tto\tvolume\n1\t2\t533\.3/);
  });

  it.each([
    [[], 2, /usage/],
    [['--net', 'n.tntp'], 2, /usage/],
    [['--net', 'n.tntp', '--trips', 't.tntp', '--algorithm', 'simplex'], 2, /--algorithm must be one of/],
    [
      ['--net', 'n.tntp', '--trips', 't.tntp', '--gap', 'small'],
      2,
      /--gap must be a number ≥ 0, got "small"/,
    ],
    [
      ['--net', 'n.tntp', '--trips', 't.tntp', '--max-iterations', '2.5'],
      2,
      /--max-iterations must be a non-negative integer/,
    ],
    [
      ['--net', 'n.tntp', '--trips', 't.tntp', '--max-iterations', '0x10'],
      2,
      /--max-iterations must be a non-negative integer, got "0x10"/,
    ],
    [
      ['--net', 'n.tntp', '--trips', 't.tntp', '--gap', 'Infinity'],
      2,
      /--gap must be a number ≥ 0, got "Infinity"/,
    ],
    [
      ['--net', 'n.tntp', '--trips', 't.tntp', '--toll-factor', '0b1'],
      2,
      /--toll-factor must be a number ≥ 0/,
    ],
    [['--net', 'n.tntp', '--trips', 't.tntp', '--bogus'], 2, /Unknown option/],
    [['--net', 'missing.tntp', '--trips', 't.tntp'], 1, /cannot read input/],
  ])('%j exits %i', async (args, code, message) => {
    const io = memoryIo(files);
    expect(await assignCommand(args, io)).toBe(code);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('reports malformed TNTP input with its line and exits 1', async () => {
    const io = memoryIo({ 'n.tntp': NET.replace('1\t2\t50', '1\t2\tfifty'), 't.tntp': TRIPS });
    expect(await assignCommand(['--net', 'n.tntp', '--trips', 't.tntp'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/TNTP net line 8: capacity must be a finite number, got "fifty"/);
  });

  it.runIf(haveData)('reproduces the SiouxFalls best-known Beckmann objective', async () => {
    const io = memoryIo();
    const dir = fileURLToPath(TNTP);
    const code = await assignCommand(
      [
        '--net',
        `${dir}SiouxFalls_net.tntp`,
        '--trips',
        `${dir}SiouxFalls_trips.tntp`,
        '--algorithm',
        'path',
        '--gap',
        '1e-8',
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout[0]!);
    // best-known objective from ../shared/validation/tntp/README.md
    expect(Math.abs(out.beckmann - 4_231_335.2871074) / 4_231_335.2871074).toBeLessThan(1e-6);
    expect(out.relativeGap).toBeLessThanOrEqual(1e-8);
  });
});
