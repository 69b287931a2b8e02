/**
 * TNTP readers: tiny inline files with every accepted variant, malformed inputs (ParseError with the
 * line), and the shared TNTP files checked against the sizes and totals published in their headers
 * and in ../shared/validation/tntp/README.md. Data: Transportation Networks for Research Core Team,
 * "Transportation Networks for Research", https://github.com/bstabler/TransportationNetworks.
 */

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/support/expect-error.js';
import { isCorridorSimError, ParseError } from '../model/errors.js';
import { parseTntpFlow, parseTntpNet, parseTntpNode, parseTntpTrips } from './tntp.js';

const TNTP = new URL('../../../shared/validation/tntp/', import.meta.url);
const read = (name: string, file: string): string =>
  readFileSync(new URL(`${name}/${name}_${file}.tntp`, TNTP), 'utf8');
const haveData = existsSync(new URL('SiouxFalls/SiouxFalls_net.tntp', TNTP));

const NET = `<NUMBER OF ZONES> 2
<NUMBER OF NODES> 3
<FIRST THRU NODE> 3
<NUMBER OF LINKS> 4
<END OF METADATA>

~ init term capacity length fft B power speed toll type ;
\t1\t3\t100\t2\t10\t0.15\t4\t0\t0\t1\t;
\t3\t2\t1\t5\t20\t1.5e-9\t3.5\t0\t1.25\t1\t;   ~ capacity 1 with B pre-divided, power 3.5
\t1\t2\t0\t7\t30\t0\t0\t0\t0\t2\t;            ~ constant cost: B = power = 0, capacity 0
\t2\t1\t50\t1\t5\t0.15\t4
`;

function expectParseError(run: () => unknown, line: number, text: RegExp): void {
  const error = thrown(run, ParseError);
  expect(isCorridorSimError(error)).toBe(true);
  expect(error.code).toBe('parse');
  expect(error.line).toBe(line);
  expect(error.message).toMatch(text);
}

describe('parseTntpNet', () => {
  it('reads metadata and every link column, file order', () => {
    const net = parseTntpNet(NET);
    expect(net).toMatchObject({ zoneCount: 2, nodeCount: 3, firstThruNode: 3, linkCount: 4 });
    expect(Array.from(net.links.from)).toEqual([1, 3, 1, 2]);
    expect(Array.from(net.links.to)).toEqual([3, 2, 2, 1]);
    expect(Array.from(net.links.capacity)).toEqual([100, 1, 0, 50]);
    expect(Array.from(net.links.b)).toEqual([0.15, 1.5e-9, 0, 0.15]);
    expect(Array.from(net.links.power)).toEqual([4, 3.5, 0, 4]);
    expect(Array.from(net.links.toll)).toEqual([0, 1.25, 0, 0]);
    expect(Array.from(net.links.type)).toEqual([1, 1, 2, 0]);
    expect(net.metadata['FIRST THRU NODE']).toBe('3');
  });

  it('accepts a file without optional metadata (FIRST THRU NODE defaults to 1)', () => {
    const net = parseTntpNet('<END OF METADATA>\n1 2 10 1 1 0.15 4 ;\n');
    expect(net).toMatchObject({ nodeCount: 2, zoneCount: 0, firstThruNode: 1, linkCount: 1 });
  });

  it('throws ParseError naming the line on malformed input', () => {
    expectParseError(
      () => parseTntpNet(NET.replace('\t3\t2\t1\t5', '\t3\t2\tx\t5')),
      9,
      /capacity must be a finite number/,
    );
    expectParseError(
      () => parseTntpNet(NET.replace('\t2\t1\t50\t1\t5\t0.15\t4', '\t2\t1\t50')),
      11,
      /at least 7 columns/,
    );
    expectParseError(
      () => parseTntpNet(NET.replace('\t1\t3\t100', '\t1\t4\t100')),
      8,
      /term node must be an integer in 1\.\.3/,
    );
    expectParseError(() => parseTntpNet(NET.replace('\t1\t3\t100', '\t0\t3\t100')), 8, /init node/);
    expectParseError(
      () => parseTntpNet(NET.replace('0.15\t4\t0\t0\t1', '-0.15\t4\t0\t0\t1')),
      8,
      /B must be ≥ 0/,
    );
    expectParseError(
      () => parseTntpNet(NET.replace('<NUMBER OF LINKS> 4', '<NUMBER OF LINKS> 5')),
      4,
      /says 5 but the file has 4/,
    );
    expectParseError(
      () => parseTntpNet(NET.replace('<END OF METADATA>', '')),
      8,
      /expected metadata or <END OF METADATA>/,
    );
    expectParseError(() => parseTntpNet('<NUMBER OF NODES> two\n<END OF METADATA>\n'), 1, /NUMBER OF NODES/);
    expectParseError(() => parseTntpNet('1 2 3\n'), 1, /expected metadata/);
    expectParseError(
      () => parseTntpNet('<END OF METADATA>\n1 2 0 1 1 0.15 4 ;\n'),
      2,
      /capacity must be > 0 on a link with B > 0/,
    );
    expectParseError(() => parseTntpNet(42 as unknown as string), 1, /must be a string/);
  });
});

