import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useImeText } from './useImeText.ts';

type Common = {
  value: string;
  onCommit(value: string): void;
};

/** A one-line text input that writes to the board without breaking IME composition. */
export function TextInput(props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'>) {
  const { value, onCommit, ...rest } = props;
  const { isComposing: _ignored, ...ime } = useImeText(value, onCommit);
  return <input type="text" {...rest} {...ime} />;
}

/** A multi-line text area that writes to the board without breaking IME composition. */
export function TextArea(props: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'defaultValue'>) {
  const { value, onCommit, ...rest } = props;
  const { isComposing: _ignored, ...ime } = useImeText(value, onCommit);
  return <textarea rows={3} {...rest} {...ime} />;
}
