/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// Question and choice texts (readText) live in ./graphText: this module is part of the AccessPrompt customizer's
// first script, which does not need them.

/**
 * Thrown by a mapper when a Graph payload lacks something the product cannot do without (an id, a
 * policy id to submit against). Inventing a value instead would send "undefined" back to Graph.
 */
export class GraphShapeError extends Error {
  constructor(public readonly graphType: string, public readonly property: string) {
    super(`Microsoft Graph returned a ${graphType} without ${property}; Access Hub cannot use it.`);
    this.name = 'GraphShapeError';
  }
}

/** The value of a required string property, or a GraphShapeError naming what is missing. */
export function required(value: string | null | undefined, graphType: string, property: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new GraphShapeError(graphType, property);
  return value;
}

/** An optional string: `null`, empty and (in some doc examples) the string "null" all mean absent. */
export function optional(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'null' ? value : undefined;
}

/**
 * The member of `known` that `value` names, ignoring case (Graph's enums are camelCase, yet documentation examples
 * write `UserAdd` and `AdminAdd`), or undefined.
 */
export function canonicalMember<T extends string>(value: string | null | undefined, known: readonly T[]): T | undefined {
  const wanted = (value || '').toLowerCase();
  for (const member of known) if (member.toLowerCase() === wanted) return member;
  return undefined;
}

/** A string enum value from Graph, or `fallback` for members this version does not know (evolvable enums). */
export function knownMember<T extends string>(value: string | null | undefined, known: readonly T[], fallback: T): T {
  return canonicalMember(value, known) || fallback;
}
