import type { AccessCardController } from './logic/AccessCardController';

export interface IAccessCardProperties {
  title?: string;
  /** Access ending within this many days is "ending soon" (MyAccess's default, 14); the property pane's text field gives a string. */
  endingSoonDays?: number | string;
}

/**
 * The ACE's state: the controller (from the lazily loaded logic chunk) and a version that changes with every change
 * of what the card shows, so that SPFx renders again (setState). Not cached by SPFx (getCachedState is not
 * overridden): the controller keeps the card's data in localStorage itself.
 */
export interface IAccessCardState {
  controller?: AccessCardController;
  version: number;
}
