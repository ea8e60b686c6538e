// The view ids, apart from the card's logic so that the ACE's first script does not import it.
export const CARD_VIEW_ID = 'ACCESS_CARD_CARD_VIEW';
export const QUICK_VIEW_ID = 'ACCESS_CARD_QUICK_VIEW';
