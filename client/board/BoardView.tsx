import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  Tldraw,
  UserRecordType,
  atom,
  createTLStore,
  createUserId,
  defaultShapeUtils,
  setUserPreferences,
  type Editor,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw';
import 'tldraw/tldraw.css';
import type { BoardInfo, Capability } from '../../shared/protocol/index.ts';
import { boardSchema } from '../../shared/schema/index.ts';
import { useI18n } from '../i18n/index.ts';
import type { Identity } from '../lib/identity.ts';
import { roleColor } from '../lib/roles.ts';
import { assetUrls } from './assets.ts';
import { takeBoardConnection, type BoardConnection } from './BoardConnection.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LockControls } from './LockControls.tsx';
import { SummonHere } from '../workshop/SummonHere.tsx';
import { DeferredShapeWrapper } from './DeferredShapeWrapper.tsx';
import { FacilitatorNotesPanel } from './FacilitatorNotesPanel.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { publishParticipant, syncPresence } from './presence.ts';
import { IdentityDialog } from './IdentityDialog.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { PrivacyDialog, usePrivacyTexts } from '../privacy/index.ts';
import { boardShapeUtils } from './shapeUtils.ts';
import { CaseBoardPanels, RenkeiToolbar, renkeiTools, renkeiUiOverrides } from '../shapes/index.ts';
import { ExportMenu, RecordsPanel } from '../records/index.ts';
import { markLoad } from '../lib/loadMarks.ts';
import { OutlineView, useLargeTextZoom, useOutlineTexts } from '../outline/index.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { useLayoutSwitch } from './useLayoutSwitch.ts';
import { registerPlacementRules } from '../placement/boardRules.ts';
import { R } from '../ruby/index.ts';

// Module-level so tldraw sees the same object on every render. Shapes out of view get their
// content drawn when they first come into view (DeferredShapeWrapper.tsx).
const tldrawComponents = { Toolbar: RenkeiToolbar, ShapeWrapper: DeferredShapeWrapper };

declare global {
  interface Window {
    /** tldraw's debugging convention, used by the browser tests (contract: testing hooks). */
    editor?: Editor;
  }
}

/** What the board view needs. */
export type BoardViewProps = {
  info: BoardInfo;
  token: string;
  identity: Identity;
  licenseKey: string | undefined;
  knownTokens: Partial<Record<Capability, string>>;
  headerExtra?: React.ReactNode;
  /** Told the editor once it is mounted, and null when it goes away. */
  onEditor?: (editor: Editor | null) => void;
  /** The canvas with its panels, or the outline (よみやすい画面) with the canvas beside it. */
  layout?: 'canvas' | 'outline';
  /** Go to the other layout (the header's link and Alt+Shift+O). */
  onSwitchLayout?: (() => void) | undefined;
  /** The participant chose a new name or role (or is someone else): remember it. Without it, who you are is fixed here. */
  onIdentityChange?: ((identity: Identity) => void) | undefined;
  /** A panel left of the canvas (the case beside private notes in 個人ワーク). */
  beside?: React.ReactNode;
  /** Drawn over the canvas, positioned in its viewport (vote counts on notes and cards). */
  overlay?: React.ReactNode;
};

/**
 * The live board: tldraw bound to the shared document, presence, status and panels. The
 * connection is taken in an effect (not a memo) so that React's StrictMode re-run of effects
 * gets a fresh connection instead of a destroyed one; the board page has usually opened it
 * already, while this code and the board's info loaded (`prewarmBoardConnection`). The
 * tldraw store is made here, with tldraw's code, and attached to it.
 */
export function BoardView(props: BoardViewProps) {
  const { info, token } = props;
  const canWrite = info.role !== 'view';
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const c = takeBoardConnection({ boardId: info.id, token });
    // The board schema (tldraw's shapes and ours) is the one the server seeds documents with.
    c.attach(createTLStore({ schema: boardSchema(), shapeUtils: [...defaultShapeUtils, ...boardShapeUtils] }), canWrite);
    setConnection(c);
    return () => {
      setConnection(null);
      c.destroy();
    };
  }, [info.id, token, canWrite]);
  return connection ? <BoardViewInner {...props} connection={connection} /> : null;
}