describe('parseTntpTrips', () => {
  const TRIPS = `<NUMBER OF ZONES> 3
<TOTAL OD FLOW> 36.5
<END OF METADATA>

Origin 1
    1 :      0.0;     2 :    10.5;     3 :    20.0;
Origin\t2
  1 : 6;
`;
  it('reads every entry with intrazonal and zero entries kept', () => {
    const trips = parseTntpTrips(TRIPS);
    expect(trips.zoneCount).toBe(3);
    expect(trips.totalOdFlow).toBe(36.5);
    expect(Array.from(trips.origins)).toEqual([1, 1, 1, 2]);
    expect(Array.from(trips.destinations)).toEqual([1, 2, 3, 1]);
    expect(Array.from(trips.volumes)).toEqual([0, 10.5, 20, 6]);
  });

  it('throws ParseError naming the line on malformed input', () => {
    expectParseError(() => parseTntpTrips(TRIPS.replace('Origin 1\n', '')), 5, /before the first "Origin"/);
    expectParseError(
      () => parseTntpTrips(TRIPS.replace('2 :    10.5', '2 =    10.5')),
      6,
      /expected "destination : volume"/,
    );
    expectParseError(
      () => parseTntpTrips(TRIPS.replace('3 :    20.0', '4 :    20.0')),
      6,
      /destination zone must be an integer in 1\.\.3/,
    );
    expectParseError(() => parseTntpTrips(TRIPS.replace('1 : 6', '1 : -6')), 8, /volume must be ≥ 0/);
    expectParseError(
      () => parseTntpTrips(TRIPS.replace('1 : 6', '1 : six')),
      8,
      /volume must be a finite number/,
    );
    expectParseError(() => parseTntpTrips(TRIPS.replace('Origin\t2', 'Origin')), 7, /missing origin zone/);
  });
});

describe('parseTntpFlow and parseTntpNode', () => {
  it('read rows after an optional header', () => {
    const flow = parseTntpFlow('From \tTo \tVolume \tCost \n1 \t2 \t4494.6576 \t6.0008 \n2 3 7 \n');
    expect(Array.from(flow.from)).toEqual([1, 2]);
    expect(Array.from(flow.volume)).toEqual([4494.6576, 7]);
    expect(flow.cost[0]).toBe(6.0008);
    expect(flow.cost[1]).toBeNaN();
    const nodes = parseTntpNode('Node\tX\tY\t;\n1\t-96.77\t43.61\t;\n');
    expect(Array.from(nodes.id)).toEqual([1]);
    expect(nodes.x[0]).toBe(-96.77);
    expect(nodes.y[0]).toBe(43.61);
  });

  it('throw ParseError naming the line on malformed rows', () => {
    expectParseError(() => parseTntpFlow('From To Volume Cost\n1 2 -3 4\n'), 2, /volume must be ≥ 0/);
    expectParseError(() => parseTntpFlow('From To Volume Cost\n1 2\n'), 2, /expected 3–4 columns/);
    expectParseError(() => parseTntpNode('Node X Y ;\n1 2\n'), 2, /expected 3 columns/);
    expectParseError(() => parseTntpNode('Node X Y ;\n1.5 2 3\n'), 2, /node id must be an integer/);
  });
});

describe.runIf(haveData)('the shared TNTP files', () => {
  // Sizes, zones and demand as published in ../shared/validation/tntp/README.md.
  it.each([
    ['SiouxFalls', 24, 24, 76, 1, 360_600],
    ['Anaheim', 38, 416, 914, 39, 104_694.4],
    ['ChicagoSketch', 387, 933, 2950, 1, 1_137_493.44],
  ])('%s has the published size and demand', (name, zones, nodes, links, firstThru, demand) => {
    const net = parseTntpNet(read(name, 'net'));
    const trips = parseTntpTrips(read(name, 'trips'));
    const flow = parseTntpFlow(read(name, 'flow'));
    expect(net).toMatchObject({
      zoneCount: zones,
      nodeCount: nodes,
      linkCount: links,
      firstThruNode: firstThru,
    });
    let interzonal = 0;
    let total = 0;
    for (let i = 0; i < trips.volumes.length; i++) {
      total += trips.volumes[i]!;
      if (trips.origins[i] !== trips.destinations[i]) interzonal += trips.volumes[i]!;
    }
    expect(interzonal).toBeCloseTo(demand, 2);
    expect(total).toBeCloseTo(trips.totalOdFlow!, 2);
    expect(flow.volume.length).toBe(links);
  });

  it('reads the node files', () => {
    const nodes = parseTntpNode(read('SiouxFalls', 'node'));
    expect(nodes.id.length).toBe(24);
    expect(nodes.x[0]).toBe(-96.77041974);
    expect(parseTntpNode(read('ChicagoSketch', 'node')).id.length).toBe(933);
  });
});
