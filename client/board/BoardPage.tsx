import { useEffect, useState } from 'react';
import type { BoardInfo } from '../../shared/protocol/index.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { loadIdentity, saveIdentity, type Identity } from '../lib/identity.ts';
import { tokenFromHash } from '../lib/links.ts';
import { listLocalBoards, rememberBoard } from '../lib/localBoards.ts';
import { BoardView } from './BoardView.tsx';
import { IdentityDialog } from './IdentityDialog.tsx';

type Load = { kind: 'loading' } | { kind: 'error'; message: MessageKey } | { kind: 'ready'; info: BoardInfo };

/** What this browser remembers of a board, for opening it while offline. */
function offlineInfo(boardId: string, token: string): BoardInfo | undefined {
  const known = listLocalBoards().find((b) => b.id === boardId);
  const role = known && (Object.entries(known.tokens).find(([, t]) => t === token)?.[0] as BoardInfo['role'] | undefined);
  if (!known || !role) return undefined;
  return { id: boardId, title: known.title, template: '', createdAt: known.lastOpened, updatedAt: known.lastOpened, role };
}

/** `/b/<boardId>#t=<token>`: check the link, ask who you are, then open the board. */
export function BoardPage({ boardId, licenseKey, settings }: { boardId: string; licenseKey: string | undefined; settings: React.ReactNode }) {
  const { t } = useI18n();
  const [token] = useState(() => tokenFromHash(location.hash));
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [identity, setIdentity] = useState<Identity | undefined>(loadIdentity);
  const [confirmed, setConfirmed] = useState(identity !== undefined);

  useEffect(() => {
    if (!token) return setLoad({ kind: 'error', message: 'errorNoToken' });
    let live = true;
    void api.board(boardId, token).then((r) => {
      if (!live) return;
      if (r.ok) {
        rememberBoard({ id: r.value.id, title: r.value.title, tokens: { [r.value.role]: token } });
        setLoad({ kind: 'ready', info: r.value });
      } else if (r.status === 0 && offlineInfo(boardId, token)) {
        // Offline: open what this browser knows; the document comes from IndexedDB.
        setLoad({ kind: 'ready', info: offlineInfo(boardId, token) as BoardInfo });
      } else {
        setLoad({ kind: 'error', message: r.status === 404 ? 'errorNotFound' : r.status === 401 || r.status === 403 ? 'errorUnauthorized' : 'errorNetwork' });
      }
    });
    return () => {
      live = false;
    };
  }, [boardId, token]);

  useEffect(() => {
    if (load.kind === 'ready') document.title = `${load.info.title} — ${t('appName')}`;
  }, [load, t]);

  if (load.kind === 'ready' && token && identity && confirmed) {
    const known = listLocalBoards().find((b) => b.id === boardId)?.tokens ?? {};
    return <BoardView info={load.info} token={token} identity={identity} licenseKey={licenseKey} knownTokens={known} headerExtra={settings} />;
  }
  let body: React.ReactNode;
  if (load.kind === 'loading') {
    body = (
      <p className="rb-centered" role="status">
        {t('loading')}
      </p>
    );
  } else if (load.kind === 'error' || !token) {
    body = (
      <main className="rb-centered">
        <div className="rb-card">
          <p role="alert">{t(load.kind === 'error' ? load.message : 'errorNoToken')}</p>
          <a href="/">{t('backHome')}</a>
        </div>
      </main>
    );
  } else {
    body = (
      <IdentityDialog
        initial={identity}
        onDone={(id) => {
          saveIdentity(id);
          setIdentity(id);
          setConfirmed(true);
        }}
      />
    );
  }
  return (
    <>
      {settings}
      {body}
    </>
  );
}
