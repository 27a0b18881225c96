import { DefaultToolbar, DefaultToolbarContent, ToolbarItem, type TLUiOverrides } from 'tldraw';
import { CASE_MENU_ITEMS } from './CaseMenu.tsx';
import { shapeTexts } from './texts.ts';

// A short glyph per tool: the toolbar has room for one character, not a label.
const GLYPHS: Record<string, string> = {
  'rb-service': 'サ',
  'rb-plan': '計',
  'rb-voice': '言',
  'rb-lifeline': '齢',
  'rb-person': '人',
  'rb-tie': '線',
};

const labelKey = (type: string) => `rb-tool.${type}`;

/** Registers the case-conference tools with tldraw's UI (labels in both languages). */
export const renkeiUiOverrides: TLUiOverrides = {
  tools(editor, tools) {
    const next = { ...tools };
    for (const item of CASE_MENU_ITEMS) {
      next[item.type] = {
        id: item.type,
        label: labelKey(item.type),
        icon: (
          <div className="rb-tool-icon" aria-hidden="true">
            {GLYPHS[item.type]}
          </div>
        ),
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
