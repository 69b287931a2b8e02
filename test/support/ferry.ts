/**
 * Test support: a new Caspian ferry link
 * ======================================
 *
 * Tests of operations on what an `add-link` adds need a new link; this is the one they share.
 * Not part of the package.
 */

import type { LinkAttributes } from '../../src/model/network.js';

/**
 * A container ferry link Kazakhstan → Azerbaijan (1 day, US$100 per TEU, 400 km).
 *
 * @param id - link id
 * @param from - tail node id
 * @param to - head node id
 * @param capacityPerYear - TEU a year @defaultValue 10000
 * @returns the link's attributes
 */
export function ferryLink(id: string, from: string, to: string, capacityPerYear = 10000): LinkAttributes {
  return {
    id,
    from,
    to,
    mode: 'ferry',
    commodity: 'container',
    capacityPerYear,
    transitDays: 1,
    costUsdPerUnit: 100,
    distanceKm: 400,
    countries: ['KZ', 'AZ'],
    status: 'active',
  };
}
