import { useId, useRef, useState } from 'react';
import { useOutlineTexts } from './texts.ts';
import { R } from '../ruby/index.ts';

/** One field of an outline form. */
export interface FormField {
  key: string;
  label: string;
  kind: 'text' | 'textarea' | 'select';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

/**
 * A small form to add or edit an item by keyboard: the first field takes focus, a missing
 * required field is named in an alert and gets focus, Escape cancels.
 */
export function ItemForm(props: {
  fields: readonly FormField[];
  initial: Record<string, string>;
  submitLabel: string;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { o } = useOutlineTexts();
  const base = useId();
  const [values, setValues] = useState(props.initial);
  const [error, setError] = useState<string | undefined>();
  const refs = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>());
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const missing = props.fields.find((f) => f.required && !(values[f.key] ?? '').trim());
    if (missing) {
      setError(missing.key);
      refs.current.get(missing.key)?.focus();
      return;
    }
    props.onSubmit(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
  };
  const missingField = props.fields.find((f) => f.key === error);
  return (
    <form className="rb-outline__form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()} data-testid={props.testId} noValidate>
      {props.fields.map((f, i) => {
        const id = `${base}-${f.key}`;
        const common = {
          id,
          value: values[f.key] ?? '',
          autoFocus: i === 0,
          'aria-invalid': error === f.key || undefined,
          'aria-describedby': error === f.key ? `${base}-error` : undefined,
          'aria-required': f.required || undefined,
          ref: (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
            if (el) refs.current.set(f.key, el);
          },
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
            setValues((v) => ({ ...v, [f.key]: e.target.value }));
            if (error === f.key) setError(undefined);
          },
        };
        return (
          <div className="rb-field" key={f.key}>
            <label htmlFor={id}><R>{f.label}</R></label>
            {f.kind === 'textarea' ? (
              <textarea {...common} rows={3} />
            ) : f.kind === 'select' ? (
              <select {...common}>
                {f.options?.map((opt) => (
                  <option key={opt.value} value={opt.value}>
                    {opt.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type="text" />
            )}
          </div>
        );
      })}
      {missingField && (
        <p className="rb-error" role="alert" id={`${base}-error`}>
          {missingField.label}
          <R>{o.required}</R>
        </p>
      )}
      <div className="rb-row">
        <button type="submit" className="rb-primary">
          <R>{props.submitLabel}</R>
        </button>
        <button type="button" onClick={props.onCancel}>
          <R>{o.cancel}</R>
        </button>
      </div>
    </form>
  );
}
