import * as React from 'react';
import { useServices } from '../../context/ServicesContext';

export interface ISuggestionsProps {
  /** Opens the request panel for the package, as a catalog card's request does. */
  onRequest: (packageId: string, displayName: string) => void;
  /** Packages not to suggest here (the person has them or asked for them already, as the component knows). */
  hiddenIds?: string[];
}

/**
 * "Suggested for you": its code (row and Graph call) is the `access-hub-suggestions` chunk, fetched only when a
 * component renders this (the catalog with suggestions on, MyAccess when the person has nothing). A chunk that
 * cannot load leaves no row and no error.
 */
export const Suggestions: React.FC<ISuggestionsProps> = props => {
  const { suggestions, graph } = useServices();
  const [Row, setRow] = React.useState<React.FC<ISuggestionsProps>>();
  React.useEffect(() => {
    let live = true;
    if (suggestions || graph) {
      import(/* webpackChunkName: 'access-hub-suggestions' */ './SuggestedRow').then(m => { if (live) setRow(() => m.SuggestedRow); }, () => undefined);
    }
    return () => { live = false; };
  }, [suggestions, graph]);
  return Row ? <Row {...props} /> : null;
};
