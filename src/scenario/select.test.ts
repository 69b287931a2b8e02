import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../data/network-format.js';
import { InvalidArgumentError, ValidationError } from '../model/errors.js';
import { corridorLinks, selectLinks } from './select.js';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../data/samples/${name}`, import.meta.url), 'utf8'));
const document = read('two-corridors.json');
const network = parseNetwork(document);
const links = document.links as { id: string; mode: string; countries: string[] }[];

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('selectLinks', () => {
  it('selects the links of the document that match, in network order', () => {
    // independent answer: the link list of the sample document, filtered by hand-written predicates
    expect(selectLinks(network, { countries: ['RU'] })).toEqual(
      links.filter((l) => l.countries.includes('RU')).map((l) => l.id),
    );
    expect(selectLinks(network, { countries: ['RU'] })).toEqual(['almaty-moscow', 'moscow-brest']);
    expect(selectLinks(network, { modes: ['ferry', 'sea'] })).toEqual(
      links.filter((l) => l.mode === 'ferry' || l.mode === 'sea').map((l) => l.id),
    );
    expect(selectLinks(network, { modes: ['rail'], countries: ['GE'] })).toEqual(
      links.filter((l) => l.mode === 'rail' && l.countries.includes('GE')).map((l) => l.id),
    );
    expect(selectLinks(network, {})).toEqual(links.map((l) => l.id));
  });

  it.each([
    ['a misspelt key', { countris: ['RU'] }, ['countris'], 'unknown_key'],
    ['countries as a string', { countries: 'RU' }, ['countries'], 'invalid_type'],
    ['modes as a string', { modes: 'rail' }, ['modes'], 'invalid_type'],
    ['corridors as a string', { corridors: 'middle' }, ['corridors'], 'invalid_type'],
    ['an unknown country code', { countries: ['ZZ'] }, ['countries', 0], 'unknown_country'],
    ['an unknown mode', { modes: ['rial'] }, ['modes', 0], 'invalid_value'],
    ['an unknown link', { links: ['nope'] }, ['links', 0], 'unknown_link'],
    ['an unknown node', { nodes: ['nope'] }, ['nodes', 0], 'unknown_node'],
    ['an unknown corridor', { corridors: ['nope'] }, ['corridors', 0], 'unknown_corridor'],
    ['an unknown commodity', { commodities: ['oil'] }, ['commodities', 0], 'unknown_commodity'],
  ])('%s is a ValidationError at its path inside the selector', (_name, selector, path, code) => {
    const error = thrown(() => selectLinks(network, selector as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ path, code })]);
    expect((error as ValidationError).message).toMatch(/invalid selector/);
  });

  it('reports every issue at once and names the value', () => {
    const error = thrown(() =>
      selectLinks(network, { links: ['nope', 'aktau-baku'], nodes: ['atlantis'] }),
    ) as ValidationError;
    expect(error.issues.map((i) => i.path)).toEqual([
      ['links', 0],
      ['nodes', 0],
    ]);
    expect(error.message).toMatch(/\$\.links\[0\]: link "nope" does not exist/);
    expect(error.message).toMatch(/\$\.nodes\[0\]: node "atlantis" does not exist/);
  });

  it('a selector that is not an object is an InvalidArgumentError naming `selector`', () => {
    for (const selector of [null, ['RU'], 'RU']) {
      const error = thrown(() => selectLinks(network, selector as never));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('selector');
    }
  });
});

describe('corridorLinks', () => {
  it('a corridor id that is not a string is an InvalidArgumentError naming its type', () => {
    const error = thrown(() => corridorLinks(network, ['middle'] as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('corridorId');
    expect((error as Error).message).toMatch(/got an array/);
  });
});
