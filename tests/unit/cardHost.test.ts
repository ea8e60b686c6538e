/**
 * The workbench card host's contract (localTenant/workbench/client/cardHost.ts, localTenant/README.md): a card view
 * from SPFx's own PrimaryTextCardView helper becomes an Adaptive Card with the whole card selectable and the buttons
 * outside the selectable area; card view text and server text stay text under the host's markdown.
 */
import type * as Templates from '@microsoft/sp-adaptive-card-extension-base/lib/views/card/parameters/GenericTemplates';
import {
  cardViewToAdaptiveCard, plainText, QUICK_VIEW_SUBMIT, renderMarkdown, toAdaptiveAction
} from '../../localTenant/workbench/client/cardHost';
import { asText, cardSelection, cardViewConfiguration, ICardSnapshot } from '../../src/adaptiveCardExtensions/accessCard/logic/cardModel';

// SPFx's own helper, from the package's CommonJS build (its index needs SharePoint's runtime; jest does not load ES modules).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { PrimaryTextCardView } = require('@microsoft/sp-adaptive-card-extension-base/lib-commonjs/views/card/parameters/GenericTemplates') as typeof Templates;

const env = { language: 'en-us', now: new Date('2026-12-06T00:00:00Z'), myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com' };
const snapshot: ICardSnapshot = {
  v: 1, at: env.now.getTime(), ending: [], pending: [],
  approvals: [{ id: 'a1', requestorName: 'Grady Archie', packageName: 'Finance [Reports](https://evil.example)', autoDenyAt: '2026-12-08T00:00:00Z', deadlineKnown: true }]
};

type Json = Record<string, unknown> & { body: Array<Record<string, unknown>> };

describe('cardViewToAdaptiveCard', () => {
  it('a large card: card bar, header and body in one selectable container that opens the quick view; two buttons below it', () => {
    const params = PrimaryTextCardView(cardViewConfiguration('approvals', snapshot, 'Large', env));
    const card = cardViewToAdaptiveCard(params, 'Large', cardSelection()) as Json;
    expect(card).toEqual(expect.objectContaining({ type: 'AdaptiveCard', version: '1.5' }));
    const [area, actions] = card.body;
    expect(area.selectAction).toEqual({ type: 'Action.Submit', title: undefined, style: undefined, data: { [QUICK_VIEW_SUBMIT]: 'ACCESS_CARD_QUICK_VIEW' } });
    const texts = JSON.stringify(area.items);
    expect(texts).toContain('"text":"Your access"');
    expect(texts).toContain(`"text":"${plainText('1 request').replace(/\\/g, '\\\\')}"`);
    expect(actions).toEqual({
      type: 'ActionSet', spacing: 'Small', actions: [
        { type: 'Action.Submit', title: 'Review', style: 'positive', data: { [QUICK_VIEW_SUBMIT]: 'ACCESS_CARD_QUICK_VIEW' } },
        { type: 'Action.OpenUrl', title: 'Open My Access', style: 'default', url: env.myAccessUrl }
      ]
    });
  });

  it('a medium card has one button; a card without buttons has no ActionSet', () => {
    const medium = cardViewToAdaptiveCard(PrimaryTextCardView(cardViewConfiguration('approvals', snapshot, 'Medium', env)), 'Medium', cardSelection()) as Json;
    expect((medium.body[1].actions as unknown[]).length).toBe(1);
    const nothing = cardViewToAdaptiveCard(PrimaryTextCardView(cardViewConfiguration('nothing', { ...snapshot, approvals: [] }, 'Medium', env)), 'Medium') as Json;
    expect(nothing.body).toHaveLength(1);
    expect(nothing.body[0].selectAction).toBeUndefined();
  });

  it('maps Execute and Submit to their Adaptive Card actions and leaves out links that are not http(s)', () => {
    expect(toAdaptiveAction({ type: 'Execute', verb: 'retry', parameters: { action: 'retry' } }, 'Try again'))
      .toEqual({ type: 'Action.Execute', title: 'Try again', style: undefined, verb: 'retry', data: { action: 'retry' } });
    expect(toAdaptiveAction({ type: 'Submit', parameters: { id: 1 } }, 'Go')).toEqual({ type: 'Action.Submit', title: 'Go', style: undefined, data: { id: 1 } });
    expect(toAdaptiveAction({ type: 'ExternalLink', parameters: { target: 'javascript:alert(1)' } }, 'x')).toBeUndefined();
    expect(toAdaptiveAction({ type: 'VivaAction.SelectMedia' }, 'x')).toBeUndefined();
  });
});

describe("the host's markdown", () => {
  it('renders the documented subset and escapes HTML', () => {
    expect(renderMarkdown('**Bold** and [docs](https://learn.microsoft.com)')).toBe(
      '<strong>Bold</strong> and <a href="https://learn.microsoft.com" target="_blank" rel="noopener noreferrer">docs</a>');
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('<a');
  });

  it('shows escaped server text as typed: no link, no emphasis', () => {
    const typed = 'Spring [campaign](https://evil.example) **now** <b>x</b>';
    for (const escape of [asText, plainText]) {
      const html = renderMarkdown(escape(typed));
      expect(html).not.toMatch(/<a |<strong>|<b>/);
      expect(html).toBe('Spring [campaign](https://evil.example) **now** &lt;b&gt;x&lt;/b&gt;');
    }
  });
});
