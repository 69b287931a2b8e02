/**
 * TNTP readers
 * ============
 *
 * Readers for the text formats of the Transportation Networks for Research collection (TNTP): link
 * tables (`*_net.tntp`), trip tables (`*_trips.tntp`), best-known link flows (`*_flow.tntp`) and node
 * coordinates (`*_node.tntp`). Results are structs of typed arrays (one entry per row, file order), so
 * the 3 MB ChicagoSketch trip table reads in a few tens of milliseconds.
 *
 * The reader accepts what the wider collection contains: links stored with capacity 1 and B already
 * divided by capacity^power, non-integer powers, and constant-cost links with B = power = 0. Anything
 * malformed throws a {@link ParseError} naming the 1-based line and the offending text.
 *
 * Format: metadata lines `<KEY> value` up to `<END OF METADATA>`; `~` starts a comment; link rows
 * `init term capacity length fft B power speed toll type ;` (the trailing `;` and the last three
 * columns are optional); trip blocks `Origin o` followed by `d : volume;` entries, any number per line.
 *
 * Reference: Transportation Networks for Research Core Team, "Transportation Networks for Research",
 * https://github.com/bstabler/TransportationNetworks (format description in its README).
 */

import { ParseError } from '../model/errors.js';

/** Link table of a TNTP network; node ids are the file's 1-based ids. */
export interface TntpLinks {
  /** Tail node id (1-based, as in the file). */
  readonly from: Int32Array;
  /** Head node id (1-based). */
  readonly to: Int32Array;
  /** Capacity (vehicles per period); may be 1 when B is pre-divided. */
  readonly capacity: Float64Array;
  /** Length (file units: miles, feet ...). */
  readonly length: Float64Array;
  /** Free-flow travel time (file units, usually minutes). */
  readonly freeFlowTime: Float64Array;
  /** BPR B coefficient. */
  readonly b: Float64Array;
  /** BPR power (may be non-integer or 0). */
  readonly power: Float64Array;
  /** Speed (informational). */
  readonly speed: Float64Array;
  /** Toll (file units). */
  readonly toll: Float64Array;
  /** Link type code. */
  readonly type: Int32Array;
}

/** A parsed `*_net.tntp` file. */
export interface TntpNetwork {
  /** `<NUMBER OF ZONES>`: zones are nodes `1..zoneCount`. */
  readonly zoneCount: number;
  /** `<NUMBER OF NODES>`. */
  readonly nodeCount: number;
  /** `<FIRST THRU NODE>`: zones below it must not be passed through (1 when absent). */
  readonly firstThruNode: number;
  /** Number of link rows. */
  readonly linkCount: number;
  /** Every metadata entry, keyed by the text between `<` and `>`. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The link table. */
  readonly links: TntpLinks;
}

/** A parsed `*_trips.tntp` file: one entry per `d : volume` pair, in file order. */
export interface TntpTrips {
  /** `<NUMBER OF ZONES>`. */
  readonly zoneCount: number;
  /** `<TOTAL OD FLOW>` when present (it includes intrazonal trips). */
  readonly totalOdFlow: number | undefined;
  /** Every metadata entry. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Origin zone of each entry (1-based). */
  readonly origins: Int32Array;
  /** Destination zone of each entry (1-based). */
  readonly destinations: Int32Array;
  /** Volume of each entry (≥ 0; intrazonal entries kept). */
  readonly volumes: Float64Array;
}

/** A parsed `*_flow.tntp` file (best-known link volumes). */
export interface TntpFlows {
  /** Tail node id of each row. */
  readonly from: Int32Array;
  /** Head node id of each row. */
  readonly to: Int32Array;
  /** Link volume. */
  readonly volume: Float64Array;
  /** Link cost at that volume (NaN when the column is absent). */
  readonly cost: Float64Array;
}

/** A parsed `*_node.tntp` file. */
export interface TntpNodes {
  /** Node id of each row. */
  readonly id: Int32Array;
  /** X coordinate (longitude or projected units). */
  readonly x: Float64Array;
  /** Y coordinate. */
  readonly y: Float64Array;
}

