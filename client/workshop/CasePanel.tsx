import { R } from '../ruby/index.ts';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { recordsMap } from '../../shared/doc/index.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { caseSections, type CaseSection } from '../../shared/workshop/index.ts';
import { useWorkshopTexts } from './texts.ts';

/**
 * The case on the group's board, live and read only, for 個人ワーク: step ① 「一人で事例を読む」
 * happens beside the private notes. It only reads: nothing is written to the group board, and
 * the participant does not appear on it (their awareness state is cleared).
 */
function useCaseSections(boardId: string, token: string): CaseSection[] | null {
  const [sections, setSections] = useState<CaseSection[] | null>(null);
  useEffect(() => {
    setSections(null);
    const doc = new Y.Doc();
    const serverUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${Paths.ws}`;
    const provider = new WebsocketProvider(serverUrl, boardId, doc, { params: { token }, disableBc: true, maxBackoffTime: 5000 });
    provider.awareness.setLocalState(null);
    const records = recordsMap(doc);
    const update = () => {
      if (provider.synced) setSections(caseSections(records.values()));
    };
    provider.on('sync', update);
    records.observe(update);
    return () => {
      records.unobserve(update);
      provider.off('sync', update);
      provider.destroy();
      doc.destroy();
    };
  }, [boardId, token]);
  return sections;
}

/** The side panel: the case's frames as text, the first one open. */
export function CasePanel({ boardId, token }: { boardId: string; token: string }) {
  const tx = useWorkshopTexts();
  const [open, setOpen] = useState(true);
  const sections = useCaseSections(boardId, token);
  if (!open) {
    return (
      <aside className="rb-ws-case rb-ws-case--closed">
        <button type="button" onClick={() => setOpen(true)} data-testid="ws-case-show">
          {tx('caseShow')}
        </button>
      </aside>
    );
  }
  return (
    <aside className="rb-ws-case" aria-labelledby="rb-ws-case-h" data-testid="ws-case">
      <div className="rb-ws-case__head">
        <h2 id="rb-ws-case-h"><R>{tx('caseHeading')}</R></h2>
        <button type="button" className="rb-link-button" onClick={() => setOpen(false)}>
          {tx('caseHide')}
        </button>
      </div>
      {sections === null ? (
        <p role="status"><R>{tx('caseLoading')}</R></p>
      ) : sections.length === 0 ? (
        <p><R>{tx('caseEmpty')}</R></p>
      ) : (
        sections.map((s, i) => (
          <details key={s.id} open={i < 2} className="rb-ws-case__section" data-testid="ws-case-section">
            <summary>{s.id === 'page' ? tx('caseIntro') : s.title || '—'}</summary>
            {s.texts.map((t, j) => (
              <p key={j}><R>{t}</R></p>
            ))}
          </details>
        ))
      )}
    </aside>
  );
}
