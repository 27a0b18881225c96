import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { stopEventPropagation, useEditor, useValue, type TLShape, type TLShapeId } from 'tldraw';
import { isImeKeyEvent, useImeText } from './useImeText.ts';

/** Whether this shape is being edited in place, and whether the board is read-only. */
export function useShapeEditing(id: TLShapeId): { editing: boolean; readonly: boolean } {
  const editor = useEditor();
  const editing = useValue('rb-editing', () => editor.getEditingShapeId() === id, [editor, id]);
  const readonly = useValue('rb-readonly', () => editor.getIsReadonly(), [editor]);
  return { editing: editing && !readonly, readonly };
}

/**
 * The main text of a shape: shown as text, or, while the shape is being edited (double-click),
 * as a text field on the card. The field takes pointer events so the canvas does not steal
 * the caret, and keeps IME composition local until it ends.
 */
export function InlineText(props: {
  shape: TLShape;
  editing: boolean;
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  label: string;
  /** What to show when not editing (defaults to the value). */
  children?: ReactNode;
}) {
  const { editing, value, className } = props;
  if (!editing) {
    return <div className={className}>{props.children ?? value}</div>;
  }
  return <InlineField {...props} />;
}

function InlineField(props: Parameters<typeof InlineText>[0]) {
  const editor = useEditor();
  const ime = useImeText(props.value, props.onCommit);
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (isImeKeyEvent(e)) return;
    const finish = e.key === 'Escape' || (e.key === 'Enter' && (!props.multiline || e.metaKey || e.ctrlKey));
    if (finish) {
      e.preventDefault();
      e.stopPropagation();
      editor.setEditingShape(null);
      editor.select(props.shape.id);
    } else {
      // Typing belongs to the field, not to the canvas shortcuts.
      e.stopPropagation();
    }
  };

  const common = {
    ref,
    className: `${props.className ?? ''} rb-inline-input`,
    'aria-label': props.label,
    placeholder: props.placeholder,
    value: ime.value,
    onChange: ime.onChange,
    onCompositionStart: ime.onCompositionStart,
    onCompositionEnd: ime.onCompositionEnd,
    onKeyDown,
    onPointerDown: stopEventPropagation,
    onPointerUp: stopEventPropagation,
    onDoubleClick: stopEventPropagation,
    onWheel: (e: { stopPropagation(): void }) => e.stopPropagation(),
  };
  return props.multiline ? <textarea {...common} /> : <input type="text" {...common} />;
}