const NET = 'TNTP net';
const TRIPS = 'TNTP trips';
const FLOW = 'TNTP flow';
const NODE = 'TNTP node';

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

function checkText(text: unknown, format: string): string {
  if (typeof text !== 'string') {
    throw new ParseError(format, 1, `input must be a string, got ${typeof text}`);
  }
  return text;
}

/** Lines without comments, with their 1-based numbers; blank lines dropped. */
function* contentLines(text: string): Generator<[line: string, lineNumber: number]> {
  let start = 0;
  let lineNumber = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    lineNumber++;
    let line = text.slice(start, end);
    const tilde = line.indexOf('~');
    if (tilde >= 0) line = line.slice(0, tilde);
    line = line.trim();
    if (line !== '') yield [line, lineNumber];
    start = end + 1;
  }
}

const META = /^<([^>]+)>\s*(.*)$/;

interface MetaState {
  readonly metadata: Record<string, string>;
  readonly lines: Map<string, number>;
}

/** Consume metadata lines; returns true while still inside the metadata block. */
function readMeta(state: MetaState, line: string, lineNumber: number, format: string): boolean {
  const m = META.exec(line);
  if (m === null)
    throw new ParseError(format, lineNumber, `expected a metadata line <KEY> value, got ${quote(line)}`);
  const key = m[1]!.trim().toUpperCase();
  if (key === 'END OF METADATA') return false;
  state.metadata[key] = m[2]!.trim();
  state.lines.set(key, lineNumber);
  return true;
}

function metaInteger(state: MetaState, key: string, format: string, min: number): number | undefined {
  const raw = state.metadata[key];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ParseError(
      format,
      state.lines.get(key) ?? 1,
      `<${key}> must be an integer ≥ ${min}, got ${quote(raw)}`,
    );
  }
  return value;
}

function parseNumber(token: string | undefined, what: string, format: string, lineNumber: number): number {
  if (token === undefined || token === '') throw new ParseError(format, lineNumber, `missing ${what}`);
  const value = Number(token);
  if (!Number.isFinite(value)) {
    throw new ParseError(format, lineNumber, `${what} must be a finite number, got ${quote(token)}`);
  }
  return value;
}

function parseId(
  token: string | undefined,
  what: string,
  format: string,
  lineNumber: number,
  max: number,
): number {
  const value = parseNumber(token, what, format, lineNumber);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '≥ 1' : `in 1..${max}`;
    throw new ParseError(format, lineNumber, `${what} must be an integer ${range}, got ${quote(token!)}`);
  }
  return value;
}

function fields(line: string): string[] {
  const body = line.endsWith(';') ? line.slice(0, -1) : line;
  return body.split(/[\s;]+/).filter((token) => token !== '');
}

/** A growable column of numbers, turned into a typed array at the end. */
class Column {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  floats(): Float64Array {
    return this.data.slice(0, this.length);
  }
  ints(): Int32Array {
    return Int32Array.from(this.data.subarray(0, this.length));
  }
}

/**
 * Read a TNTP link table (`*_net.tntp`).
 *
 * @param text - the file's content
 * @returns metadata and the link table (node ids as in the file, 1-based)
 * @throws ParseError (with the 1-based line) on a malformed metadata line, a row with fewer than 7
 *   numeric columns, a non-finite or negative value, a node id outside `1..<NUMBER OF NODES>`,
 *   capacity ≤ 0 on a link whose B is positive, or a row count different from `<NUMBER OF LINKS>`
 * @example
 * const net = parseTntpNet(readFileSync('SiouxFalls_net.tntp', 'utf8'));
 * net.links.capacity[0]; // 25900.20064
 * @remarks Complexity O(file length). Format: Transportation Networks for Research (bstabler/TransportationNetworks).
 */
