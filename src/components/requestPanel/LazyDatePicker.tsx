import * as React from 'react';
import { Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import type { ILocalizedDatePickerProps } from './datePicker';
import { LoadingLines } from '../StatusView';

// Fluent's DatePicker and Calendar are 14 KB gzipped, more than any other control, and only a policy that lets the
// person choose dates shows them: they come in their own chunk when such a form opens, not with every page.
const Picker = React.lazy(() => import(/* webpackChunkName: 'access-hub-dates' */ './datePicker'));

/** A date field in the page's language; its label and a loading line show while the calendar's code arrives. */
export const LazyDatePicker: React.FC<ILocalizedDatePickerProps> = (props) => (
  <React.Suspense fallback={(
    <div role="status" aria-busy="true" aria-label={strings.Common.Loading}>
      {props.label && <Text block>{props.label}</Text>}
      <LoadingLines lines={1} width="60%" />
    </div>
  )}>
    <Picker {...props} />
  </React.Suspense>
);
