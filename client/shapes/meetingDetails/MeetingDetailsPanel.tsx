import { useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { MeetingDetailsSchema, type MeetingDetails } from '../../../shared/protocol/index.ts';
import type { MeetingDetailsShape } from '../../../shared/shapes/index.ts';
import { MeetingDetailsFields } from '../../records/MeetingDetailsFields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/**
 * The side-panel form of the 会議の要点 card. It edits a draft and writes it to the board when
 * focus leaves the form (so typing, Japanese input included, is never interrupted by the
 * board), and takes others' changes while no one here is typing.
 */
export function MeetingDetailsPanel({ editor, shape, readonly }: { editor: Editor; shape: MeetingDetailsShape; readonly: boolean }) {
  const { s } = useShapeTexts();
  const [draft, setDraft] = useState<MeetingDetails>(shape.props.details);
  const [invalid, setInvalid] = useState(false);
  const focused = useRef(false);
  const dirty = useRef(false);
  useEffect(() => {
    if (!focused.current && !dirty.current) setDraft(shape.props.details);
  }, [shape.props.details]);
  const commit = (next: MeetingDetails) => {
    const checked = MeetingDetailsSchema.safeParse(next);
    setInvalid(!checked.success);
    if (!checked.success) return;
    dirty.current = false;
    if (JSON.stringify(checked.data) !== JSON.stringify(shape.props.details)) updateShapeProps(editor, shape, { details: checked.data });
  };
  return (
    <div
      className="rb-shape-form"
      data-testid="meeting-panel"
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        focused.current = false;
        commit(draft);
      }}
    >
      <MeetingDetailsFields
        value={draft}
        disabled={readonly}
        onChange={(next) => {
          dirty.current = true;
          setDraft(next);
        }}
      />
      {invalid && (
        <p className="rb-error" role="alert">
          {s.meetingInvalid}
        </p>
      )}
    </div>
  );
}