export function parseTntpNet(text: string): TntpNetwork {
  const source = checkText(text, NET);
  const meta: MetaState = { metadata: {}, lines: new Map() };
  let inMeta = true;
  const cols = Array.from({ length: 10 }, () => new Column(256));
  let nodeLimit = Number.MAX_SAFE_INTEGER;
  let lastLine = 0;
  let maxNode = 0;
  let zoneCount = 0;
  let sawEnd = false;
  for (const [line, lineNumber] of contentLines(source)) {
    lastLine = lineNumber;
    if (inMeta) {
      if (!line.startsWith('<')) {
        throw new ParseError(NET, lineNumber, `expected metadata or <END OF METADATA>, got ${quote(line)}`);
      }
      inMeta = readMeta(meta, line, lineNumber, NET);
      if (!inMeta) {
        sawEnd = true;
        nodeLimit = metaInteger(meta, 'NUMBER OF NODES', NET, 1) ?? Number.MAX_SAFE_INTEGER;
        zoneCount = metaInteger(meta, 'NUMBER OF ZONES', NET, 0) ?? 0;
      }
      continue;
    }
    const tokens = fields(line);
    if (tokens.length < 7) {
      throw new ParseError(
        NET,
        lineNumber,
        `a link row needs at least 7 columns (init term capacity length fft B power), got ${quote(line)}`,
      );
    }
    if (tokens.length > 10) {
      throw new ParseError(
        NET,
        lineNumber,
        `a link row has at most 10 columns, got ${tokens.length}: ${quote(line)}`,
      );
    }
    const from = parseId(tokens[0], 'init node', NET, lineNumber, nodeLimit);
    const to = parseId(tokens[1], 'term node', NET, lineNumber, nodeLimit);
    const names = ['capacity', 'length', 'free flow time', 'B', 'power', 'speed', 'toll'] as const;
    const values: number[] = [];
    for (let i = 0; i < names.length; i++) {
      const token = tokens[i + 2];
      const value = token === undefined ? 0 : parseNumber(token, names[i]!, NET, lineNumber);
      if (value < 0 && names[i] !== 'toll') {
        throw new ParseError(NET, lineNumber, `${names[i]} must be ≥ 0, got ${quote(token!)}`);
      }
      values.push(value);
    }
    const type = tokens[9] === undefined ? 0 : parseNumber(tokens[9], 'link type', NET, lineNumber);
    if (!Number.isInteger(type)) {
      throw new ParseError(NET, lineNumber, `link type must be an integer, got ${quote(tokens[9]!)}`);
    }
    const [capacity, , , b] = values as [number, number, number, number];
    if (b > 0 && capacity <= 0) {
      throw new ParseError(
        NET,
        lineNumber,
        `capacity must be > 0 on a link with B > 0, got ${quote(tokens[2]!)}`,
      );
    }
    cols[0]!.push(from);
    cols[1]!.push(to);
    for (let i = 0; i < values.length; i++) cols[i + 2]!.push(values[i]!);
    cols[9]!.push(type);
    maxNode = Math.max(maxNode, from, to);
  }
  if (!sawEnd) throw new ParseError(NET, Math.max(lastLine, 1), 'missing <END OF METADATA>');
  const linkCount = cols[0]!.length;
  const declaredLinks = metaInteger(meta, 'NUMBER OF LINKS', NET, 0);
  if (declaredLinks !== undefined && declaredLinks !== linkCount) {
    throw new ParseError(
      NET,
      meta.lines.get('NUMBER OF LINKS') ?? 1,
      `<NUMBER OF LINKS> says ${declaredLinks} but the file has ${linkCount} link rows`,
    );
  }
  const nodeCount = nodeLimit === Number.MAX_SAFE_INTEGER ? maxNode : nodeLimit;
  if (zoneCount > nodeCount) {
    throw new ParseError(
      NET,
      meta.lines.get('NUMBER OF ZONES') ?? 1,
      `<NUMBER OF ZONES> ${zoneCount} exceeds the number of nodes ${nodeCount}`,
    );
  }
  const firstThruNode = metaInteger(meta, 'FIRST THRU NODE', NET, 1) ?? 1;
  return {
    zoneCount,
    nodeCount,
    firstThruNode,
    linkCount,
    metadata: meta.metadata,
    links: {
      from: cols[0]!.ints(),
      to: cols[1]!.ints(),
      capacity: cols[2]!.floats(),
      length: cols[3]!.floats(),
      freeFlowTime: cols[4]!.floats(),
      b: cols[5]!.floats(),
      power: cols[6]!.floats(),
      speed: cols[7]!.floats(),
      toll: cols[8]!.floats(),
      type: cols[9]!.ints(),
    },
  };
}

