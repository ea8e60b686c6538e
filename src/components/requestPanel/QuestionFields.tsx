import * as React from 'react';
import { Checkbox, Dropdown, IDropdownOption, Label, Stack, Text, TextField, useTheme } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IChoiceQuestion, IQuestion, ITextQuestion } from '../../core/model/types';
import { localize, questionField } from '../../models/policy';
import { useServices } from '../../context/ServicesContext';

export interface IQuestionFieldsProps {
  questions: IQuestion[];
  answers: Record<string, string[]>;
  onAnswer: (questionId: string, values: string[]) => void;
  onBlur: (field: string) => void;
  errorFor: (field: string) => string | undefined;
  /** A note under a field (its answer's format could not be checked here). */
  noteFor?: (field: string) => string | undefined;
  idPrefix: string;
}

interface IFieldProps<Q extends IQuestion> {
  question: Q;
  label: string;
  values: string[];
  onAnswer: (values: string[]) => void;
  onBlur: () => void;
  error: string | undefined;
  note?: string;
  id: string;
}

const TextQuestion: React.FC<IFieldProps<ITextQuestion>> = ({ question, label, values, onAnswer, onBlur, error, note, id }) => (
  <TextField
    id={id}
    label={label}
    required={question.isRequired}
    multiline={!question.isSingleLine}
    autoAdjustHeight={!question.isSingleLine}
    value={values[0] || ''}
    onChange={(_, v) => onAnswer([v || ''])}
    onBlur={onBlur}
    errorMessage={error}
    description={note}
  />
);

const ChoiceQuestion: React.FC<IFieldProps<IChoiceQuestion>> = ({ question, label, values, onAnswer, onBlur, error, id }) => {
  const { language } = useServices();
  const theme = useTheme();
  const choices = question.choices.map(c => ({ value: c.value, text: localize(c.text, c.localizations, language) }));

  if (!question.isMultipleSelectionAllowed) {
    const options: IDropdownOption[] = choices.map(c => ({ key: c.value, text: c.text }));
    return (
      <Dropdown
        id={id}
        label={label}
        required={question.isRequired}
        placeholder={strings.Panel.ChooseOne}
        options={options}
        selectedKey={values.length ? values[0] : null}
        onChange={(_, option) => { if (option) onAnswer([String(option.key)]); }}
        onBlur={onBlur}
        errorMessage={error}
      />
    );
  }

  // Several answers: a labelled group of checkboxes, the error tied to each box.
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const toggle = (value: string, checked: boolean): void => {
    const rest = values.filter(v => v !== value);
    onAnswer(checked ? rest.concat([value]) : rest);
  };
  return (
    <div role="group" aria-labelledby={labelId}>
      <Label id={labelId} required={question.isRequired}>{label}</Label>
      <Stack tokens={{ childrenGap: 6 }}>
        {choices.map(c => (
          <Checkbox
            key={c.value}
            label={c.text}
            checked={values.indexOf(c.value) >= 0}
            onChange={(_, checked) => toggle(c.value, !!checked)}
            inputProps={{ onBlur, 'aria-describedby': error ? errorId : undefined, 'aria-invalid': !!error }}
          />
        ))}
      </Stack>
      {error && (
        <Text id={errorId} role="alert" variant="small" block style={{ color: theme.semanticColors.errorText, paddingTop: 4 }}>
          {error}
        </Text>
      )}
    </div>
  );
};

/** The policy's questions in the page's language, in their sequence. */
export const QuestionFields: React.FC<IQuestionFieldsProps> = ({ questions, answers, onAnswer, onBlur, errorFor, noteFor, idPrefix }) => {
  const { language } = useServices();
  if (questions.length === 0) return null;
  const sorted = questions.slice().sort((a, b) => a.sequence - b.sequence);
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text variant="mediumPlus" block as="h3">{strings.Panel.QuestionsHeading}</Text>
      {sorted.map((q, i) => {
        const field = questionField(q.id);
        const common = {
          label: localize(q.text, q.localizations, language),
          values: answers[q.id] || [],
          onAnswer: (values: string[]) => onAnswer(q.id, values),
          onBlur: () => onBlur(field),
          error: errorFor(field),
          note: noteFor ? noteFor(field) : undefined,
          id: `${idPrefix}-q${i}`
        };
        return (
          <div key={q.id} data-field={field}>
            {q.kind === 'text' ? <TextQuestion question={q} {...common} /> : <ChoiceQuestion question={q} {...common} />}
          </div>
        );
      })}
    </Stack>
  );
};
