import { useEffect, useState } from 'react';
import { Paths, type BoardInfo } from '../../shared/protocol/index.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { loadIdentity, saveIdentity, type Identity } from '../lib/identity.ts';
import { tokenFromHash } from '../lib/links.ts';
import { listLocalBoards, rememberBoard } from '../lib/localBoards.ts';
import { markLoad } from '../lib/loadMarks.ts';
import { preloadBoardFont } from './assets.ts';
import { prewarmBoardConnection } from './BoardConnection.ts';
import { R } from '../ruby/index.ts';
import { IdentityDialog } from './IdentityDialog.tsx';

type BoardViewComponent = (typeof import('./BoardView.tsx'))['BoardView'];

/**
 * The board view and tldraw, loaded apart from the app (the larger part of its code): a
 * board link starts loading it at once (`loadBoardView`, from main.tsx) while the board's
 * document syncs, instead of both waiting for the whole app's code first.
 */
export function loadBoardView(): Promise<BoardViewComponent> {
  boardView ??= import('./BoardView.tsx').then(
    (m) => (loadedBoardView = m.BoardView),
    (err: unknown) => {
      boardView = undefined; // the next page may try again
      throw err;
    },
  );
  return boardView;
}
let boardView: Promise<BoardViewComponent> | undefined;
let loadedBoardView: BoardViewComponent | undefined;

/**
 * The board view component once its code is there. Not React.lazy: a Suspense boundary
 * holds back content that replaces its fallback (by up to 300 ms), and the board should
 * show as soon as it can.
 */
function useBoardView(): BoardViewComponent | 'failed' | undefined {
  const [view, setView] = useState<BoardViewComponent | 'failed' | undefined>(() => loadedBoardView);
  useEffect(() => {
    if (view) return;
    let live = true;
    loadBoardView().then(
      (v) => live && setView(() => v),
      (err: unknown) => {
        console.error('loading the board view failed', err);
        if (live) setView('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [view]);
  return view;
}

type Load = { kind: 'loading' } | { kind: 'error'; message: MessageKey } | { kind: 'ready'; info: BoardInfo };

/** What this browser remembers of a board, for opening it while offline. */
function offlineInfo(boardId: string, token: string): BoardInfo | undefined {
  const known = listLocalBoards().find((b) => b.id === boardId);
  const role = known && (Object.entries(known.tokens).find(([, t]) => t === token)?.[0] as BoardInfo['role'] | undefined);
  if (!known || !role) return undefined;
  return { id: boardId, title: known.title, template: '', createdAt: known.lastOpened, updatedAt: known.lastOpened, role };
}

/** The hold `prewarmBoardAtLoad` keeps on its connection until the board page holds it. */
let loadHold: (() => void) | undefined;

function releaseLoadHold(): void {
  const release = loadHold;
  loadHold = undefined;
  release?.();
}

/**
 * Called once as the page loads, before React's first render, for a board link: a known
 * participant's board starts syncing (and its font loading) at once. The board page takes
 * over the connection from its first effect on; if it never does, the hold ends after a
 * while and the connection is closed.
 */
export function prewarmBoardAtLoad(boardId: string): void {
  const token = tokenFromHash(location.hash);
  if (!token || !loadIdentity() || loadHold) return;
  preloadBoardFont();
  const release = prewarmBoardConnection({ boardId, token });
  const timeout = setTimeout(releaseLoadHold, 30_000);
  loadHold = () => {
    clearTimeout(timeout);
    release();
  };
}

/** `/b/<boardId>#t=<token>`: check the link, ask who you are, then open the board. */
export function BoardPage({ boardId, outline = false, navigate, licenseKey, settings }: { boardId: string; outline?: boolean; navigate?: (href: string) => void; licenseKey: string | undefined; settings: React.ReactNode }) {
  const { t } = useI18n();
  const [token] = useState(() => tokenFromHash(location.hash));
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [identity, setIdentity] = useState<Identity | undefined>(loadIdentity);
  const [confirmed, setConfirmed] = useState(identity !== undefined);
  const BoardView = useBoardView();

  useEffect(() => {
    if (!token) return setLoad({ kind: 'error', message: 'errorNoToken' });
    let live = true;
    void api.board(boardId, token).then((r) => {
      if (!live) return;
      markLoad('board-info');
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

  // While the board's info and the view's code load, a known participant's board already
  // starts syncing (and its font loading); the view takes that connection when it mounts.
  // Not before the participant has said who they are; a connection no view took (the link
  // failed, the page went) is closed.
  const prewarm = token !== undefined && confirmed && load.kind !== 'error';
  useEffect(() => {
    if (!prewarm || !token) {
      releaseLoadHold();
      return;
    }
    preloadBoardFont();
    const release = prewarmBoardConnection({ boardId, token });
    releaseLoadHold();
    return release;
  }, [boardId, token, prewarm]);

  useEffect(() => {
    if (load.kind === 'ready') document.title = `${load.info.title} — ${t('appName')}`;
  }, [load, t]);

  const opening = load.kind === 'ready' && token && identity && confirmed;
  if (opening && BoardView && BoardView !== 'failed') {
    const known = listLocalBoards().find((b) => b.id === boardId)?.tokens ?? {};
    return (
      <BoardView
        info={load.info}
        token={token}
        identity={identity}
        licenseKey={licenseKey}
        knownTokens={known}
        headerExtra={settings}
        layout={outline ? 'outline' : 'canvas'}
        onIdentityChange={(next) => {
          saveIdentity(next);
          setIdentity(next);
        }}
        // The other view of the same board, same link (the token stays in the fragment).
        onSwitchLayout={navigate && (() => navigate(`${outline ? Paths.board(boardId) : Paths.outline(boardId)}${location.hash}`))}
      />
    );
  }
  let body: React.ReactNode;
  // Until the board view's code is there too, the page still says it is loading.
  if (load.kind === 'loading' || (opening && !BoardView)) {
    body = (
      <p className="rb-centered" role="status">
        <R>{t('loading')}</R>
      </p>
    );
  } else if (load.kind === 'error' || !token || opening) {
    body = (
      <main className="rb-centered">
        <div className="rb-card">
          <p role="alert">
            <R>{t(load.kind === 'error' ? load.message : token ? 'errorNetwork' : 'errorNoToken')}</R>
          </p>
          <a href="/">
            <R>{t('backHome')}</R>
          </a>
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
