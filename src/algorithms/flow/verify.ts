/**
 * Optimality certificates
 * =======================
 *
 * Independent checks of flow results, in a few lines each, so that a caller (or a test) can confirm
 * an answer without trusting the solver:
 *
 * - a maximum flow is proved by a cut of equal capacity (max-flow min-cut theorem, Ford & Fulkerson
 *   1956): {@link verifyMaxFlow} checks capacities, conservation, that every cut arc is saturated and
 *   every arc back into the source side is empty, and value = cut capacity;
 * - a minimum-cost flow is proved by node potentials under which no residual arc has negative reduced
 *   cost (complementary slackness): {@link verifyMinCostFlow} checks bounds, conservation and those
 *   reduced-cost conditions;
 * - infeasibility is proved by the cut inequality (Gale 1957), also checked by {@link verifyMinCostFlow}.
 *
 * Each returns the list of violations found (empty = certified). `tolerance` is absolute; use 0 for
 * exact results (`exact: true`).
 */

import { requireFields, requireObject } from '../../model/errors.js';
import type { CapacitatedGraph, MaxFlowResult } from './maxFlow.js';
import type { MinCostFlowProblem, MinCostFlowResult } from './minCostFlow.js';

/**
 * Check a {@link maxFlow} result against its input.
 *
 * @param graph - the input graph
 * @param source - the source given to maxFlow
 * @param sink - the sink given to maxFlow
 * @param result - the result
 * @param tolerance - absolute slack allowed in each comparison (0 for exact results)
 * @returns the violations found, as sentences; empty when the result is certified optimal
 * @example
 * const r = maxFlow(g, 0, 3);
 * verifyMaxFlow(g, 0, 3, r); // []
 * @remarks Complexity O(n + m). For `unbounded` results it checks that the path is an infinite
 * source–sink path.
 */
export function verifyMaxFlow(
  graph: CapacitatedGraph,
  source: number,
  sink: number,
  result: MaxFlowResult,
  tolerance = 0,
): string[] {
  requireFields(graph, 'corridor-sim/flow', 'graph', 'a capacitated graph', [
    'nodeCount',
    'tail',
    'head',
    'capacity',
  ]);
  requireObject(result, 'corridor-sim/flow', 'result', 'a max-flow result');
  const issues: string[] = [];
  const { nodeCount: n, tail, head, capacity } = graph;
  const m = tail.length;
  if (result.status === 'unbounded') {
    let at = source;
    for (const e of result.path) {
      if (tail[e] !== at) issues.push(`path arc ${e} does not start at node ${at}`);
      if (capacity[e] !== Number.POSITIVE_INFINITY)
        issues.push(`path arc ${e} has finite capacity ${capacity[e]}`);
      at = head[e]!;
    }
    if (at !== sink) issues.push(`path ends at ${at}, not at the sink ${sink}`);
    return issues;
  }
  const balance = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    const f = result.flow[e]!;
    if (!(f >= -tolerance && f <= capacity[e]! + tolerance))
      issues.push(`arc ${e}: flow ${f} outside [0, ${capacity[e]}]`);
    balance[tail[e]!]! -= f;
    balance[head[e]!]! += f;
  }
  for (let v = 0; v < n; v++) {
    if (v !== source && v !== sink && Math.abs(balance[v]!) > tolerance) {
      issues.push(`node ${v}: inflow − outflow = ${balance[v]}, expected 0`);
    }
  }
  if (Math.abs(balance[sink]! - result.value) > tolerance) {
    issues.push(`net inflow at the sink ${balance[sink]} differs from the value ${result.value}`);
  }
  const side = result.sourceSide;
  if (side[source] !== 1) issues.push('the source is not on the source side');
  if (side[sink] !== 0) issues.push('the sink is on the source side');
  let cutCapacity = 0;
  const listed = new Set(result.cutArcs);
  for (let e = 0; e < m; e++) {
    const out = side[tail[e]!] === 1 && side[head[e]!] === 0;
    const back = side[tail[e]!] === 0 && side[head[e]!] === 1;
    if (out) {
      cutCapacity += capacity[e]!;
      if (capacity[e]! > 0 && !listed.has(e))
        issues.push(`arc ${e} leaves the source side but is not in cutArcs`);
      if (Math.abs(result.flow[e]! - capacity[e]!) > tolerance) {
        issues.push(`cut arc ${e} carries ${result.flow[e]} below its capacity ${capacity[e]}`);
      }
    } else if (listed.has(e)) {
      issues.push(`cutArcs lists arc ${e}, which does not leave the source side`);
    }
    if (back && Math.abs(result.flow[e]!) > tolerance) {
      issues.push(`arc ${e} enters the source side with flow ${result.flow[e]}`);
    }
  }
  if (Math.abs(cutCapacity - result.value) > tolerance) {
    issues.push(`cut capacity ${cutCapacity} differs from the value ${result.value}`);
  }
  return issues;
}

