import { R } from '../ruby/index.ts';
import { useState } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import { useI18n } from '../i18n/index.ts';
import { roleLabel } from '../lib/roles.ts';
import { sharedNotes } from './shareContent.ts';
import { useWorkshopTexts } from './texts.ts';

/**
 * The notes shared into the group board, each with its author (kept in `meta.author`), as a
 * list that opens from the header; "見る" selects the note and brings it into view.
 */
export function SharedNotesButton({ editor }: { editor: Editor | null }) {
  const tx = useWorkshopTexts();
  const { locale } = useI18n();
  const [open, setOpen] = useState(false);
  const notes = useValue('shared notes', () => (editor && !editor.isDisposed ? sharedNotes(editor.getCurrentPageShapes()) : []), [editor]);
  return (
    <div className="rb-ws-popover">
      <button type="button" aria-expanded={open} aria-controls="rb-ws-shared-panel" onClick={() => setOpen(!open)} data-testid="ws-shared-toggle">
        {tx('sharedHeading')} <span className="rb-count">{notes.length}</span>
      </button>
      {open && (
        <div className="rb-ws-popover__panel" id="rb-ws-shared-panel" data-testid="ws-shared-list">
          <h2><R>{tx('sharedHeading')}</R></h2>
          {notes.length === 0 ? (
            <p className="rb-hint"><R>{tx('sharedNone')}</R></p>
          ) : (
            <ul className="rb-ws-shared">
              {notes.map((n) => (
                <li key={n.id}>
                  <span>{n.text || '—'}</span>
                  <button
                    type="button"
                    className="rb-link-button"
                    onClick={() => {
                      editor?.select(n.id as TLShapeId);
                      editor?.zoomToSelection({ animation: { duration: 200 } });
                    }}
                  >
                    {tx('sharedShow')}
                  </button>
                  <span className="rb-ws-author" data-testid="ws-shared-author">
                    {n.author.name}（{roleLabel(n.author.role, locale)}）
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
