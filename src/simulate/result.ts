/**
 * Simulation results
 * ==================
 *
 * The shape every solver of `simulate` returns. Figures are per year, in the commodity's unit
 * (TEU or tonnes), days and USD per unit.
 */

import type { Demand } from '../model/demand.js';
import type { Network } from '../model/network.js';
import type { AppliedOperation } from '../scenario/apply.js';
import type { Aggregates, RoutedPath } from './aggregate.js';

/** The solvers behind `simulate`. */
export type SolverKind = 'equilibrium' | 'min-cost' | 'logit';

/** How a simulation ended. */
export type SimulationStatus =
  /** Equilibrium or logit reached the target gap; min-cost found the optimum. */
  | 'converged'
  /** The iteration limit was hit; figures are from the last iterate (see `convergence.relativeGap`). */
  | 'not-converged'
  /** Min-cost: some demand could not be served within capacities (reported as `unmetTeu`). */
  | 'capacity-limited';

/** Convergence report. */
export interface Convergence {
  /** Relative gap of the returned flows (0 for min-cost at the optimum). */
  readonly relativeGap: number;
  /**
   * Equilibrium solver only: the largest relative excess cost of a used route over the cheapest route
   * of its OD and shipper class, (c − c_min) / c_min in generalized cost. The relative gap weighs each
   * route's excess by its volume; this bounds every route that carries volume.
   */
  readonly maxPathExcess?: number;
  /** Iterations performed. */
  readonly iterations: number;
  /** One sentence: why the solver stopped. */
  readonly stopReason: string;
  /** Wall-clock seconds of the solve. */
  readonly seconds: number;
}

/** Crude exports by route. */
export interface CrudeSummary {
  /** Delivered crude, tonnes per year. */
  readonly totalTonnes: number;
  /** Tonnes per year by corridor id (export route). */
  readonly byRoute: Readonly<Record<string, number>>;
  /** Share of delivered crude by corridor id. */
  readonly shares: Readonly<Record<string, number>>;
  /** Crude not delivered, tonnes per year. */
  readonly unmetTonnes: number;
}

/** The minimum cut of the overland container network between the market's origins and destinations. */
export interface BindingCut {
  /** Maximum overland throughput, TEU per year (the cut's capacity). */
  readonly capacityTeu: number;
  /** Links in the cut. */
  readonly links: readonly string[];
  /** Nodes whose handling capacity is in the cut. */
  readonly nodes: readonly string[];
}

/** Everything one simulation reports. */
export interface SimulationResult extends Aggregates {
  /** Scenario id (`baseline` when none). */
  readonly scenario: string;
  /** Simulated year. */
  readonly year: number;
  /**
   * Year of the demand used: `year` when the demand has flows dated in it, else the latest earlier year
   * with dated flows (carried forward; grow it with a `demand-growth` operation).
   */
  readonly demandYear: number;
  /** Solver used. */
  readonly solver: SolverKind;
  /**
   * How each commodity was routed: `equilibrium` or `logit` (route choice under congestion) or
   * `min-cost` (hard capacities; the `min-cost` solver, and commodities listed in
   * `hardCapacityCommodities` under the other solvers).
   */
  readonly methods: Readonly<Record<string, 'equilibrium' | 'logit' | 'min-cost'>>;
  /** Outcome. */
  readonly status: SimulationStatus;
  /** Convergence report. */
  readonly convergence: Convergence;
  /** Crude exports by route. */
  readonly crude: CrudeSummary;
  /** Minimum cut of the overland container system (its maximum throughput). */
  readonly bindingCut: BindingCut | undefined;
  /**
   * Path flows (per demand flow and segment), for drill-down. The list is made when first read (under
   * the equilibrium and logit solvers, simulate computes its figures from the solver's path set and
   * makes these objects only then); it is then an ordinary property.
   */
  readonly paths: readonly RoutedPath[];
  /** What each scenario operation did. */
  readonly operations: readonly AppliedOperation[];
  /**
   * The network and demand after the scenario (for reports and maps). The network's graphology graph
   * is built when first read (simulate itself runs on the compiled records); it is the network
   * `applyScenario` returns for the same scenario, year and demand.
   */
  readonly applied: { readonly network: Network; readonly demand: Demand };
}
