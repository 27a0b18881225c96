import { useId, type ReactNode } from 'react';
import { TextArea, TextInput } from './TextControl.tsx';

/** A labelled text field (one line or several) that is safe for Japanese input. */
export function TextField(props: {
  label: string;
  value: string;
  onCommit(value: string): void;
  disabled: boolean;
  multiline?: boolean;
  placeholder?: string;
  list?: string;
  hint?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = {
    id,
    value: props.value,
    onCommit: props.onCommit,
    disabled: props.disabled,
    placeholder: props.placeholder,
    'aria-describedby': props.hint ? hintId : undefined,
    'data-testid': props.testId,
  };
  return (
    <div className="rb-field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? <TextArea {...common} /> : <TextInput {...common} list={props.list} />}
      {props.hint && (
        <p className="rb-hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** A labelled select. */
export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  disabled: boolean;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="rb-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} data-testid={props.testId} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField(props: { label: string; checked: boolean; onChange(checked: boolean): void; disabled: boolean; testId?: string }) {
  return (
    <div className="rb-field">
      <label className="rb-check">
        <input type="checkbox" checked={props.checked} disabled={props.disabled} data-testid={props.testId} onChange={(e) => props.onChange(e.currentTarget.checked)} />
        {props.label}
      </label>
    </div>
  );
}

/** A labelled date field ('YYYY-MM-DD' or ''). */
export function DateField(props: { label: string; value: string; onChange(value: string): void; disabled: boolean; testId?: string }) {
  const id = useId();
  return (
    <div className="rb-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) props.onChange(v);
        }}
      />
    </div>
  );
}
