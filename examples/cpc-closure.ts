/**
 * Kazakh crude exports by route when the CPC pipeline stops.
 *
 * The Caspian Pipeline Consortium pipeline (Tengiz–Novorossiysk) carries most of Kazakhstan's crude
 * exports. This example simulates 2024 with the bundled `baseline` and `cpc-closure` scenarios and
 * prints, per export route, the tonnes and shares of delivered crude, the crude that cannot leave, and
 * the capacities that bind once CPC is closed.
 *
 * Reading the answer: the other routes fill up to their capacities and the rest cannot leave. The route
 * via Baku empties although it has room: the Aktau oil terminal is full, and the min-cost solver (a
 * system optimum) gives its slots to the cheaper route via Makhachkala, so the crude of the shippers
 * who refuse Russian routes is the crude left unmet.
 *
 * Solver: `min-cost`, as the README recommends when hard capacities are the question (pipelines do not
 * slow down when full, they simply carry no more). Crude is allocated with hard capacities under every
 * solver (`result.methods` says how each commodity was routed), so the crude figures would be the same
 * with the default solver; the container figures would not.
 *
 * Run from the repository root: npx tsx examples/cpc-closure.ts
 */

import { pathToFileURL } from 'node:url';
import {
  type Bottleneck,
  convertQuantity,
  formatTable,
  loadDataset,
  loadScenario,
  type SimulationResult,
  type SimulationStatus,
  simulate,
} from 'corridor-sim';

/** One export route, before (baseline) and after (CPC closed). */
export interface RouteRow {
  /** Corridor id of the route (`other` for crude that matches no corridor). */
  readonly id: string;
  readonly name: string;
  /** Tonnes per year. */
  readonly tonnesBefore: number;
  readonly tonnesAfter: number;
  /** Share of delivered crude. */
  readonly shareBefore: number;
  readonly shareAfter: number;
}

/** Crude totals of one run. */
export interface CrudeTotals {
  readonly status: SimulationStatus;
  /** Delivered crude, tonnes per year. */
  readonly deliveredTonnes: number;
  /** Crude that cannot leave, tonnes per year. */
  readonly unmetTonnes: number;
}

/** The figures this example prints. */
export interface CpcFigures {
  readonly year: number;
  readonly routes: readonly RouteRow[];
  readonly baseline: CrudeTotals;
  readonly closure: CrudeTotals;
  /** Crude capacities saturated (or priced) with CPC closed. */
  readonly bindingCrudeCapacities: readonly Bottleneck[];
}

const totals = (r: SimulationResult): CrudeTotals => ({
  status: r.status,
  deliveredTonnes: r.crude.totalTonnes,
  unmetTonnes: r.crude.unmetTonnes,
});

/** Simulate the baseline and the CPC closure and collect crude by route. */
export async function run(year = 2024): Promise<CpcFigures> {
  const eurasia = loadDataset('eurasia');
  const options = { year, solver: 'min-cost' } as const;
  const before = await simulate(eurasia, loadScenario('baseline'), options);
  const after = await simulate(eurasia, loadScenario('cpc-closure'), options);

  // `crude.byRoute` and `crude.shares` are keyed by the id of the export corridor.
  const ids = [...new Set([...Object.keys(before.crude.byRoute), ...Object.keys(after.crude.byRoute)])];
  const routes = ids.map(
    (id): RouteRow => ({
      id,
      name: before.corridors.find((c) => c.commodity === 'crude' && c.id === id)?.name ?? id,
      tonnesBefore: before.crude.byRoute[id] ?? 0,
      tonnesAfter: after.crude.byRoute[id] ?? 0,
      shareBefore: before.crude.shares[id] ?? 0,
      shareAfter: after.crude.shares[id] ?? 0,
    }),
  );

  return {
    year,
    routes,
    baseline: totals(before),
    closure: totals(after),
    // Their shadow prices are not shown: while crude is left unmet they are set by the penalty on
    // unmet demand (`unmetPenaltyUsd`, 1e6 USD per tonne by default), not by the routes' costs.
    bindingCrudeCapacities: after.bottlenecks.filter((b) => b.commodity === 'crude'),
  };
}

// Tonnes per year → million tonnes per year, with the library's unit conversion.
const mt = (tonnes: number) => convertQuantity(`${tonnes} tonne/year`, 'Mt/year');
const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

/** The figures as text. */
export function report(figures: CpcFigures): string {
  const total = (label: string, t: CrudeTotals) =>
    `${label}: ${mt(t.deliveredTonnes)} Mt delivered, ${mt(t.unmetTonnes)} Mt cannot leave` +
    ` (status ${t.status})`;
  return [
    `Kazakh crude exports by route in ${figures.year}, baseline → CPC closed (min-cost solver)`,
    '',
    formatTable(
      ['route', 'Mt before', 'Mt after', 'share before', 'share after'],
      figures.routes.map((r) => [
        r.name,
        mt(r.tonnesBefore),
        mt(r.tonnesAfter),
        percent(r.shareBefore),
        percent(r.shareAfter),
      ]),
    ),
    '',
    total('baseline', figures.baseline),
    total('CPC closed', figures.closure),
    '',
    'Crude capacities that bind with CPC closed:',
    formatTable(
      ['link or terminal', 'kind', 'utilisation'],
      figures.bindingCrudeCapacities.map((b) => [b.id, b.kind, percent(b.utilization)]),
    ),
  ].join('\n');
}

// Print only when run as a script, not when imported by a test.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(report(await run()));
}
