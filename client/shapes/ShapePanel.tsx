import { useValue, type Editor, type TLShape } from 'tldraw';
import { CUSTOM_SHAPE_TYPES } from '../../shared/shapes/index.ts';
import { BasicInfoPanel } from './basicInfo/BasicInfoPanel.tsx';
import { ClientVoicePanel } from './clientVoice/ClientVoicePanel.tsx';
import { EcomapPersonPanel } from './ecomapPerson/EcomapPersonPanel.tsx';
import { EcomapTiePanel } from './ecomapTie/EcomapTiePanel.tsx';
import { MeetingDetailsPanel } from './meetingDetails/MeetingDetailsPanel.tsx';
import { LifeStagePanel } from './lifeStage/LifeStagePanel.tsx';
import { PlanItemPanel } from './planItem/PlanItemPanel.tsx';
import { ServiceCardPanel } from './serviceCard/ServiceCardPanel.tsx';
import { useShapeTexts, type ShapeTextKey } from './texts.ts';
import { R } from '../ruby/index.ts';

type RenkeiShapeType = (typeof CUSTOM_SHAPE_TYPES)[number];

const HEADINGS: Record<RenkeiShapeType, ShapeTextKey> = {
  'rb-service': 'shapeService',
  'rb-plan': 'shapePlan',
  'rb-voice': 'shapeVoice',
  'rb-lifeline': 'shapeLifeline',
  'rb-person': 'shapePerson',
  'rb-tie': 'shapeTie',
  'rb-basic-info': 'shapeBasicInfo',
  'rb-meeting': 'shapeMeeting',
};

/** True when a shape is one of the board's case-conference shapes. */
export function isRenkeiShape(shape: TLShape): boolean {
  return (CUSTOM_SHAPE_TYPES as readonly string[]).includes(shape.type);
}

/** The one selected case-conference shape, or null (none, several, or another kind selected). */
export function useOnlySelectedRenkeiShape(editor: Editor): TLShape | null {
  return useValue(
    'rb-only-selected',
    () => {
      const shape = editor.getOnlySelectedShape();
      return shape && isRenkeiShape(shape) ? shape : null;
    },
    [editor],
  );
}

/** When exactly one of our shapes is selected: a form with all its fields. */
export function ShapePanel({ editor }: { editor: Editor }) {
  const { s } = useShapeTexts();
  const shape = useOnlySelectedRenkeiShape(editor);
  const readonly = useValue('rb-readonly', () => editor.getIsReadonly(), [editor]);
  if (!shape) return null;
  return (
    <section className="rb-panel rb-case-section" aria-labelledby="rb-shape-panel-heading" data-testid="shape-panel">
      <h2 id="rb-shape-panel-heading"><R>{s[HEADINGS[shape.type as RenkeiShapeType]]}</R></h2>
      <p className="rb-hint"><R>{readonly ? s.readonlyNote : s.editHint}</R></p>
      <ShapeForm key={shape.id} editor={editor} shape={shape} readonly={readonly} />
    </section>
  );
}

function ShapeForm({ editor, shape, readonly }: { editor: Editor; shape: TLShape; readonly: boolean }) {
  switch (shape.type) {
    case 'rb-service':
      return <ServiceCardPanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-plan':
      return <PlanItemPanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-voice':
      return <ClientVoicePanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-lifeline':
      return <LifeStagePanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-person':
      return <EcomapPersonPanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-tie':
      return <EcomapTiePanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-basic-info':
      return <BasicInfoPanel editor={editor} shape={shape} readonly={readonly} />;
    case 'rb-meeting':
      return <MeetingDetailsPanel editor={editor} shape={shape} readonly={readonly} />;
    default:
      return null;
  }
}
