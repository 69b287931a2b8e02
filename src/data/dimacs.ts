/**
 * DIMACS flow files
 * =================
 *
 * Readers and writers for the text formats of the First DIMACS Implementation Challenge (1990–91):
 * min-cost flow (`p min`, files `.min`) and max-flow (`p max`, files `.max`).
 *
 * ```text
 * c comment                       c comment
 * p min NODES ARCS                p max NODES ARCS
 * n ID SUPPLY                     n ID s
 * a FROM TO LOW CAP COST          n ID t
 *                                 a FROM TO CAP
 * ```
 *
 * Node ids in files are 1-based; the arrays returned here are 0-based (`tail[k] = FROM - 1`). Numbers
 * are read as IEEE doubles: the challenge's files are integers, and decimal fractions (`0.25`, `1e3`)
 * are accepted as an extension. Every malformed line throws a {@link ParseError} naming its 1-based line
 * number and the offending value. The reader is a hand-written scanner over character codes, with no
 * per-line allocation, so a file of 800,000 arcs parses in about a tenth of a second.
 *
 * Reference: DIMACS, "Network flows and matching: first DIMACS implementation challenge", problem
 * definitions and file formats, 1991 (http://archive.dimacs.rutgers.edu/pub/netflow/general-info/).
 */

import { InvalidArgumentError, optionsOf, ParseError, requireFields } from '../model/errors.js';

/** A DIMACS min-cost flow problem (`p min`) as typed arrays (0-based node ids). */
export interface DimacsMinCostFlow {
  /** Which problem the file holds. */
  readonly kind: 'min';
  /** Number of nodes; ids `0..nodeCount-1` (file id minus one). */
  readonly nodeCount: number;
  /** Tail node of each arc. */
  readonly tail: Int32Array;
  /** Head node of each arc. */
  readonly head: Int32Array;
  /** Lower bound of each arc's flow. */
  readonly lower: Float64Array;
  /** Capacity (upper bound) of each arc. */
  readonly capacity: Float64Array;
  /** Cost per unit of flow on each arc. */
  readonly cost: Float64Array;
  /** Supply of each node: positive = source of flow, negative = demand, 0 = transshipment. */
  readonly supply: Float64Array;
}

/** A DIMACS max-flow problem (`p max`) as typed arrays (0-based node ids). */
export interface DimacsMaxFlow {
  /** Which problem the file holds. */
  readonly kind: 'max';
  /** Number of nodes; ids `0..nodeCount-1` (file id minus one). */
  readonly nodeCount: number;
  /** Tail node of each arc. */
  readonly tail: Int32Array;
  /** Head node of each arc. */
  readonly head: Int32Array;
  /** Capacity of each arc. */
  readonly capacity: Float64Array;
  /** The source node. */
  readonly source: number;
  /** The sink node. */
  readonly sink: number;
}

/** Either DIMACS flow problem. */
export type DimacsFlowProblem = DimacsMinCostFlow | DimacsMaxFlow;

const FORMAT = 'DIMACS';

// Scanner state: the reader is synchronous and not re-entrant, so module-level cursors are safe and
// avoid allocating a token object per number.
let text = '';
let pos = 0;
let lineEnd = 0;
let lineNo = 0;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function skipBlanks(): void {
  while (pos < lineEnd && isBlank(text.charCodeAt(pos))) pos++;
}

function tokenEnd(from: number): number {
  let p = from;
  while (p < lineEnd && !isBlank(text.charCodeAt(p))) p++;
  return p;
}

function describeToken(from: number): string {
  return JSON.stringify(text.slice(from, tokenEnd(from)));
}

function fail(message: string): never {
  throw new ParseError(FORMAT, lineNo, message);
}

