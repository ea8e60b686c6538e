/**
 * @jest-environment jsdom
 */
/** Components on one page hear each other's changes (a window event: the web parts and the customizer are two bundles). */
import { announceAccessChanged, onAccessChanged, PROMPT_ORIGIN } from '../../src/core/accessChanged';
import { PREFIX } from '../../src/core/prompt/promptCache';

describe('access changed on the page', () => {
  it('tells every other component, not the one that changed it, and can be unsubscribed', () => {
    const catalog = jest.fn();
    const prompt = jest.fn();
    const offCatalog = onAccessChanged('catalog-1', catalog);
    const offPrompt = onAccessChanged(PROMPT_ORIGIN, prompt);
    announceAccessChanged('catalog-1');
    expect(catalog).not.toHaveBeenCalled();
    expect(prompt).toHaveBeenCalledTimes(1);
    announceAccessChanged(PROMPT_ORIGIN);
    expect(catalog).toHaveBeenCalledTimes(1);
    expect(prompt).toHaveBeenCalledTimes(1);
    offCatalog();
    offPrompt();
    announceAccessChanged('my-access-2');
    expect(catalog).toHaveBeenCalledTimes(1);
    expect(prompt).toHaveBeenCalledTimes(1);
  });

  it('forgets the banner answers cached for the session, and nothing else', () => {
    window.sessionStorage.setItem(`${PREFIX}adelev@contoso.com|https://contoso.sharepoint.com/sites/marketing`, '{}');
    window.sessionStorage.setItem('other:key', 'kept');
    announceAccessChanged('catalog-1');
    expect(Object.keys(window.sessionStorage).filter(k => k.indexOf(PREFIX) === 0)).toEqual([]);
    expect(window.sessionStorage.getItem('other:key')).toBe('kept');
  });
});
