/**
 * The workbench's card host contract, pure (no DOM): how a card view's components become an Adaptive Card, the host
 * config (Viva-like, colours from the theme) and the markdown the host applies to TextBlocks. SharePoint's card host
 * does the equivalent conversion before rendering with the Adaptive Cards renderer; localTenant/README.md ("The
 * dashboard and its card host") writes this contract down.
 */
import type { ComponentsCardViewParameters } from '@microsoft/sp-adaptive-card-extension-base';

export type CardSize = 'Medium' | 'Large';

/** What an action of a card view or a select action asks the host to do (the SPFx card action types). */
export interface ICardActionLike {
  type: string;
  parameters?: object;
  verb?: string;
}

/** The data of the Action.Submit that stands in for an SPFx `QuickView` action: the host opens that quick view. */
export const QUICK_VIEW_SUBMIT = '__spfxQuickView';

/**
 * Card view text as the host shows it: plain text. TextBlocks process markdown, so markdown's punctuation is
 * backslash-escaped (CommonMark) and a package name like `[x](https://…)` cannot become a link on the card.
 */
export function plainText(value: string | undefined): string {
  return String(value || '').replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, c => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** An SPFx card action as an Adaptive Card action (`title` for buttons; a select action's title names the card). */
export function toAdaptiveAction(action: ICardActionLike, title: string, style?: string): Record<string, unknown> | undefined {
  const p = (action.parameters || {}) as Record<string, unknown>;
  switch (action.type) {
    case 'QuickView':
      return { type: 'Action.Submit', title: title || undefined, style, data: { [QUICK_VIEW_SUBMIT]: String(p.view || '') } };
    case 'ExternalLink':
      return typeof p.target === 'string' && /^https?:\/\//i.test(p.target) ? { type: 'Action.OpenUrl', title, style, url: p.target } : undefined;
    case 'Execute':
      return { type: 'Action.Execute', title, style, verb: action.verb || '', data: p };
    case 'Submit':
      return { type: 'Action.Submit', title, style, data: p };
    default:
      // Media, location: nothing the dashboard's card needs; the workbench leaves them out rather than fake them.
      return undefined;
  }
}

/**
 * A components card view (SPFx 1.18+, what `BasicCardView`/`PrimaryTextCardView` return) as an Adaptive Card:
 * - `cardBar[0]`: a ColumnSet with the icon (24×24 Image, its altText) and the title (small, bolder);
 * - `header[0].text`: a large, bolder TextBlock (one line); `body[0].text`: a TextBlock (two lines at most);
 * - the card bar, header and body are one Container whose `selectAction` is the view's `onCardSelection` (the whole
 *   card is selectable), named by its content;
 * - `footer` buttons: an ActionSet outside that container (a button inside a selectable area would nest two controls),
 *   the first one primary (`positive`) unless the button says its style.
 * Every text is plain (plainText). Other card view types (search, text input, data visualization) are not hosted.
 */
export function cardViewToAdaptiveCard(p: ComponentsCardViewParameters, size: CardSize, selection?: ICardActionLike): Record<string, unknown> {
  if (p.cardViewType !== 'text') throw new Error(`The workbench hosts text card views, not ${p.cardViewType}`);
  const bar = p.cardBar && p.cardBar[0];
  const header = p.header && p.header[0];
  const body = p.body && p.body[0];
  const title = (bar && bar.title) || '';
  const items: Array<Record<string, unknown>> = [{
    type: 'ColumnSet',
    columns: [
      ...(bar && bar.icon ? [{
        type: 'Column', width: 'auto', verticalContentAlignment: 'Center',
        items: [{ type: 'Image', url: bar.icon.url, altText: bar.icon.altText || '', width: '24px', height: '24px' }]
      }] : []),
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: plainText(title), size: 'Small', weight: 'Bolder', wrap: false }] }
    ]
  }];
  if (header) items.push({ type: 'TextBlock', text: plainText(header.text), size: 'Large', weight: 'Bolder', wrap: true, maxLines: 1, spacing: 'Medium' });
  if (body) items.push({ type: 'TextBlock', text: plainText(body.text), wrap: true, maxLines: 2, spacing: 'Small' });
  const area: Record<string, unknown> = { type: 'Container', height: 'stretch', items };
  if (selection) {
    // No title: the selectable area is named by what it shows (an aria-label would hide the body text from its name).
    const select = toAdaptiveAction(selection, '');
    if (select) area.selectAction = select;
  }
  const buttons = (Array.isArray(p.footer) ? p.footer : p.footer ? [p.footer] : [])
    .filter((c): c is Extract<typeof c, { componentName: 'cardButton' }> => !!c && c.componentName === 'cardButton')
    .map((b, i) => toAdaptiveAction(b.action as ICardActionLike, b.title, b.style || (i === 0 ? 'positive' : 'default')))
    .filter((a): a is Record<string, unknown> => !!a);
  const card: Record<string, unknown> = { type: 'AdaptiveCard', version: '1.5', body: [area] };
  if (buttons.length) (card.body as unknown[]).push({ type: 'ActionSet', actions: buttons, spacing: 'Small' });
  return card;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, c => HTML_ESCAPES[c]);