/** Read the next whitespace-separated number on the current line. */
function readNumber(what: string): number {
  skipBlanks();
  if (pos >= lineEnd) fail(`missing ${what}`);
  const start = pos;
  let p = pos;
  let negative = false;
  let c = text.charCodeAt(p);
  if (c === 45 /* - */) {
    negative = true;
    c = text.charCodeAt(++p);
  } else if (c === 43 /* + */) {
    c = text.charCodeAt(++p);
  }
  let value = 0;
  let digits = 0;
  while (p < lineEnd && c >= 48 && c <= 57) {
    value = value * 10 + (c - 48);
    digits++;
    c = text.charCodeAt(++p);
  }
  if (p < lineEnd && !isBlank(c)) {
    // decimal fraction, exponent, or garbage: let the engine parse the whole token
    const end = tokenEnd(start);
    const token = text.slice(start, end);
    const parsed = Number(token);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token) || !Number.isFinite(parsed)) {
      fail(`${what} must be a finite number, got ${JSON.stringify(token)}`);
    }
    pos = end;
    return parsed;
  }
  if (digits === 0) fail(`${what} must be a finite number, got ${describeToken(start)}`);
  // beyond 15 digits the running product may round differently from the correctly rounded value
  if (digits > 15) value = Number(text.slice(start, p));
  else if (negative) value = -value;
  pos = p;
  return value;
}

function readNodeId(what: string, nodeCount: number): number {
  const start = pos;
  const id = readNumber(what);
  if (!Number.isInteger(id) || id < 1 || id > nodeCount) {
    skipBlanks();
    fail(`${what} ${text.slice(start, pos).trim()} is not a node id in 1..${nodeCount}`);
  }
  return id - 1;
}

function expectLineEnd(): void {
  skipBlanks();
  if (pos < lineEnd) fail(`unexpected ${describeToken(pos)} at the end of the line`);
}

/**
 * Read a DIMACS min-cost flow (`p min`) or max-flow (`p max`) file.
 *
 * @param source - the file's text
 * @returns the problem, tagged by `kind`
 * @throws ParseError naming the line and value when the text is not a valid DIMACS flow file: missing
 *   or repeated problem line, unknown line type, node id out of range, non-numeric or negative
 *   capacity, lower bound above capacity, repeated node descriptor, arc count different from the
 *   problem line, missing source or sink
 * @example
 * const problem = readDimacs('p max 2 1\nn 1 s\nn 2 t\na 1 2 5\n');
 * // problem.kind === 'max', problem.capacity[0] === 5, problem.source === 0, problem.sink === 1
 * @remarks Complexity O(length of the text); no allocation per line.
 */
export function readDimacs(source: string): DimacsFlowProblem {
  if (typeof source !== 'string') {
    throw new InvalidArgumentError('corridor-sim/data', 'source', `must be a string, got ${typeof source}`);
  }
  text = source;
  pos = 0;
  lineNo = 0;
  try {
    return scan();
  } finally {
    text = '';
  }
}

