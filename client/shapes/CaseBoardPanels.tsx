import type { Editor } from 'tldraw';
import { TransitionPanel } from '../transition/TransitionPanel.tsx';
import { TransitionSummaryPanel } from '../transition/TransitionSummaryPanel.tsx';
import { CaseMenu } from './CaseMenu.tsx';
import { EcomapLegend } from './ecomapTie/EcomapLegend.tsx';
import { ShapePanel } from './ShapePanel.tsx';

/** Everything the case conference adds to the board's side panel, in reading order. */
export function CaseBoardPanels({ editor }: { editor: Editor | null }) {
  if (!editor) return null;
  return (
    <div className="rb-case" data-testid="case-board-panels">
      <CaseMenu editor={editor} />
      <ShapePanel editor={editor} />
      <TransitionPanel editor={editor} />
      <TransitionSummaryPanel editor={editor} />
      <EcomapLegend />
    </div>
  );
}
