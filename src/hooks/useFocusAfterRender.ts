import * as React from 'react';

/**
 * Keyboard focus for inline forms and confirmations (WCAG 2.2 2.4.3 focus order): a control that opens a form
 * gives the focus to the form, and closing the form gives it back to that control. A control that is replaced by
 * what it opens is gone from the page, so the browser would drop the focus on the page's body.
 *
 * `focusNext(...selectors)` asks for the focus to go, after the next render, to the first element in `root` that
 * matches one of the selectors in order (`root` itself, made focusable, when none does).
 */
export function useFocusAfterRender(root: React.RefObject<HTMLElement>): (...selectors: string[]) => void {
  const wanted = React.useRef<{ selectors: string[]; renders: number } | undefined>(undefined);
  React.useEffect(() => {
    const request = wanted.current;
    const container = root.current;
    if (!request || !container) return;
    for (const selector of request.selectors) {
      const el = container.querySelector<HTMLElement>(selector);
      if (el) {
        el.focus();
        // A control that cannot take the focus yet (disabled while its action ends) gets it after a later render.
        if (document.activeElement === el || ++request.renders > 10) wanted.current = undefined;
        return;
      }
    }
    wanted.current = undefined;
    if (!container.hasAttribute('tabindex')) container.setAttribute('tabindex', '-1');
    container.focus();
  });
  return React.useCallback((...selectors: string[]) => { wanted.current = { selectors, renders: 0 }; }, []);
}

/** The focusable fields and buttons of a form, in page order (for `focusNext`). */
export const FIRST_FIELD = 'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled])';

/**
 * After a panel or dialog closed: when the focus went nowhere (the page's body, or an element no longer in the page),
 * give it to what `find` returns once it is there (a list that reloads renders its buttons anew). Tries for about
 * a second; the focus someone else placed meanwhile is left alone.
 */
export function returnFocus(find: () => HTMLElement | undefined, tries: number = 20): void {
  const attempt = (left: number): void => {
    const active = document.activeElement as HTMLElement | null;
    const lost = !active || active === document.body || !document.body.contains(active) || !!active.closest('.ms-Panel,.ms-Layer');
    if (!lost) return;
    const target = find();
    if (target && !target.closest('.ms-Layer')) {
      target.focus();
      if (document.activeElement === target) return;
    }
    if (left > 0) window.setTimeout(() => attempt(left - 1), 50);
  };
  window.setTimeout(() => attempt(tries), 0);
}
