/**
 * Test support: node and link records
 * ===================================
 *
 * Tests that build small networks in code need node and link records with every required field;
 * these give them, with the fields a test cares about passed over the defaults. Not part of the
 * package.
 */

import type { LinkAttributes, NodeAttributes } from '../../src/model/network.js';

/**
 * A node record: a hub in Kazakhstan (70° E, 45° N) named after its id.
 *
 * @param id - node id
 * @param fields - fields that differ from the defaults
 * @returns the node's attributes
 */
export function nodeRecord(id: string, fields: Partial<NodeAttributes> = {}): NodeAttributes {
  return { id, name: id, country: 'KZ', kind: 'hub', lon: 70, lat: 45, ...fields };
}

/**
 * An active container rail link inside Kazakhstan: 1 day, US$1 per unit, 1 km, no capacity.
 *
 * @param id - link id
 * @param from - tail node id
 * @param to - head node id
 * @param fields - fields that differ from the defaults
 * @returns the link's attributes
 */
export function linkRecord(
  id: string,
  from: string,
  to: string,
  fields: Partial<LinkAttributes> = {},
): LinkAttributes {
  return {
    id,
    from,
    to,
    mode: 'rail',
    commodity: 'container',
    transitDays: 1,
    costUsdPerUnit: 1,
    distanceKm: 1,
    countries: ['KZ'],
    status: 'active',
    ...fields,
  };
}
