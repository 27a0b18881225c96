import { useState } from 'react';
import { AuditSection } from './AuditSection.tsx';
import { DeleteBoardSection } from './DeleteBoardSection.tsx';
import { PersonalLinksSection } from './PersonalLinksSection.tsx';
import { RetentionSection } from './RetentionSection.tsx';
import { R } from '../ruby/index.ts';
import { usePrivacyTexts } from './texts.ts';

type Tab = 'links' | 'audit' | 'retention' | 'delete';
const TABS: readonly Tab[] = ['links', 'audit', 'retention', 'delete'];

/** The owner's view of the board's personal data (issue 17): personal links, audit log, retention, deletion. */
export function PrivacyDialog(props: { boardId: string; title: string; ownerToken: string; onClose(): void; onDeleted(): void }) {
  const { tx } = usePrivacyTexts();
  const [tab, setTab] = useState<Tab>('links');
  const label: Record<Tab, string> = { links: tx.tabLinks, audit: tx.tabAudit, retention: tx.tabRetention, delete: tx.tabDelete };
  const common = { boardId: props.boardId, token: props.ownerToken };
  return (
    <div className="rb-dialog-backdrop">
      <div
        className="rb-dialog rb-privacy"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rb-privacy-h"
        data-testid="privacy-dialog"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          props.onClose();
        }}
      >
        <h2 id="rb-privacy-h"><R>{tx.heading}</R></h2>
        <p className="rb-privacy__intro"><R>{tx.intro}</R></p>
        <div role="tablist" className="rb-tabs" aria-label={tx.heading}>
          {TABS.map((t) => (
            <button key={t} type="button" role="tab" id={`rb-privacy-tab-${t}`} aria-selected={tab === t} aria-controls={`rb-privacy-panel-${t}`} onClick={() => setTab(t)} data-testid={`privacy-tab-${t}`}>
              <R>{label[t]}</R>
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`rb-privacy-panel-${tab}`} aria-labelledby={`rb-privacy-tab-${tab}`} className="rb-privacy__panel">
          {tab === 'links' && <PersonalLinksSection {...common} />}
          {tab === 'audit' && <AuditSection {...common} title={props.title} />}
          {tab === 'retention' && <RetentionSection {...common} />}
          {tab === 'delete' && <DeleteBoardSection {...common} title={props.title} onDeleted={props.onDeleted} />}
        </div>
        <div className="rb-dialog__actions">
          <button type="button" onClick={props.onClose} autoFocus>
            <R>{tx.close}</R>
          </button>
        </div>
      </div>
    </div>
  );
}
