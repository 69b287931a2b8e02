import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDimacsMaxFlow } from '../../data/dimacs.js';
import { memoryIo } from '../io.js';
import { flowCommand } from './flow.js';

// Known answers from ../shared/validation/dimacs/README.md (computed by LEMON).
const SHARED = new URL('../../../../shared/validation/dimacs/', import.meta.url);
const MAX20 = readFileSync(new URL('nl-max-20-s3.max', SHARED), 'utf8');
const MIN20 = readFileSync(new URL('nl-min-20-s3.min', SHARED), 'utf8');

async function run(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await flowCommand(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('corridor-sim flow', () => {
  it('flow max --json prints the value and the cut as DIMACS node pairs', async () => {
    const { code, out } = await run(['max', 'g.max', '--json'], { 'g.max': MAX20 });
    expect(code).toBe(0);
    const result = JSON.parse(out) as { value: number; cut: [number, number][] };
    expect(result.value).toBe(30608);
    // certificate: the listed arcs' capacities sum to the value
    const p = readDimacsMaxFlow(MAX20);
    const capacityOf = (from: number, to: number) => {
      let c = 0;
      for (let e = 0; e < p.tail.length; e++)
        if (p.tail[e] === from - 1 && p.head[e] === to - 1) c += p.capacity[e]!;
      return c;
    };
    expect(result.cut.reduce((s, [from, to]) => s + capacityOf(from, to), 0)).toBe(30608);
  });

  it('flow mincost --json prints status and cost, for both algorithms', async () => {
    for (const algorithm of ['simplex', 'cost-scaling']) {
      const { code, out } = await run(['mincost', 'g.min', '--algorithm', algorithm, '--json'], {
        'g.min': MIN20,
      });
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual({ status: 'optimal', cost: 35620281 });
    }
  });

  it('prints readable text without --json', async () => {
    expect((await run(['max', 'g.max'], { 'g.max': MAX20 })).out).toMatch(
      /^max flow 30608 from node 1 to node 20\nminimum cut: \d+ arcs/,
    );
    expect((await run(['mincost', 'g.min'], { 'g.min': MIN20 })).out).toBe(
      'optimal cost 35620281 (network-simplex)',
    );
  });

  it('reports infeasible and unbalanced files as a status, not an error', async () => {
    const capacity = 'p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 3 1\n';
    const unbalanced = 'p min 2 1\nn 1 5\nn 2 -4\na 1 2 0 9 1\n';
    expect(JSON.parse((await run(['mincost', 'a.min', '--json'], { 'a.min': capacity })).out)).toEqual({
      status: 'infeasible',
      reason: 'capacity',
      unmet: 2,
    });
    const text = await run(['mincost', 'b.min'], { 'b.min': unbalanced });
    expect([text.code, text.out]).toEqual([0, 'infeasible (supply ≠ demand): 1 units cannot be routed']);
  });

  it('exits 1 with the line number on a malformed file, 2 on usage errors', async () => {
    const bad = await run(['mincost', 'bad.min'], { 'bad.min': 'p min 2 1\na 1 2 0 x 1\n' });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/DIMACS line 2: capacity must be a finite number, got "x" \(in bad.min\)/);
    expect((await run(['max', 'g.min'], { 'g.min': MIN20 })).code).toBe(1);
    expect((await run(['max', '/nonexistent/file.max'])).code).toBe(1);
    expect((await run([])).code).toBe(2);
    expect((await run(['median', 'x'])).code).toBe(2);
    expect((await run(['mincost', 'g.min', '--algorithm', 'magic'], { 'g.min': MIN20 })).code).toBe(2);
  });
});