/**
 * Read a TNTP trip table (`*_trips.tntp`).
 *
 * @param text - the file's content
 * @returns metadata and one entry per `destination : volume` pair (intrazonal and zero entries kept)
 * @throws ParseError (with the 1-based line) on malformed metadata, an entry before the first
 *   `Origin`, an entry that is not `d : volume`, a zone outside `1..<NUMBER OF ZONES>`, or a negative
 *   or non-finite volume
 * @example
 * const trips = parseTntpTrips(readFileSync('SiouxFalls_trips.tntp', 'utf8'));
 * trips.volumes.reduce((a, b) => a + b, 0); // 360600
 * @remarks Complexity O(file length). Format: Transportation Networks for Research (bstabler/TransportationNetworks).
 */
export function parseTntpTrips(text: string): TntpTrips {
  const source = checkText(text, TRIPS);
  const meta: MetaState = { metadata: {}, lines: new Map() };
  let inMeta = true;
  let sawEnd = false;
  let lastLine = 0;
  let zoneLimit = Number.MAX_SAFE_INTEGER;
  let zoneCount = 0;
  let origin = -1;
  const origins = new Column(1024);
  const destinations = new Column(1024);
  const volumes = new Column(1024);
  for (const [line, lineNumber] of contentLines(source)) {
    lastLine = lineNumber;
    if (inMeta) {
      if (!line.startsWith('<')) {
        throw new ParseError(TRIPS, lineNumber, `expected metadata or <END OF METADATA>, got ${quote(line)}`);
      }
      inMeta = readMeta(meta, line, lineNumber, TRIPS);
      if (!inMeta) {
        sawEnd = true;
        const declared = metaInteger(meta, 'NUMBER OF ZONES', TRIPS, 1);
        if (declared !== undefined) zoneLimit = declared;
      }
      continue;
    }
    if (/^origin\b/i.test(line)) {
      const rest = line.slice(6).trim();
      origin = parseId(
        rest.replace(/;$/, '').trim() || undefined,
        'origin zone',
        TRIPS,
        lineNumber,
        zoneLimit,
      );
      zoneCount = Math.max(zoneCount, origin);
      continue;
    }
    if (origin < 0)
      throw new ParseError(TRIPS, lineNumber, `entry before the first "Origin" line: ${quote(line)}`);
    for (const part of line.split(';')) {
      const entry = part.trim();
      if (entry === '') continue;
      const colon = entry.indexOf(':');
      if (colon < 0)
        throw new ParseError(TRIPS, lineNumber, `expected "destination : volume", got ${quote(entry)}`);
      const destination = parseId(
        entry.slice(0, colon).trim(),
        'destination zone',
        TRIPS,
        lineNumber,
        zoneLimit,
      );
      const volumeText = entry.slice(colon + 1).trim();
      const volume = parseNumber(volumeText, 'volume', TRIPS, lineNumber);
      if (volume < 0) throw new ParseError(TRIPS, lineNumber, `volume must be ≥ 0, got ${quote(volumeText)}`);
      origins.push(origin);
      destinations.push(destination);
      volumes.push(volume);
      zoneCount = Math.max(zoneCount, destination);
    }
  }
  if (!sawEnd) throw new ParseError(TRIPS, Math.max(lastLine, 1), 'missing <END OF METADATA>');
  const rawTotal = meta.metadata['TOTAL OD FLOW'];
  let totalOdFlow: number | undefined;
  if (rawTotal !== undefined) {
    totalOdFlow = parseNumber(rawTotal, '<TOTAL OD FLOW>', TRIPS, meta.lines.get('TOTAL OD FLOW') ?? 1);
  }
  return {
    zoneCount: zoneLimit === Number.MAX_SAFE_INTEGER ? zoneCount : zoneLimit,
    totalOdFlow,
    metadata: meta.metadata,
    origins: origins.ints(),
    destinations: destinations.ints(),
    volumes: volumes.floats(),
  };
}