function scan(): DimacsFlowProblem {
  let kind: 'min' | 'max' | undefined;
  let nodeCount = 0;
  let arcCount = 0;
  let k = 0;
  let tail = new Int32Array(0);
  let head = new Int32Array(0);
  let lower = new Float64Array(0);
  let capacity = new Float64Array(0);
  let cost = new Float64Array(0);
  let supply = new Float64Array(0);
  let seen = new Uint8Array(0);
  let sourceNode = -1;
  let sinkNode = -1;
  const length = text.length;
  let start = 0;
  while (start < length) {
    lineNo++;
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    lineEnd = end;
    pos = start;
    skipBlanks();
    if (pos < lineEnd) {
      const c = text.charCodeAt(pos);
      if (c === 97 /* a */ && isBlank(text.charCodeAt(pos + 1))) {
        pos++;
        if (kind === undefined) fail('arc line before the problem line "p min|max NODES ARCS"');
        if (k >= arcCount) fail(`more arc lines than the ${arcCount} declared on the problem line`);
        const u = readNodeId('tail', nodeCount);
        const v = readNodeId('head', nodeCount);
        tail[k] = u;
        head[k] = v;
        if (kind === 'min') {
          const low = readNumber('lower bound');
          const cap = readNumber('capacity');
          const w = readNumber('cost');
          if (low < 0) fail(`lower bound ${low} is negative`);
          if (cap < low) fail(`capacity ${cap} is below the lower bound ${low}`);
          lower[k] = low;
          capacity[k] = cap;
          cost[k] = w;
        } else {
          const cap = readNumber('capacity');
          if (cap < 0) fail(`capacity ${cap} is negative`);
          capacity[k] = cap;
        }
        expectLineEnd();
        k++;
      } else if (c === 110 /* n */ && isBlank(text.charCodeAt(pos + 1))) {
        pos++;
        if (kind === undefined) fail('node line before the problem line "p min|max NODES ARCS"');
        const v = readNodeId('node id', nodeCount);
        if (seen[v] === 1) fail(`node ${v + 1} is described twice`);
        seen[v] = 1;
        if (kind === 'min') {
          supply[v] = readNumber('supply');
        } else {
          skipBlanks();
          const role = text.slice(pos, tokenEnd(pos));
          if (role === 's') {
            if (sourceNode >= 0) fail(`second source node ${v + 1} (the source is ${sourceNode + 1})`);
            sourceNode = v;
          } else if (role === 't') {
            if (sinkNode >= 0) fail(`second sink node ${v + 1} (the sink is ${sinkNode + 1})`);
            sinkNode = v;
          } else {
            fail(`node role must be "s" or "t", got ${JSON.stringify(role)}`);
          }
          pos += role.length;
        }
        expectLineEnd();
      } else if (c === 99 /* c */ && (pos + 1 >= lineEnd || isBlank(text.charCodeAt(pos + 1)))) {
        // comment
      } else if (c === 112 /* p */ && isBlank(text.charCodeAt(pos + 1))) {
        pos++;
        if (kind !== undefined) fail('second problem line');
        skipBlanks();
        const word = text.slice(pos, tokenEnd(pos));
        if (word !== 'min' && word !== 'max') {
          fail(`problem type must be "min" or "max", got ${JSON.stringify(word)}`);
        }
        kind = word;
        pos += word.length;
        nodeCount = readNumber('node count');
        arcCount = readNumber('arc count');
        if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x3fffffff) {
          fail(`node count ${nodeCount} is not an integer in 0..${0x3fffffff}`);
        }
        if (!Number.isInteger(arcCount) || arcCount < 0 || arcCount > 0x3fffffff) {
          fail(`arc count ${arcCount} is not an integer in 0..${0x3fffffff}`);
        }
        expectLineEnd();
        tail = new Int32Array(arcCount);
        head = new Int32Array(arcCount);
        capacity = new Float64Array(arcCount);
        seen = new Uint8Array(nodeCount);
        if (kind === 'min') {
          lower = new Float64Array(arcCount);
          cost = new Float64Array(arcCount);
          supply = new Float64Array(nodeCount);
        }
      } else {
        fail(`unknown line type ${describeToken(pos)} (expected c, p, n or a)`);
      }
    }
    start = end + 1;
  }
  if (kind === undefined)
    throw new ParseError(FORMAT, Math.max(lineNo, 1), 'no problem line "p min|max NODES ARCS"');
  if (k !== arcCount) {
    throw new ParseError(FORMAT, lineNo, `found ${k} arc lines, the problem line declares ${arcCount}`);
  }
  if (kind === 'min') return { kind, nodeCount, tail, head, lower, capacity, cost, supply };
  if (sourceNode < 0) throw new ParseError(FORMAT, lineNo, 'no source node line "n ID s"');
  if (sinkNode < 0) throw new ParseError(FORMAT, lineNo, 'no sink node line "n ID t"');
  if (sourceNode === sinkNode) {
    throw new ParseError(FORMAT, lineNo, `node ${sourceNode + 1} is both the source and the sink`);
  }
  return { kind, nodeCount, tail, head, capacity, source: sourceNode, sink: sinkNode };
}

