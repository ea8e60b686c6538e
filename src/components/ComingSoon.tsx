import * as React from 'react';
import { Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { format } from './format';

/** What a web part whose feature has not landed yet shows: its name, honestly, and nothing else. */
export const ComingSoon: React.FC<{ name: string }> = ({ name }) => (
  <Text block variant="medium">{format(strings.Placeholder.Coming, name)}</Text>
);
