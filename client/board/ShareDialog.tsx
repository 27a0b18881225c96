import { boardLink } from '../../shared/protocol/index.ts';
import { useEffect, useState } from 'react';
import type { Capability } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { rememberBoard } from '../lib/localBoards.ts';
import { R } from '../ruby/index.ts';

/** The owner's share dialog: copy the edit and view links, or rotate them. */
export function ShareDialog(props: { boardId: string; title: string; ownerToken: string; knownTokens: Partial<Record<Capability, string>>; onClose(): void }) {
  const { t } = useI18n();
  const [tokens, setTokens] = useState(props.knownTokens);
  const [copied, setCopied] = useState<Capability | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The links are derived from the owner token on the server, so any browser holding the
  // owner link shows them; tokens this browser remembers are shown while they load.
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    void api.currentLinks(props.boardId, props.ownerToken).then((r) => {
      if (!live) return;
      setLoading(false);
      if (!r.ok) return setMessage(r.message);
      setTokens((known) => {
        const next = { ...known, ...r.value.tokens };
        rememberBoard({ id: props.boardId, title: props.title, tokens: next });
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [props.boardId, props.ownerToken, props.title]);
  const link = (token: string) => boardLink(location.origin, props.boardId, token);

  const copy = async (cap: Capability, token: string) => {
    await navigator.clipboard?.writeText(link(token)).catch(() => undefined);
    setCopied(cap);
  };
  const rotate = async () => {
    setBusy(true);
    const r = await api.rotateLinks(props.boardId, props.ownerToken, ['edit', 'view']);
    setBusy(false);
    if (!r.ok) return setMessage(r.message);
    const next = { ...tokens, ...r.value.tokens };
    setTokens(next);
    rememberBoard({ id: props.boardId, title: props.title, tokens: next });
    setMessage(t('shareRotated'));
  };

  return (
    <div className="rb-dialog-backdrop">
      <div
        className="rb-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rb-share-h"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          props.onClose();
        }}
      >
        <h2 id="rb-share-h"><R>{t('shareHeading')}</R></h2>
        {(['edit', 'view'] as const).map((cap) => {
          const token = tokens[cap];
          const id = `rb-share-${cap}`;
          return (
            <div className="rb-field" key={cap}>
              <label htmlFor={id}><R>{cap === 'edit' ? t('shareEdit') : t('shareView')}</R></label>
              {token ? (
                <div className="rb-row">
                  <input id={id} readOnly value={link(token)} onFocus={(e) => e.currentTarget.select()} data-testid={`share-${cap}`} />
                  <button type="button" onClick={() => void copy(cap, token)}>
                    <R>{copied === cap ? t('shareCopied') : t('shareCopy')}</R>
                  </button>
                </div>
              ) : (
                <p id={id}><R>{loading ? t('shareLoading') : t('shareUnknown')}</R></p>
              )}
            </div>
          );
        })}
        <button type="button" className="rb-danger" disabled={busy} onClick={() => void rotate()}>
          <R>{t('shareRotate')}</R>
        </button>
        {message && <p role="status"><R>{message}</R></p>}
        <div className="rb-dialog__actions">
          <button type="button" onClick={props.onClose} autoFocus>
            <R>{t('close')}</R>
          </button>
        </div>
      </div>
    </div>
  );
}