/**
 * The markdown the workbench's host applies to TextBlocks, a small CommonMark subset like the one Adaptive Cards
 * document for TextBlock: `**bold**`, `_italic_`, `[text](https://…)` links, and backslash escapes. Everything is
 * HTML-escaped first, so no markup passes; a link needs an http(s) URL. With plainText/asText escaping, server text
 * shows as typed.
 */
export function renderMarkdown(text: string): string {
  const escapedChars: string[] = [];
  // Backslash escapes first: each escaped character becomes a placeholder no rule below matches.
  let s = text.replace(/\\([\\`*_{}[\]()<>#+\-.!|~])/g, (_m, c: string) => `\uE000${escapedChars.push(c) - 1}\uE000`);
  s = escapeHtml(s);
  s = s.replace(/\[([^\]\uE000]+)\]\((https?:\/\/[^)\s\uE000]+)\)/g, (_m, label: string, url: string) =>
    `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`);
  s = s.replace(/\*\*([^*\uE000]+)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|\s)_([^_\uE000]+)_(?=\s|$|[.,;:!?])/g, '$1<em>$2</em>');
  return s.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => escapeHtml(escapedChars[Number(i)]));
}

export interface IThemeColors {
  primary: string;
  text: string;
  subtleText: string;
  background: string;
  good: string;
  warning: string;
  attention: string;
}

/** A Viva-like host config (Segoe UI, Fluent's type ramp, 8 px spacing), colours from the theme. */
export function hostConfigJson(c: IThemeColors): Record<string, unknown> {
  const colors = {
    default: { default: c.text, subtle: c.subtleText },
    dark: { default: c.text, subtle: c.subtleText },
    light: { default: c.background, subtle: c.background },
    accent: { default: c.primary, subtle: c.primary },
    good: { default: c.good, subtle: c.good },
    warning: { default: c.warning, subtle: c.warning },
    attention: { default: c.attention, subtle: c.attention }
  };
  return {
    fontFamily: '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif',
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    lineHeights: { small: 16, default: 20, medium: 22, large: 28, extraLarge: 32 },
    spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#EDEBE9' },
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: c.background, foregroundColors: colors },
      emphasis: { backgroundColor: '#F3F2F1', foregroundColors: colors }
    },
    actions: { maxActions: 4, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
    imageSizes: { small: 24, medium: 40, large: 64 },
    // A TextBlock with style "heading" is a heading below the quick view's own title (h2).
    textBlock: { headingLevel: 3 },
    inputs: { label: { requiredInputs: { weight: 'bolder' }, optionalInputs: { weight: 'bolder' } } }
  };
}