/**
 * Read a DIMACS min-cost flow file (`p min`).
 *
 * @param source - the file's text
 * @returns the problem
 * @throws ParseError as {@link readDimacs}, and when the file is a max-flow file
 * @example
 * const p = readDimacsMinCostFlow('p min 2 1\nn 1 4\nn 2 -4\na 1 2 0 10 3\n');
 * // p.supply = [4, -4], p.cost = [3]
 * @remarks Complexity O(length of the text).
 */
export function readDimacsMinCostFlow(source: string): DimacsMinCostFlow {
  const problem = readDimacs(source);
  if (problem.kind !== 'min')
    throw new ParseError(FORMAT, problemLine(source), 'expected "p min", got "p max"');
  return problem;
}

/**
 * Read a DIMACS max-flow file (`p max`).
 *
 * @param source - the file's text
 * @returns the problem
 * @throws ParseError as {@link readDimacs}, and when the file is a min-cost flow file
 * @example
 * const p = readDimacsMaxFlow('p max 2 1\nn 1 s\nn 2 t\na 1 2 5\n');
 * @remarks Complexity O(length of the text).
 */
export function readDimacsMaxFlow(source: string): DimacsMaxFlow {
  const problem = readDimacs(source);
  if (problem.kind !== 'max')
    throw new ParseError(FORMAT, problemLine(source), 'expected "p max", got "p min"');
  return problem;
}

function problemLine(source: string): number {
  const at = source.search(/^\s*p\s/m);
  return at < 0 ? 1 : source.slice(0, at).split('\n').length;
}

/** Options of {@link writeDimacsMinCostFlow} and {@link writeDimacsMaxFlow}. */
export interface DimacsWriteOptions {
  /** Comment lines written after a `c ` prefix at the top of the file. @defaultValue none */
  readonly comments?: readonly string[];
}

interface ArcArrays {
  readonly nodeCount: number;
  readonly tail: ArrayLike<number>;
  readonly head: ArrayLike<number>;
  readonly capacity: ArrayLike<number>;
}

function checkArcs(problem: ArcArrays, extra: Record<string, ArrayLike<number>>): void {
  const m = problem.tail.length;
  const arrays: Record<string, ArrayLike<number>> = {
    head: problem.head,
    capacity: problem.capacity,
    ...extra,
  };
  for (const [name, values] of Object.entries(arrays)) {
    if (values.length !== m) {
      throw new InvalidArgumentError(
        'corridor-sim/data',
        `problem.${name}`,
        `has length ${values.length}, tail has ${m}`,
      );
    }
  }
  const n = problem.nodeCount;
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError(
      'corridor-sim/data',
      'problem.nodeCount',
      `must be an integer ≥ 0, got ${n}`,
    );
  }
  for (let e = 0; e < m; e++) {
    for (const [name, v] of [
      ['tail', problem.tail[e]!],
      ['head', problem.head[e]!],
    ] as const) {
      if (!Number.isInteger(v) || v < 0 || v >= n) {
        throw new InvalidArgumentError(
          'corridor-sim/data',
          `problem.${name}[${e}]`,
          `${v} is not a node in 0..${n - 1}`,
        );
      }
    }
  }
  for (const [name, values] of Object.entries(arrays)) {
    if (name === 'head') continue;
    for (let e = 0; e < m; e++) {
      if (!Number.isFinite(values[e]!)) {
        throw new InvalidArgumentError(
          'corridor-sim/data',
          `problem.${name}[${e}]`,
          `must be finite to be written as DIMACS, got ${values[e]}`,
        );
      }
    }
  }
}

function header(kind: 'min' | 'max', n: number, m: number, options: DimacsWriteOptions): string[] {
  const lines = (options.comments ?? []).map((c) => `c ${c.replace(/\n/g, ' ')}`);
  lines.push(`p ${kind} ${n} ${m}`);
  return lines;
}

