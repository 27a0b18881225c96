import { useValue, type Editor, type TLShape } from 'tldraw';
import { BASIC_INFO_TYPE, MEETING_DETAILS_TYPE, CLIENT_VOICE_TYPE, ECOMAP_PERSON_TYPE, ECOMAP_TIE_TYPE, LIFE_STAGE_TYPE, PLAN_ITEM_TYPE, SERVICE_CARD_TYPE } from '../../shared/shapes/index.ts';
import { createAtViewportCenter } from './common/shapeOps.ts';
import { useShapeTexts, type ShapeTextKey } from './texts.ts';
import { R } from '../ruby/index.ts';

/** The buttons of the ケース会議 menu, in order: what each places. */
export const CASE_MENU_ITEMS: readonly { type: TLShape['type']; text: ShapeTextKey }[] = [
  { type: SERVICE_CARD_TYPE, text: 'addService' },
  { type: PLAN_ITEM_TYPE, text: 'addPlan' },
  { type: CLIENT_VOICE_TYPE, text: 'addVoice' },
  { type: LIFE_STAGE_TYPE, text: 'addLifeline' },
  { type: ECOMAP_PERSON_TYPE, text: 'addPerson' },
  { type: ECOMAP_TIE_TYPE, text: 'addTie' },
  { type: BASIC_INFO_TYPE, text: 'addBasicInfo' },
  { type: MEETING_DETAILS_TYPE, text: 'addMeeting' },
];

/** ケース会議: one button per shape; each places it in the middle of the view and selects it. */
export function CaseMenu({ editor }: { editor: Editor }) {
  const { s } = useShapeTexts();
  const readonly = useValue('rb-readonly', () => editor.getIsReadonly(), [editor]);
  return (
    <section className="rb-panel rb-case-section rb-case-menu" aria-labelledby="rb-case-menu-heading" data-testid="case-menu">
      <h2 id="rb-case-menu-heading"><R>{s.caseMenu}</R></h2>
      <p className="rb-hint"><R>{readonly ? s.readonlyNote : s.caseMenuHint}</R></p>
      <div className="rb-case-menu__buttons">
        {CASE_MENU_ITEMS.map((item) => (
          <button
            key={item.type}
            type="button"
            disabled={readonly}
            data-testid={`add-${item.type}`}
            onClick={() => {
              createAtViewportCenter(editor, item.type);
            }}
          >
            <R>{s[item.text]}</R>
          </button>
        ))}
      </div>
    </section>
  );
}
