/**
 * Simulation reports
 * ==================
 *
 * A simulation result as the compact JSON the CLI prints (`summarizeResult`), as readable text tables
 * (`formatResult`), and as CSV tables (`resultToCsv`). Pure.
 */

import { describeValue, InvalidArgumentError, optionsOf, rejectUnknownKeys } from '../model/errors.js';
import type { SimulationResult } from '../simulate/result.js';
import { requireSimulationResult } from '../simulate/simulate.js';
import { formatNumber, formatTable } from './table.js';

/** The compact JSON summary of a result (the `run --json` output). */
export interface ResultSummary {
  readonly scenario: string;
  readonly year: number;
  readonly demandYear: number;
  readonly solver: string;
  readonly status: string;
  readonly relativeGap: number;
  /** Equilibrium solver only: the largest relative excess of a used route over its cheapest. */
  readonly maxPathExcess?: number;
  readonly corridors: readonly {
    id: string;
    name: string;
    volumeTeu: number;
    share: number;
    meanTransitDays: number | null;
  }[];
  readonly countryTransitShare: Readonly<Record<string, number>>;
  readonly throughputTeu: number;
  readonly divertedTeu: number;
  readonly unmetTeu: number;
  readonly bottlenecks: readonly { id: string; kind: string; utilization: number; shadowPriceUsd?: number }[];
  readonly bindingCut: {
    readonly capacityTeu: number;
    readonly links: readonly string[];
    readonly nodes: readonly string[];
  } | null;
  readonly crude: {
    readonly totalTonnes: number;
    readonly unmetTonnes: number;
    readonly routes: readonly { id: string; name: string; tonnes: number; share: number }[];
  };
}

const MODULE = 'corridor-sim/report';

/** Options of {@link formatResult}. */
export interface FormatResultOptions {
  /** Most bottlenecks listed (countries: this + 4), an integer ≥ 0. @defaultValue 10 */
  readonly maxRows?: number;
}

const DEFAULTS = { maxRows: 10 } as const;

const TABLES: readonly ResultTable[] = ['links', 'corridors', 'ods', 'countries', 'bottlenecks'];

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The compact summary of a result.
 *
 * @param result - a simulation result
 * @returns a JSON-ready object
 */
export function summarizeResult(result: SimulationResult): ResultSummary {
  requireSimulationResult(result, MODULE, 'result');
  return {
    scenario: result.scenario,
    year: result.year,
    demandYear: result.demandYear,
    solver: result.solver,
    status: result.status,
    relativeGap: result.convergence.relativeGap,
    ...(result.convergence.maxPathExcess === undefined
      ? {}
      : { maxPathExcess: result.convergence.maxPathExcess }),
    corridors: result.corridors
      .filter((c) => c.commodity === 'container')
      .map((c) => ({
        id: c.id,
        name: c.name,
        volumeTeu: c.volume,
        share: c.share,
        meanTransitDays: finiteOrNull(c.meanTransitDays),
      })),
    countryTransitShare: result.countryTransitShare,
    throughputTeu: result.throughputTeu,
    divertedTeu: result.divertedTeu,
    unmetTeu: result.unmetTeu,
    bottlenecks: result.bottlenecks.map((b) => ({
      id: b.id,
      kind: b.kind,
      utilization: b.utilization,
      ...(b.shadowPriceUsd === undefined ? {} : { shadowPriceUsd: b.shadowPriceUsd }),
    })),
    bindingCut: result.bindingCut ?? null,
    crude: {
      totalTonnes: result.crude.totalTonnes,
      unmetTonnes: result.crude.unmetTonnes,
      routes: result.corridors
        .filter((c) => c.commodity === 'crude')
        .map((c) => ({ id: c.id, name: c.name, tonnes: c.volume, share: c.share })),
    },
  };
}

const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
const days = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/**
 * A result as readable text: headline, corridors, country transit shares, crude, bottlenecks.
 *
 * @param result - a simulation result
 * @param options - how many bottlenecks and countries to list
 * @returns multi-line text
 * @throws InvalidArgumentError when `result` is not a simulation result, `options` is not an object or
 *   has an unknown key, or `maxRows` is not an integer ≥ 0
 * @example console.log(formatResult(await simulate(eurasia, scenario, { year: 2024 }), { maxRows: 5 }));
 * @remarks Complexity O(corridors + countries + bottlenecks).
 */
