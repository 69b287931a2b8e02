/**
 * corridor-sim/testing — property-based scenario testing kit
 *
 * fast-check arbitraries for networks, demand and scenarios, invariant checkers for results, and
 * ready-made metamorphic laws. fast-check is an optional peer dependency: install it to use this
 * entry point. Explicit named exports only.
 */

export type { NetworkConstraints } from './arbitraries/network.js';
export { arbNetwork, arbNetworkDocument } from './arbitraries/network.js';
