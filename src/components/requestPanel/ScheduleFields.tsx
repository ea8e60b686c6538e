import * as React from 'react';
import { ActionButton, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IPolicyRequirement } from '../../core/model/types';
import { END_FIELD, START_FIELD, maxEndDate } from '../../models/policy';
import { useServices } from '../../context/ServicesContext';
import { format, formatDate } from '../format';
import { fromDayString, toDayString } from './panelText';
import { LazyDatePicker } from './LazyDatePicker';

export interface IScheduleFieldsProps {
  policy: IPolicyRequirement;
  startDate?: string;
  endDate?: string;
  onChange: (field: 'startDate' | 'endDate', value: string | undefined) => void;
  onBlur: (field: string) => void;
  errorFor: (field: string) => string | undefined;
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Start and end dates, offered only where the policy allows a custom schedule, bounded by its expiration. */
export const ScheduleFields: React.FC<IScheduleFieldsProps> = ({ policy, startDate, endDate, onChange, onBlur, errorFor }) => {
  const { language, now } = useServices();
  const today = startOfDay(now());
  const start = fromDayString(startDate);
  const end = fromDayString(endDate);
  const max = maxEndDate(policy.schedule, start || now());
  // A fixed end date bounds the start too; a duration only bounds the end, counted from the start.
  const startMax = policy.schedule.expirationType === 'afterDateTime' ? max : undefined;
  const show = (d?: Date): string => (d ? formatDate(toDayString(d), language) : '');

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text variant="mediumPlus" block as="h3">{strings.Panel.DatesHeading}</Text>
      {max && <Text variant="small" block>{format(strings.Panel.DatesHint, formatDate(max.toISOString(), language))}</Text>}
      <div data-field={START_FIELD}>
        <LazyDatePicker
          label={strings.Panel.StartDate}
          value={start}
          minDate={today}
          maxDate={startMax}
          language={language}
          formatDate={show}
          onSelectDate={d => onChange('startDate', d ? toDayString(d) : undefined)}
          onAfterMenuDismiss={() => onBlur(START_FIELD)}
          textField={{ errorMessage: errorFor(START_FIELD) }}
        />
      </div>
      <div data-field={END_FIELD}>
        <LazyDatePicker
          label={strings.Panel.EndDate}
          value={end}
          minDate={start || today}
          maxDate={max}
          language={language}
          formatDate={show}
          onSelectDate={d => onChange('endDate', d ? toDayString(d) : undefined)}
          onAfterMenuDismiss={() => onBlur(END_FIELD)}
          textField={{ errorMessage: errorFor(END_FIELD) }}
        />
      </div>
      {(start || end) && (
        <Stack horizontal>
          <ActionButton
            iconProps={{ iconName: 'Clear' }}
            text={strings.Panel.ClearDates}
            onClick={() => { onChange('startDate', undefined); onChange('endDate', undefined); }}
          />
        </Stack>
      )}
    </Stack>
  );
};