export function formatResult(result: SimulationResult, options: FormatResultOptions = {}): string {
  requireSimulationResult(result, MODULE, 'result');
  options = optionsOf(options, MODULE);
  rejectUnknownKeys(options, Object.keys(DEFAULTS), MODULE, 'options');
  const maxRows: unknown = options.maxRows === undefined ? DEFAULTS.maxRows : options.maxRows;
  if (typeof maxRows !== 'number' || !Number.isInteger(maxRows) || maxRows < 0) {
    throw new InvalidArgumentError(
      MODULE,
      'options.maxRows',
      `must be an integer ≥ 0, got ${describeValue(maxRows)}`,
    );
  }
  const lines = [
    `${result.scenario} · ${result.year}${result.demandYear === result.year ? '' : ` (demand of ${result.demandYear})`} · ${result.solver} · ${result.status} (${convergenceText(result.convergence)})`,
    `overland China→Europe: ${formatNumber(result.throughputTeu)} TEU; by sea: ${formatNumber(result.divertedTeu)} TEU; unmet: ${formatNumber(result.unmetTeu)} TEU`,
    result.bindingCut
      ? `overland capacity (minimum cut): ${formatNumber(result.bindingCut.capacityTeu)} TEU, bound by ${[...result.bindingCut.links, ...result.bindingCut.nodes].join(', ')}`
      : 'overland capacity: unbounded (an uncapacitated route exists)',
    '',
    formatTable(
      ['corridor', 'TEU/yr', 'share', 'days'],
      result.corridors
        .filter((c) => c.commodity === 'container' && (c.volume > 0 || c.id !== 'other'))
        .map((c) => [c.name, c.volume, percent(c.share), days(c.meanTransitDays)]),
    ),
    '',
    `overland transit share by country: ${Object.entries(result.countryTransitShare)
      .slice(0, maxRows + 4)
      .map(([c, s]) => `${c} ${percent(s)}`)
      .join(', ')}`,
  ];
  const crude = result.corridors.filter((c) => c.commodity === 'crude');
  if (crude.length > 0) {
    lines.push(
      '',
      formatTable(
        ['crude route', 'Mt/yr', 'share'],
        crude.map((c) => [c.name, c.volume / 1e6, percent(c.share)]),
      ),
    );
  }
  if (result.bottlenecks.length > 0) {
    lines.push(
      '',
      formatTable(
        ['bottleneck', 'kind', 'utilisation', 'shadow price USD'],
        result.bottlenecks
          .slice(0, maxRows)
          .map((b) => [
            b.id,
            b.kind,
            percent(b.utilization),
            b.shadowPriceUsd === undefined ? '–' : formatNumber(b.shadowPriceUsd),
          ]),
      ),
    );
  }
  return lines.join('\n');
}

function csvCell(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Tables available as CSV. */
export type ResultTable = 'links' | 'corridors' | 'ods' | 'countries' | 'bottlenecks';

/**
 * One table of a result as CSV (RFC 4180, header row, `\n` line ends).
 *
 * @param result - a simulation result
 * @param table - which table: `links`, `corridors`, `ods`, `countries` or `bottlenecks`
 * @returns CSV text
 * @throws InvalidArgumentError when `result` is not a simulation result or `table` is not one of the tables
 * @example resultToCsv(result, 'corridors')
 * @remarks Complexity O(rows of the table).
 */
export function resultToCsv(result: SimulationResult, table: ResultTable): string {
  requireSimulationResult(result, MODULE, 'result');
  if (!TABLES.includes(table)) {
    throw new InvalidArgumentError(
      MODULE,
      'table',
      `must be one of ${TABLES.join(', ')}, got ${describeValue(table)}`,
    );
  }
  let header: string[];
  let rows: unknown[][];
  switch (table) {
    case 'links':
      header = ['id', 'commodity', 'flow', 'capacity', 'utilization', 'timeDays'];
      rows = result.links.map((l) => [l.id, l.commodity, l.flow, l.capacity, l.utilization, l.timeDays]);
      break;
    case 'corridors':
      header = ['id', 'name', 'commodity', 'volume', 'share', 'meanTransitDays', 'meanCostUsd'];
      rows = result.corridors.map((c) => [
        c.id,
        c.name,
        c.commodity,
        c.volume,
        c.share,
        c.meanTransitDays,
        c.meanCostUsd,
      ]);
      break;
    case 'ods':
      header = [
        'id',
        'origin',
        'destination',
        'commodity',
        'demand',
        'delivered',
        'unmet',
        'meanTransitDays',
        'meanCostUsd',
      ];
      rows = result.ods.map((o) => [
        o.id,
        o.origin,
        o.destination,
        o.commodity,
        o.demand,
        o.delivered,
        o.unmet,
        o.meanTransitDays,
        o.meanCostUsd,
      ]);
      break;
    case 'countries':
      header = ['country', 'overlandTransitShare'];
      rows = Object.entries(result.countryTransitShare);
      break;
    case 'bottlenecks':
      header = ['id', 'kind', 'commodity', 'utilization', 'shadowPriceUsd'];
      rows = result.bottlenecks.map((b) => [
        b.id,
        b.kind,
        b.commodity,
        b.utilization,
        b.shadowPriceUsd ?? '',
      ]);
      break;
  }
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/**
 * The relative gap, with the equilibrium solver how far the costliest used route is above its
 * cheapest (`maxPathExcess`), and the iterations.
 */
function convergenceText(convergence: SimulationResult['convergence']): string {
  const gap = `relative gap ${convergence.relativeGap.toExponential(1)}`;
  const excess = convergence.maxPathExcess;
  const routes =
    excess === undefined ? '' : `, every used route within ${smallPercent(excess)} of its cheapest`;
  return `${gap}${routes}, ${convergence.iterations} iterations`;
}

/** A small fraction as a percentage with two significant digits (0.019%, where `percent` gives 0.0%). */
function smallPercent(fraction: number): string {
  return fraction > 0 ? `${Number((fraction * 100).toPrecision(2))}%` : '0%';
}