/**
 * Check a {@link minCostFlow} result against its input.
 *
 * For `optimal`: lower ≤ flow ≤ capacity, conservation (supply − absorbed at sources, demand +
 * absorbed at sinks), Σ cost·flow = cost, and reduced-cost optimality with the potentials. For
 * `infeasible` with reason `'capacity'`: the cut inequality
 * unmet = supply(S) + lower(into S) − capacity(out of S) > 0; with reason `'unbalanced'`:
 * unmet = |Σ supply| > 0. For `unbounded`: the cycle is closed, uncapacitated and of negative cost.
 *
 * @param problem - the input problem
 * @param result - the result
 * @param tolerance - absolute slack allowed (0 for exact results)
 * @returns the violations found; empty when certified
 * @example
 * verifyMinCostFlow(problem, minCostFlow(problem)); // []
 * @remarks Complexity O(n + m).
 */
export function verifyMinCostFlow(
  problem: MinCostFlowProblem,
  result: MinCostFlowResult,
  tolerance = 0,
): string[] {
  requireFields(problem, 'corridor-sim/flow', 'problem', 'a min-cost flow problem', [
    'nodeCount',
    'tail',
    'head',
    'capacity',
    'cost',
    'supply',
  ]);
  requireObject(result, 'corridor-sim/flow', 'result', 'a min-cost flow result');
  const issues: string[] = [];
  const { nodeCount: n, tail, head, capacity, cost, supply } = problem;
  const m = tail.length;
  const lowerOf = (e: number): number => (problem.lower === undefined ? 0 : problem.lower[e]!);
  const allowed = (e: number): boolean => cost[e] !== Number.POSITIVE_INFINITY;
  if (result.status === 'unbounded') {
    const c = result.cycle;
    if (c.length === 0) return ['the unbounded cycle is empty'];
    let total = 0;
    for (let i = 0; i < c.length; i++) {
      const e = c[i]!;
      const next = c[(i + 1) % c.length]!;
      if (head[e] !== tail[next]) issues.push(`cycle arcs ${e} and ${next} do not connect`);
      if (capacity[e] !== Number.POSITIVE_INFINITY) issues.push(`cycle arc ${e} has finite capacity`);
      total += cost[e]!;
    }
    if (!(total < 0)) issues.push(`cycle cost ${total} is not negative`);
    return issues;
  }
  if (result.status === 'infeasible') {
    if (!(result.unmet > 0)) issues.push(`unmet ${result.unmet} is not positive`);
    if (result.reason === 'unbalanced') {
      let total = 0;
      for (let v = 0; v < n; v++) total += supply[v]!;
      if (Math.abs(Math.abs(total) - result.unmet) > tolerance)
        issues.push(`unmet ${result.unmet} ≠ |Σ supply| ${Math.abs(total)}`);
      return issues;
    }
    const side = result.cut.sourceSide;
    let excess = 0;
    for (let v = 0; v < n; v++) if (side[v] === 1) excess += supply[v]!;
    const listed = new Set(result.cut.arcs);
    for (let e = 0; e < m; e++) {
      if (!allowed(e)) continue;
      const out = side[tail[e]!] === 1 && side[head[e]!] === 0;
      const into = side[tail[e]!] === 0 && side[head[e]!] === 1;
      if (out) {
        excess -= capacity[e]!;
        if (!listed.has(e)) issues.push(`arc ${e} leaves S but is not in cut.arcs`);
      } else if (listed.has(e)) {
        issues.push(`cut.arcs lists arc ${e}, which does not leave S`);
      }
      if (into) excess += lowerOf(e);
    }
    if (Math.abs(excess - result.unmet) > tolerance) {
      issues.push(`supply(S) + lower(in) − capacity(out) = ${excess}, but unmet = ${result.unmet}`);
    }
    return issues;
  }
  const balance = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const s = supply[v]!;
    balance[v] = s > 0 ? s - result.absorbed[v]! : s + result.absorbed[v]!;
  }
  let total = 0;
  for (let e = 0; e < m; e++) {
    const f = result.flow[e]!;
    const lo = lowerOf(e);
    const hi = capacity[e]!;
    if (!allowed(e)) {
      if (f !== 0) issues.push(`forbidden arc ${e} carries ${f}`);
      continue;
    }
    if (!(f >= lo - tolerance && f <= hi + tolerance))
      issues.push(`arc ${e}: flow ${f} outside [${lo}, ${hi}]`);
    balance[tail[e]!]! -= f;
    balance[head[e]!]! += f;
    total += f * cost[e]!;
    const rc = cost[e]! + result.potential[tail[e]!]! - result.potential[head[e]!]!;
    if (rc < -tolerance && f < hi - tolerance)
      issues.push(`arc ${e}: reduced cost ${rc} < 0 but flow ${f} < capacity ${hi}`);
    if (rc > tolerance && f > lo + tolerance)
      issues.push(`arc ${e}: reduced cost ${rc} > 0 but flow ${f} > lower ${lo}`);
  }
  for (let v = 0; v < n; v++) {
    if (Math.abs(balance[v]!) > tolerance)
      issues.push(`node ${v}: supply − outflow + inflow = ${balance[v]}, expected 0`);
  }
  const costTolerance = tolerance * (1 + Math.abs(total));
  if (Math.abs(total - result.cost) > costTolerance)
    issues.push(`Σ cost·flow = ${total}, but cost = ${result.cost}`);
  return issues;
}
