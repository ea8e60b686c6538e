import type { AccessPackageLocalizedText } from '@microsoft/microsoft-graph-types';
import { ILocalizedText } from './types';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

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
 * The older documented text shape (beta's `accessPackageLocalizedContent`), which the v1.0
 * getApplicablePolicyRequirements example still shows for question and choice texts.
 */
export interface ILegacyLocalizedContent {
  defaultText?: string | null;
  localizedTexts?: AccessPackageLocalizedText[] | null;
}

/** A question or choice text as Graph has documented it: a string (v1.0 CSDL) or the older object. */
export type GraphText = string | ILegacyLocalizedContent | null | undefined;

function mapLocalizations(raw: AccessPackageLocalizedText[] | null | undefined): ILocalizedText[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(l => !!l && typeof l.text === 'string')
    .map(l => ({ languageCode: String(l.languageCode || ''), text: String(l.text) }));
}

/** Reads either text shape; `localizations` is the v1.0 sibling list, used when the text is a plain string. */
export function readText(text: GraphText, localizations: AccessPackageLocalizedText[] | null | undefined): { text: string; localizations: ILocalizedText[] } {
  if (text && typeof text === 'object') {
    return { text: String(text.defaultText || ''), localizations: mapLocalizations(text.localizedTexts) };
  }
  return { text: typeof text === 'string' ? text : '', localizations: mapLocalizations(localizations) };
}

/** A string enum value from Graph, or `fallback` for members this version does not know (evolvable enums). */
export function knownMember<T extends string>(value: string | null | undefined, known: readonly T[], fallback: T): T {
  return (known as readonly string[]).indexOf(value || '') >= 0 ? value as T : fallback;
}
