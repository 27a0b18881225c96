import { useEffect, useRef, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { useI18n } from '../i18n/index.ts';
import { R } from '../ruby/index.ts';
import { guardLockedShapes, listenForLockNotices, lockShapes, useLockedIds } from './locks.ts';

/**
 * The facilitator lock on a board (docs/SPEC.md D7). An owner locks and unlocks the selected
 * shapes; anyone else is stopped from changing a locked shape and told 「講師が固定した部分です」,
 * also when the server had to put back a change (an edit that raced a fresh lock).
 */
export function LockControls(props: { editor: Editor | null; doc: Y.Doc; provider: WebsocketProvider; owner: boolean; canWrite: boolean }) {
  const { t } = useI18n();
  const { editor, doc, provider, owner, canWrite } = props;
  const locked = useLockedIds(doc);
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const [notice, setNotice] = useState(0);

  useEffect(() => listenForLockNotices(provider, () => setNotice((n) => n + 1)), [provider]);
  useEffect(() => {
    if (!editor || owner || !canWrite) return;
    return guardLockedShapes(editor, (id) => lockedRef.current.has(id), () => setNotice((n) => n + 1));
  }, [editor, owner, canWrite]);
  useEffect(() => {
    if (notice === 0) return;
    const timer = setTimeout(() => setNotice(0), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const selected = useValue('selected', () => (editor && !editor.isDisposed ? editor.getSelectedShapeIds() : []), [editor]);
  const selectedLocked = selected.filter((id) => locked.has(id));
  return (
    <>
      {owner && (
        <span className="rb-lock-controls" data-testid="lock-controls" data-locked={locked.size}>
          {selected.length > 0 && selectedLocked.length === selected.length ? (
            <button type="button" onClick={() => lockShapes(doc, selected, false)} data-testid="unlock-selected">
              <R>{t('lockUnlockSelected')}</R>
            </button>
          ) : (
            <button type="button" disabled={selected.length === 0} title={selected.length === 0 ? t('lockSelectFirst') : undefined} onClick={() => lockShapes(doc, selected, true)} data-testid="lock-selected">
              <R>{t('lockSelected')}</R>
            </button>
          )}
        </span>
      )}
      {notice > 0 && (
        <p className="rb-lock-notice" role="status" data-testid="lock-notice">
          <R>{t('lockedNotice')}</R>
        </p>
      )}
    </>
  );
}
