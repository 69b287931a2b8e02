import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { randomMixes } from '../../test/support/random.js';
import { demandForYear, flowSegments } from '../model/demand.js';
import { formatPath, InvalidArgumentError } from '../model/errors.js';
import { deepFreeze } from '../model/freeze.js';
import { loadDataset } from './datasets.js';
import { parseDemand, safeParseDemand, serializeDemand } from './demand-format.js';
import { parseNetwork } from './network-format.js';
import { isDeepFrozen, isValidated } from './validated.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const network = parseNetwork(read('two-corridors.json'));
const sample = read('two-corridors.demand.json');

const issues = (doc: unknown) => {
  const r = safeParseDemand(doc, network);
  return r.success ? [] : r.issues.map((i) => `${i.code} ${formatPath(i.path)}`);
};

describe('parseDemand', () => {
  it('parses the sample demand against its network and splits flows by segment', () => {
    const demand = parseDemand(sample, network);
    expect(demand.flows).toHaveLength(1);
    const split = flowSegments(demand, demand.flows[0]!);
    expect(split.map((s) => [s.segment.id, s.share])).toEqual([
      ['standard', 0.7],
      ['avoid-ru', 0.3],
    ]);
  });

  it('round-trips through serializeDemand', () => {
    const demand = parseDemand(sample, network);
    expect(parseDemand(serializeDemand(demand), network)).toEqual(demand);
  });

  it('reports every issue with its path: unknown nodes, bad shares, unknown segments, duplicates, negative volumes', () => {
    const doc = structuredClone(sample);
    doc.flows.push({ ...doc.flows[0], origin: 'atlantis', volumePerYear: -1 });
    doc.flows.push({
      ...doc.flows[0],
      id: 'f2',
      destination: 'atlantis',
      segmentShares: { standard: 0.5, ghost: 0.2 },
    });
    expect(issues(doc)).toEqual([
      'negative $.flows[1].volumePerYear',
      'unknown_segment $.flows[2].segmentShares.ghost',
      'shares_do_not_sum $.flows[2].segmentShares',
      'unknown_node $.flows[2].destination',
    ]);
    doc.flows[1].volumePerYear = 5;
    expect(issues(doc)).toContain('duplicate_id $.flows[1].id');
    expect(issues(doc)).toContain('unknown_node $.flows[1].origin');
  });

  it('demandForYear keeps undated flows and flows of that year', () => {
    const doc = structuredClone(sample);
    doc.flows.push({ ...doc.flows[0], id: 'y2023', year: 2023 });
    const demand = parseDemand(doc, network);
    expect(demandForYear(demand, 2023).flows.map((f) => f.id)).toEqual(['xian-duisburg', 'y2023']);
    expect(demandForYear(demand, 2024).flows.map((f) => f.id)).toEqual(['xian-duisburg']);
  });

  it('does not mutate its input', () => {
    const doc = structuredClone(sample);
    const before = structuredClone(doc);
    parseDemand(doc, network);
    expect(doc).toEqual(before);
  });
});

describe('parseDemand: arguments and the result', () => {
  it('a network that is not a Network is an InvalidArgumentError naming network', () => {
    for (const bad of [{}, 5, 'x', []]) {
      for (const parse of [parseDemand, safeParseDemand]) {
        try {
          parse(sample, bad as never);
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect((error as InvalidArgumentError).argument).toBe('network');
        }
      }
    }
  });

  it('returns a deep-frozen copy (so a validated demand cannot change) and leaves the input unfrozen', () => {
    const doc = structuredClone(sample);
    const demand = parseDemand(doc, network);
    expect(isDeepFrozen(demand)).toBe(true);
    expect(demand.flows[0]).not.toBe(doc.flows[0]);
    expect(Object.isFrozen(doc.flows[0])).toBe(false);
  });
});

describe('demand validation: flows validated before are not parsed again (their checks still run)', () => {
  const eurasia = loadDataset('eurasia');
  const known = demandForYear(eurasia.demand, 2023).flows;
  const template = known[0]!;
  // fresh flows: valid ones, ones whose shape fails, and ones whose references fail
  const fresh: unknown[] = [
    { ...template, id: 'fresh-ok', volumePerYear: 10 },
    { ...template, id: 'fresh-negative', volumePerYear: -5 },
    { ...template, id: 'fresh-nowhere', origin: 'atlantis' },
    { ...template, id: 'fresh-typo', comodity: 'container' },
    { ...template, id: 'fresh-shares', segmentShares: { 'no-such-segment': 1 } },
    { ...template }, // the same id and year as a known flow
  ];
  const issuesOf = (flows: readonly unknown[]) => {
    const doc = { format: 'corridor-sim/demand', version: 1, segments: eurasia.demand.segments, flows };
    const r = safeParseDemand(doc, eurasia.network);
    return r.success ? [] : r.issues;
  };

  it('gives the same issues, at the same paths, as validating every flow (40 random mixes)', () => {
    // structuredClone: the same flows, none of them marked
    for (const mix of randomMixes(known, fresh, 20261204, 40)) {
      expect(issuesOf(mix)).toEqual(issuesOf(structuredClone(mix)));
    }
  });

  it('names a fresh flow that fails by its index among the known ones', () => {
    const n = known.length;
    const found = issuesOf([...known, { ...template, id: 'fresh-negative', volumePerYear: -5 }]);
    expect(found.map((i) => formatPath(i.path))).toEqual([`$.flows[${n}].volumePerYear`]);
  });

  it('remembers the flows of a parsed demand and deep-frozen flows that passed, never unfrozen ones', () => {
    for (const flow of known) expect(isValidated(flow, 'demand-flow')).toBe(true);
    const frozen = deepFreeze({ ...template, id: 'frozen-flow' });
    const open = { ...template, id: 'open-flow' };
    expect(issuesOf([...known, frozen, open])).toEqual([]);
    expect(isValidated(frozen, 'demand-flow')).toBe(true);
    expect(isValidated(open, 'demand-flow')).toBe(false);
    open.volumePerYear = -1;
    expect(issuesOf([...known, open]).map((i) => i.code)).toEqual(['negative']);
  });
});
