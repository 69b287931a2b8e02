import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { main } from '../main.js';

const sample = readFileSync(new URL('../../../data/samples/two-corridors.json', import.meta.url), 'utf8');

describe('corridor-sim validate', () => {
  it('exits 0 on a valid file', async () => {
    const io = memoryIo({ 'ok.json': sample });
    expect(await main(['validate', 'ok.json'], io)).toBe(0);
    expect(io.stdout).toEqual(['ok.json: valid network']);
  });

  it('lists each fault of a file with several faults with its JSON path, and exits 1', async () => {
    const doc = JSON.parse(sample);
    doc.nodes[0].country = 'XX';
    doc.links[0].capacityPerYear = -1;
    doc.links[1].to = 'nowhere';
    doc.corridors[0].links = ['missing-link'];
    const io = memoryIo({ 'bad.json': JSON.stringify(doc) });
    expect(await main(['validate', 'bad.json'], io)).toBe(1);
    expect(io.stdout[0]).toBe('bad.json: 4 issues (network)');
    expect(io.stdout.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      '$.nodes[0].country',
      '$.links[0].capacityPerYear',
      '$.links[1].to',
      '$.corridors[0].links[0]',
    ]);
  });

  it('prints JSON with --json and reports unreadable files and invalid JSON without a stack trace', async () => {
    const io = memoryIo({ 'broken.json': '{ nope' });
    expect(await main(['validate', 'broken.json', '--json'], io)).toBe(1);
    const report = JSON.parse(io.stdout.join('\n'));
    expect(report.valid).toBe(false);
    expect(report.issues[0].message).toMatch(/not valid JSON/);
    const io2 = memoryIo();
    expect(await main(['validate', '/no/such/file.json'], io2)).toBe(1);
    expect(io2.stdout.join('\n')).toMatch(/cannot read/);
  });

  it('exits 2 on usage errors', async () => {
    const io = memoryIo();
    expect(await main(['validate'], io)).toBe(2);
    expect(await main(['validate', 'x.json', '--bogus'], io)).toBe(2);
    expect(await main(['no-such-command'], io)).toBe(2);
  });
});