function parseTable(
  text: string,
  format: string,
  header: RegExp,
  minColumns: number,
  maxColumns: number,
  row: (tokens: string[], lineNumber: number) => void,
): void {
  let first = true;
  for (const [line, lineNumber] of contentLines(checkText(text, format))) {
    if (first) {
      first = false;
      if (header.test(line)) continue;
    }
    const tokens = fields(line);
    if (tokens.length < minColumns || tokens.length > maxColumns) {
      throw new ParseError(
        format,
        lineNumber,
        `expected ${minColumns === maxColumns ? minColumns : `${minColumns}–${maxColumns}`} columns, got ${tokens.length}: ${quote(line)}`,
      );
    }
    row(tokens, lineNumber);
  }
}

/**
 * Read a TNTP link-flow file (`*_flow.tntp`: `From To Volume Cost`).
 *
 * @param text - the file's content
 * @returns one row per link, file order
 * @throws ParseError on a row without 3–4 numeric columns, a bad node id, or a negative volume
 * @example parseTntpFlow('From To Volume Cost\n1 2 4494.66 6.0008\n').volume[0] // 4494.66
 * @remarks Complexity O(file length). Format: Transportation Networks for Research (bstabler/TransportationNetworks).
 */
export function parseTntpFlow(text: string): TntpFlows {
  const from = new Column(256);
  const to = new Column(256);
  const volume = new Column(256);
  const cost = new Column(256);
  parseTable(text, FLOW, /^from\b/i, 3, 4, (tokens, lineNumber) => {
    from.push(parseId(tokens[0], 'from node', FLOW, lineNumber, Number.MAX_SAFE_INTEGER));
    to.push(parseId(tokens[1], 'to node', FLOW, lineNumber, Number.MAX_SAFE_INTEGER));
    const v = parseNumber(tokens[2], 'volume', FLOW, lineNumber);
    if (v < 0) throw new ParseError(FLOW, lineNumber, `volume must be ≥ 0, got ${quote(tokens[2]!)}`);
    volume.push(v);
    cost.push(tokens[3] === undefined ? Number.NaN : parseNumber(tokens[3], 'cost', FLOW, lineNumber));
  });
  return { from: from.ints(), to: to.ints(), volume: volume.floats(), cost: cost.floats() };
}

/**
 * Read a TNTP node file (`*_node.tntp`: `Node X Y ;`).
 *
 * @param text - the file's content
 * @returns one row per node, file order
 * @throws ParseError on a row without 3 numeric columns or a bad node id
 * @example parseTntpNode('Node X Y ;\n1 -96.77 43.61 ;\n').x[0] // -96.77
 * @remarks Complexity O(file length). Format: Transportation Networks for Research (bstabler/TransportationNetworks).
 */
export function parseTntpNode(text: string): TntpNodes {
  const id = new Column(256);
  const x = new Column(256);
  const y = new Column(256);
  parseTable(text, NODE, /^node\b/i, 3, 3, (tokens, lineNumber) => {
    id.push(parseId(tokens[0], 'node id', NODE, lineNumber, Number.MAX_SAFE_INTEGER));
    x.push(parseNumber(tokens[1], 'X', NODE, lineNumber));
    y.push(parseNumber(tokens[2], 'Y', NODE, lineNumber));
  });
  return { id: id.ints(), x: x.floats(), y: y.floats() };
}
