import { DefaultToolbar, DefaultToolbarContent, ToolbarItem, type TLUiOverrides } from 'tldraw';
import { CASE_MENU_ITEMS } from './CaseMenu.tsx';
import { shapeTexts, useShapeTexts, type ShapeTextKey } from './texts.ts';

// Each case tool shows a short word in the UI language (a single kanji told a newcomer nothing).
const TOOL_WORDS: Record<string, ShapeTextKey> = {
  'rb-service': 'toolService',
  'rb-plan': 'toolPlan',
  'rb-voice': 'toolVoice',
  'rb-lifeline': 'toolLifeline',
  'rb-person': 'toolPerson',
  'rb-tie': 'toolTie',
  'rb-basic-info': 'toolBasicInfo',
  'rb-meeting': 'toolMeeting',
};

/** The word on a case tool's button, in the current language. */
function ToolWord({ type, fallback }: { type: string; fallback: ShapeTextKey }) {
  const { s } = useShapeTexts();
  return (
    <span className="rb-tool-icon" aria-hidden="true">
      {s[TOOL_WORDS[type] ?? fallback]}
    </span>
  );
}

const labelKey = (type: string) => `rb-tool.${type}`;

/** Registers the case-conference tools with tldraw's UI (labels in both languages). */
export const renkeiUiOverrides: TLUiOverrides = {
  tools(editor, tools) {
    const next = { ...tools };
    for (const item of CASE_MENU_ITEMS) {
      next[item.type] = {
        id: item.type,
        label: labelKey(item.type),
        icon: <ToolWord type={item.type} fallback={item.text} />,
        readonlyOk: false,
        onSelect: () => editor.setCurrentTool(item.type),
      };
    }
    return next;
  },
  translations: {
    ja: Object.fromEntries(CASE_MENU_ITEMS.map((i) => [labelKey(i.type), shapeTexts.ja[i.text]])),
    en: Object.fromEntries(CASE_MENU_ITEMS.map((i) => [labelKey(i.type), shapeTexts.en[i.text]])),
  },
};

/** tldraw's toolbar followed by the case-conference tools. */
export function RenkeiToolbar() {
  return (
    <DefaultToolbar>
      <DefaultToolbarContent />
      {CASE_MENU_ITEMS.map((item) => (
        <ToolbarItem key={item.type} tool={item.type} />
      ))}
    </DefaultToolbar>
  );
}
