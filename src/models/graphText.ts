import type { AccessPackageLocalizedText } from '@microsoft/microsoft-graph-types';
import { ILocalizedText } from '../core/model/types';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// Question and choice texts (the request form's), apart from graphShapes.ts, which is part of the AccessPrompt
// customizer's first script.

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
