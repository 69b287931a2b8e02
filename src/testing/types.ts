/**
 * Shared types of the testing kit
 * ===============================
 */

import type { Demand } from '../model/demand.js';
import type { Network } from '../model/network.js';

/** What a simulation runs on: a network and its demand (the first argument of `simulate`). */
export interface SimulationInput {
  /** The network. */
  readonly network: Network;
  /** The demand. */
  readonly demand: Demand;
}
