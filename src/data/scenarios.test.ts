import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../model/errors.js';
import { loadDataset } from './datasets.js';
import { listScenarios, loadScenario } from './scenarios.js';
import { isDeepFrozen, isValidated } from './validated.js';

describe('loadScenario', () => {
  it('an id that is not a string is an InvalidArgumentError naming id (C4)', () => {
    for (const bad of [undefined, 123, null, {}, ['baseline']]) {
      try {
        loadScenario(bad as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).argument).toBe('id');
      }
    }
  });

  it('every bundled scenario is deep-frozen and remembered as validated against its own dataset only', () => {
    const sample = loadDataset('sample');
    for (const info of listScenarios()) {
      const scenario = loadScenario(info.id);
      const dataset = loadDataset(info.dataset);
      expect(isDeepFrozen(scenario)).toBe(true);
      expect(isValidated(scenario, 'scenario', dataset.network, dataset.demand)).toBe(true);
      expect(isValidated(scenario, 'scenario', sample.network)).toBe(false);
    }
  });
});