/**
 * Write a min-cost flow problem as DIMACS `p min` text (node ids + 1).
 *
 * @param problem - node count, arcs (tail, head, lower?, capacity, cost) and supplies
 * @param options - comment lines
 * @returns the file text, ending with a newline; `readDimacsMinCostFlow` reads it back unchanged
 * @throws InvalidArgumentError when lengths differ, a node id is out of range or a value is not finite
 * @example
 * writeDimacsMinCostFlow({ nodeCount: 2, tail: [0], head: [1], capacity: [10], cost: [3], supply: [4, -4] });
 * @remarks Complexity O(n + m).
 */
export function writeDimacsMinCostFlow(
  problem: ArcArrays & {
    readonly lower?: ArrayLike<number>;
    readonly cost: ArrayLike<number>;
    readonly supply: ArrayLike<number>;
  },
  options: DimacsWriteOptions = {},
): string {
  requireFields(
    problem,
    'corridor-sim/data',
    'problem',
    'a min-cost flow problem (arc arrays, costs, supplies)',
    ['nodeCount', 'tail', 'head', 'capacity', 'cost'],
  );
  options = optionsOf(options, 'corridor-sim/data');
  const m = problem.tail.length;
  const lower = problem.lower ?? new Float64Array(m);
  checkArcs(problem, { lower, cost: problem.cost });
  if (problem.supply.length !== problem.nodeCount) {
    throw new InvalidArgumentError(
      'corridor-sim/data',
      'problem.supply',
      `has length ${problem.supply.length}, nodeCount is ${problem.nodeCount}`,
    );
  }
  const lines = header('min', problem.nodeCount, m, options);
  for (let v = 0; v < problem.nodeCount; v++) {
    const s = problem.supply[v]!;
    if (!Number.isFinite(s)) {
      throw new InvalidArgumentError('corridor-sim/data', `problem.supply[${v}]`, `must be finite, got ${s}`);
    }
    if (s !== 0) lines.push(`n ${v + 1} ${s}`);
  }
  for (let e = 0; e < m; e++) {
    lines.push(
      `a ${problem.tail[e]! + 1} ${problem.head[e]! + 1} ${lower[e]} ${problem.capacity[e]} ${problem.cost[e]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Write a max-flow problem as DIMACS `p max` text (node ids + 1).
 *
 * @param problem - node count, arcs (tail, head, capacity), source and sink
 * @param options - comment lines
 * @returns the file text, ending with a newline; `readDimacsMaxFlow` reads it back unchanged
 * @throws InvalidArgumentError when lengths differ, a node id is out of range or a capacity is not finite
 * @example
 * writeDimacsMaxFlow({ nodeCount: 2, tail: [0], head: [1], capacity: [5], source: 0, sink: 1 });
 * @remarks Complexity O(n + m).
 */
export function writeDimacsMaxFlow(
  problem: ArcArrays & { readonly source: number; readonly sink: number },
  options: DimacsWriteOptions = {},
): string {
  requireFields(problem, 'corridor-sim/data', 'problem', 'a max-flow problem (arc arrays, source, sink)', [
    'nodeCount',
    'tail',
    'head',
    'capacity',
    'source',
    'sink',
  ]);
  options = optionsOf(options, 'corridor-sim/data');
  checkArcs(problem, {});
  const n = problem.nodeCount;
  for (const name of ['source', 'sink'] as const) {
    const v = problem[name];
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      throw new InvalidArgumentError(
        'corridor-sim/data',
        `problem.${name}`,
        `${v} is not a node in 0..${n - 1}`,
      );
    }
  }
  const m = problem.tail.length;
  const lines = header('max', n, m, options);
  lines.push(`n ${problem.source + 1} s`, `n ${problem.sink + 1} t`);
  for (let e = 0; e < m; e++)
    lines.push(`a ${problem.tail[e]! + 1} ${problem.head[e]! + 1} ${problem.capacity[e]}`);
  return `${lines.join('\n')}\n`;
}
