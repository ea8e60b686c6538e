/**
 * The card bar's icon: 24×24, transparent, a key in the theme-neutral blue that reads on light and dark dashboards
 * (designing-card.md). A data URL, so the card view needs no request for it.
 */
export const CARD_ICON = 'data:image/svg+xml;utf8,' + encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="8" cy="12" r="5" fill="none" ' +
  'stroke="#2f7fd8" stroke-width="2"/><path d="M13 12h9M19 12v4M16 12v3" stroke="#2f7fd8" stroke-width="2" stroke-linecap="round"/></svg>'
);