/** The live board once its connection exists. */
function BoardViewInner(props: BoardViewProps & { connection: BoardConnection }) {
  const { info, token, identity } = props;
  const { t, locale } = useI18n();
  const canWrite = info.role !== 'view';
  const { connection } = props;
  const snapshot = useSyncExternalStore(
    (cb) => connection.subscribe(cb),
    () => `${connection.status}|${connection.ready}|${connection.schemaReadOnly?.kind ?? ''}`,
  );
  const [status, ready, schemaReason] = snapshot.split('|') as [typeof connection.status, string, string];
  const [editor, setEditor] = useState<Editor | null>(null);
  const [sharing, setSharing] = useState(false);
  const [changingIdentity, setChangingIdentity] = useState(false);
  const shareButton = useRef<HTMLButtonElement>(null);
  const [privacyOpen, setPrivacyOpen] = useState(false);
  const privacyButton = useRef<HTMLButtonElement>(null);
  const privacyTexts = usePrivacyTexts().tx;
  const readOnly = !canWrite || schemaReason !== '';
  const color = roleColor(identity.role);
  const layout = props.layout ?? 'canvas';
  const { o } = useOutlineTexts();
  const switchLink = useRef<HTMLAnchorElement>(null);
  useLayoutSwitch(layout, props.onSwitchLayout, switchLink);
  useLargeTextZoom(editor);

  // Our participant as tldraw sees it (name, colour, locale) before the editor mounts.
  const $user = useMemo(() => atom<TLUser | null>('user', null), []);
  useEffect(() => {
    setUserPreferences({ id: identity.id, name: identity.name, color, locale });
    $user.set(UserRecordType.create({ id: createUserId(identity.id), name: identity.name, color }));
  }, [identity.id, identity.name, color, locale, $user]);

  // Who we are, as the others see it; kept current without restarting presence, so a new
  // name or role reaches their participants panel and our cursor's label at once.
  const participant = useMemo(() => ({ id: identity.id, name: identity.name, role: identity.role, color }), [identity.id, identity.name, identity.role, color]);
  const participantNow = useRef(participant);
  participantNow.current = participant;
  useEffect(() => {
    if (ready !== 'true') return;
    return syncPresence({ store: connection.store, awareness: connection.provider.awareness, $user, user: participantNow.current });
  }, [ready, connection, $user]);
  useEffect(() => {
    if (ready === 'true') publishParticipant(connection.provider.awareness, participant);
  }, [ready, connection, participant]);

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);

  const storeWithStatus: TLStoreWithStatus =
    ready === 'true'
      ? { status: 'synced-remote', connectionStatus: status === 'synced' ? 'online' : 'offline', store: connection.store }
      : { status: 'loading' };

  return (
    <div className="rb-board">
      <header className="rb-board__header">
        <h1 className="rb-board__title">{info.title}</h1>
        <ConnectionBadge status={status} />
        {readOnly && (
          <p className="rb-readonly" role="note" data-testid="readonly-note">
            <R>{schemaReason ? t('readOnlySchema') : t('readOnlyView')}</R>
          </p>
        )}
        <div className="rb-board__actions">
          {props.onSwitchLayout && (
            <a
              ref={switchLink}
              className="rb-layout-switch"
              href={`${layout === 'outline' ? Paths.board(info.id) : Paths.outline(info.id)}${location.hash}`}
              aria-keyshortcuts="Alt+Shift+O"
              title={o.shortcutHint}
              data-testid="switch-layout"
              onClick={(e) => {
                e.preventDefault();
                props.onSwitchLayout?.();
              }}
            >
              <R>{layout === 'outline' ? o.boardLink : o.outlineLink}</R>
            </a>
          )}
          {props.headerExtra}
          <LockControls editor={editor} doc={connection.doc} provider={connection.provider} owner={info.role === 'owner'} canWrite={!readOnly} />
          {info.role === 'owner' && info.workshopId && <SummonHere workshopId={info.workshopId} boardId={info.id} token={token} editor={editor} />}
          {info.role === 'owner' && (
            <button type="button" ref={shareButton} onClick={() => setSharing(true)} data-testid="share-button">
              <R>{t('share')}</R>
            </button>
          )}
          {info.role === 'owner' && (
            <button type="button" ref={privacyButton} onClick={() => setPrivacyOpen(true)} data-testid="privacy-button">
              <R>{privacyTexts.open}</R>
            </button>
          )}
        </div>
      </header>
      <div className={`rb-board__body rb-board__body--${layout}`}>
        {props.beside}
        {layout === 'outline' && ready === 'true' && (
          <OutlineView doc={connection.doc} awareness={connection.provider.awareness} editor={editor} canWrite={!readOnly} identity={identity} />
        )}
        <div className="rb-board__canvas" data-testid="board-canvas" role={layout === 'outline' ? 'region' : undefined} aria-label={layout === 'outline' ? o.canvasLabel : undefined}>
          <Tldraw
            store={storeWithStatus}
            assetUrls={assetUrls}
            shapeUtils={boardShapeUtils}
            tools={renkeiTools}
            overrides={renkeiUiOverrides}
            components={tldrawComponents}
            {...(props.licenseKey ? { licenseKey: props.licenseKey } : {})}
            onMount={(e) => {
              e.updateInstanceState({ isReadonly: readOnly });
              const stopRules = registerPlacementRules(e);
              markLoad('editor-mounted');
              window.editor = e;
              setEditor(e);
              props.onEditor?.(e);
              return () => {
                stopRules();
                if (window.editor === e) delete window.editor;
                props.onEditor?.(null);
              };
            }}
          />
          {props.overlay}
        </div>
        <aside className="rb-board__side" hidden={layout === 'outline'}>
          <ParticipantsPanel awareness={connection.provider.awareness} editor={editor} boardId={info.id} token={token} onChangeSelf={props.onIdentityChange && (() => setChangingIdentity(true))} />
          <CaseBoardPanels editor={editor} />
          {info.role === 'owner' && <FacilitatorNotesPanel boardId={info.id} ownerToken={token} />}
          <RecordsPanel boardId={info.id} boardTitle={info.title} token={token} capability={info.role} training={info.training ?? false} editor={editor} author={identity.name} />
          <ExportMenu editor={editor} title={info.title} tldrPath={`/api/boards/${info.id}/export.tldr`} token={token} />
        </aside>
      </div>
      {privacyOpen && (
        <PrivacyDialog
          boardId={info.id}
          title={info.title}
          ownerToken={token}
          onClose={() => {
            setPrivacyOpen(false);
            privacyButton.current?.focus();
          }}
          onDeleted={() => location.assign('/')}
        />
      )}
      {changingIdentity && props.onIdentityChange && (
        <IdentityDialog
          initial={identity}
          mode={{ kind: 'change', onCancel: () => setChangingIdentity(false) }}
          onDone={(next) => {
            setChangingIdentity(false);
            props.onIdentityChange?.(next);
          }}
        />
      )}
      {sharing && (
        <ShareDialog boardId={info.id} title={info.title} ownerToken={token} knownTokens={props.knownTokens} onClose={() => {
            setSharing(false);
            shareButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
