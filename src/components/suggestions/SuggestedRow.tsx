import * as React from 'react';
import { DefaultButton, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { useServices } from '../../context/ServicesContext';
import type { ISuggestion } from '../../models/suggestion';
import { graphSuggestionService } from '../../services/graph/GraphSuggestionService';
import type { ISuggestionsProps } from './Suggestions';
import { reasonText } from './reasonText';

/**
 * "Suggested for you" (docs/graph-notes.md §3.9), in the `access-hub-suggestions` chunk: what Graph suggests, each
 * with why, and one button that opens the request panel for it. Nothing at all while loading or when there are none
 * (off in the tenant, not available in this cloud, no permission): the rest of the component does not move.
 * Names, descriptions and reasons are rendered as text.
 */
export const SuggestedRow: React.FC<ISuggestionsProps> = ({ onRequest, hiddenIds }) => {
  const services = useServices();
  const { language } = services;
  const theme = useTheme();
  const [items, setItems] = React.useState<ISuggestion[]>([]);
  React.useEffect(() => {
    let live = true;
    const source = services.suggestions || (services.graph ? graphSuggestionService(services.graph) : undefined);
    if (source) {
      source.list().then(list => { if (live) setItems(list); }, () => undefined);
    }
    return () => { live = false; };
  }, [services]);
  const classes = React.useMemo(() => mergeStyleSets({
    list: { display: 'flex', flexWrap: 'wrap', gap: 12, margin: 0, padding: 0, listStyle: 'none' },
    card: {
      width: 280, padding: 12, boxSizing: 'border-box', borderRadius: 4,
      border: `1px solid ${theme.semanticColors.bodyDivider}`, background: theme.semanticColors.bodyBackground
    },
    reason: { color: theme.semanticColors.bodySubtext }
  }), [theme]);
  const hidden = new Set((hiddenIds || []).map(id => id.toLowerCase()));
  const shown = items.filter(s => !hidden.has(s.packageId.toLowerCase()));
  if (!shown.length) return null;
  return (
    <section aria-labelledby="access-hub-suggested" data-component="Suggestions">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text id="access-hub-suggested" as="h3" variant="large" styles={{ root: { margin: 0, fontWeight: 600 } }}>{strings.Suggestions.Title}</Text>
        <Text variant="small" block>{strings.Suggestions.Hint}</Text>
        <ul className={classes.list}>
          {shown.map(s => (
            <li key={s.packageId}>
              <article className={classes.card} data-package-id={s.packageId} aria-label={s.displayName}>
                <Stack tokens={{ childrenGap: 6 }}>
                  <Text as="h4" variant="mediumPlus" styles={{ root: { margin: 0, fontWeight: 600 } }}>{s.displayName}</Text>
                  {s.description && <Text variant="small" block>{s.description}</Text>}
                  {s.reasons.map((r, i) => <Text key={i} variant="small" block className={classes.reason} data-reason={r.kind}>{reasonText(r, language)}</Text>)}
                  <Stack horizontal horizontalAlign="end">
                    <DefaultButton primary text={strings.Suggestions.Request} ariaDescription={s.displayName} onClick={() => onRequest(s.packageId, s.displayName)} />
                  </Stack>
                </Stack>
              </article>
            </li>
          ))}
        </ul>
      </Stack>
    </section>
  );
};
