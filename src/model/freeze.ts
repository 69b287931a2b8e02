/**
 * Deep freezing
 * =============
 *
 * Values the library makes and then shares (network attributes, parsed demands and scenarios) are
 * frozen all the way down, so nobody can edit them after they were checked.
 */

/**
 * Freeze an object and everything reachable from it, stopping at objects already frozen (they are
 * taken to be frozen all the way down: everything this library freezes is). Use on objects the library
 * made itself, never on a caller's input.
 *
 * @param value - a private value
 * @returns the same value, deep-frozen
 * @example deepFreeze({ operations: [{ kind: 'close-nodes', nodes: ['aktau'] }] })
 * @remarks Complexity O(size of the unfrozen part); safe on cycles.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
