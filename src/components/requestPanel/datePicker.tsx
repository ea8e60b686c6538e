import * as React from 'react';
import { DatePicker, IDatePickerProps, IDatePickerStrings, defaultDatePickerStrings } from '@fluentui/react';
import * as strings from 'CommonStrings';

/** Month and day names from the browser in the page's language; the calendar's own labels from CommonStrings. */
export function pickerStrings(language: string): IDatePickerStrings {
  try {
    const months: string[] = [];
    const shortMonths: string[] = [];
    const days: string[] = [];
    const shortDays: string[] = [];
    for (let m = 0; m < 12; m++) {
      const d = new Date(2021, m, 1);
      months.push(d.toLocaleDateString(language, { month: 'long' }));
      shortMonths.push(d.toLocaleDateString(language, { month: 'short' }));
    }
    for (let i = 0; i < 7; i++) {
      const d = new Date(2023, 0, 1 + i); // 1 January 2023 was a Sunday, as Fluent's day arrays start
      days.push(d.toLocaleDateString(language, { weekday: 'long' }));
      shortDays.push(d.toLocaleDateString(language, { weekday: 'narrow' }));
    }
    return { ...defaultDatePickerStrings, ...strings.DatePicker, months, shortMonths, days, shortDays };
  } catch {
    return { ...defaultDatePickerStrings, ...strings.DatePicker };
  }
}

export interface ILocalizedDatePickerProps extends Omit<IDatePickerProps, 'strings'> {
  language: string;
}

/** Fluent's DatePicker with month and day names in the page's language (loaded on demand: LazyDatePicker.tsx). */
const LocalizedDatePicker: React.FC<ILocalizedDatePickerProps> = ({ language, ...props }) => {
  const localized = React.useMemo(() => pickerStrings(language), [language]);
  return <DatePicker {...props} strings={localized} />;
};

export default LocalizedDatePicker;
