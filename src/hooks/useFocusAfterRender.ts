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
  const wanted = React.useRef<string[] | undefined>(undefined);
  React.useEffect(() => {
    const container = root.current;
    if (!wanted.current || !container) return;
    // The buttons that open and close these forms keep the focus while disabled (allowDisabledFocus), so one try does.
    const el = wanted.current.map(s => container.querySelector<HTMLElement>(s)).filter(Boolean)[0] || container;
    wanted.current = undefined;
    if (el === container) container.tabIndex = -1;
    el.focus();
  });
  return React.useCallback((...selectors: string[]) => { wanted.current = selectors; }, []);
}

/** The focusable fields and buttons of a form, in page order (for `focusNext`). */
export const FIRST_FIELD = 'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled])';

/**
 * After a panel or dialog closed: when the focus went nowhere (the page's body, or an element no longer in the page),
 * give it to what `find` returns once it is there (a list that reloads renders its buttons anew). Tries for about
 * a second; the focus someone else placed meanwhile is left alone.
 */
export function returnFocus(find: () => HTMLElement | undefined, tries: number = 20): void {
  window.setTimeout(() => {
    const active = document.activeElement;
    const target = find();
    if (active && active !== document.body && document.body.contains(active) && !active.closest('.ms-Layer')) return;
    if (target) target.focus();
    else if (tries > 0) returnFocus(find, tries - 1);
  }, 50);
}
