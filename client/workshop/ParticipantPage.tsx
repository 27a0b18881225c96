import { R } from '../ruby/index.ts';
import { settleIntoFrame } from '../placement/placeContent.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useEffect, useRef, useState } from 'react';
import { useValue, type Editor, type TLContent, type TLShapeId, type TLUserId } from 'tldraw';
import type { BoardInfo, WorkshopInfo } from '../../shared/protocol/index.ts';
import { BoardView } from '../board/BoardView.tsx';
import { useI18n } from '../i18n/index.ts';
import { api, workshopApi } from '../lib/api.ts';
import { loadIdentity, newUserId, saveIdentity, type Identity } from '../lib/identity.ts';
import { useServerOffset, useWorkshopState } from './hooks.ts';
import { summonFor, type WorkshopSummon } from '../../shared/workshop/index.ts';
import { loadMembership, type Membership } from './localWorkshops.ts';
import { decideCanvas, initialMode, modeAfterPhaseChange, modeAfterPresentation, type CanvasMode } from './presentation.ts';
import { stampAuthor } from './shareContent.ts';
import { SharedNotesButton } from './SharedNotes.tsx';
import { CasePanel } from './CasePanel.tsx';
import { VoteBadges, VoteBar } from './VoteBar.tsx';
import { useVote } from './useVote.ts';
import { ReactionBadges, ReactionButtons, useMemberId, useReactions } from './Reactions.tsx';
import { useWorkshopTexts } from './texts.ts';
import { phaseView } from './viewModel.ts';
import { MessageBanner, WorkshopBar } from './WorkshopBar.tsx';
import './workshop.css';

type Load = { kind: 'loading' } | { kind: 'not-member' } | { kind: 'error' } | { kind: 'ready'; info: WorkshopInfo & { member: NonNullable<WorkshopInfo['member']> }; membership: Membership; identity: Identity };

/** `/w/<id>/g`: the participant's workshop view, from the membership this browser keeps. */
export function ParticipantPage({ workshopId, licenseKey, settings }: { workshopId: string; licenseKey: string | undefined; settings: React.ReactNode }) {
  const tx = useWorkshopTexts();
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    const membership = loadMembership(workshopId);
    if (!membership) return setLoad({ kind: 'not-member' });
    let live = true;
    void workshopApi.info(workshopId, membership.token).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoad(r.status === 401 || r.status === 403 || r.status === 404 ? { kind: 'not-member' } : { kind: 'error' });
      const member = r.value.member;
      if (r.value.role !== 'member' || !member) return setLoad({ kind: 'not-member' });
      const stored = loadIdentity();
      const identity: Identity = { id: stored?.id ?? newUserId(), name: member.name, role: member.role };
      if (!stored) saveIdentity(identity);
      setLoad({ kind: 'ready', info: { ...r.value, member }, membership, identity });
    });
    return () => {
      live = false;
    };
  }, [workshopId]);

  if (load.kind === 'ready') return <ParticipantWorkshop info={load.info} membership={load.membership} identity={load.identity} licenseKey={licenseKey} settings={settings} />;
  return (
    <>
      {settings}
      {load.kind === 'loading' ? (
        <p className="rb-centered" role="status">
          {t('loading')}
        </p>
      ) : (
        <main className="rb-centered">
          <div className="rb-card">
            <p role="alert">{load.kind === 'not-member' ? tx('notMember') : tx('network')}</p>
            <a href="/"><R>{tx('backHome')}</R></a>
          </div>
        </main>
      )}
    </>
  );
}

/** The board infos of the boards shown so far (a toggle back and forth asks the server once). */
function useBoardInfo(boardId: string, token: string, ownPrivate: boolean): BoardInfo | 'error' | null {
  const cache = useRef(new Map<string, BoardInfo>());
  const [info, setInfo] = useState<BoardInfo | 'error' | null>(() => cache.current.get(boardId) ?? null);
  useEffect(() => {
    const known = cache.current.get(boardId);
    if (known) return setInfo(known);
    setInfo(null);
    let live = true;
    void api.board(boardId, token).then((r) => {
      if (!live) return;
      if (!r.ok) return setInfo('error');
      // The private area is reachable with the member's token alone; no share links for it.
      const value: BoardInfo = ownPrivate && r.value.role === 'owner' ? { ...r.value, role: 'edit' } : r.value;
      cache.current.set(boardId, value);
      setInfo(value);
    });
    return () => {
      live = false;
    };
  }, [boardId, token, ownPrivate]);
  return info && info !== 'error' && info.id !== boardId ? null : info;
}

/**
 * Bring the camera to a summon's place on the mounted group board (a frame, or the whole page)
 * once per summon, and while it holds keep the camera locked there until it is released.
 */
function useSummonCamera(editor: Editor | null, summon: WorkshopSummon | null): void {
  const id = summon?.id;
  const target = summon?.target ?? null;
  const place = summon?.bounds ?? null;
  const hold = summon?.hold === true;
  // The banner that says who summons changes the canvas's size: place the view again when it does.
  const screen = useValue('viewport size', () => (editor && !editor.isDisposed ? `${Math.round(editor.getViewportScreenBounds().w)}x${Math.round(editor.getViewportScreenBounds().h)}` : ''), [editor]);
  useEffect(() => {
    if (!editor || editor.isDisposed || !id) return;
    const bounds = place ?? (target ? editor.getShapePageBounds(target as TLShapeId) : undefined);
    if (bounds) editor.zoomToBounds(bounds, { inset: place ? 0 : 32, force: true, immediate: true });
    else editor.zoomToFit({ force: true, immediate: true });
    if (!hold) return;
    editor.setCameraOptions({ isLocked: true });
    return () => {
      if (!editor.isDisposed) editor.setCameraOptions({ isLocked: false });
    };
  }, [editor, id, target, place, hold, screen]);
}

/** Follow a user on the mounted board once their presence is there (it may arrive after the board). */
function useFollow(editor: Editor | null, userId: string | null): void {
  useEffect(() => {
    if (!editor || editor.isDisposed) return;
    if (!userId) {
      if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
      return;
    }
    const attempt = () => {
      if (editor.isDisposed) return true;
      if (editor.getInstanceState().followingUserId !== userId) editor.startFollowingUser(userId as TLUserId);
      return editor.getInstanceState().followingUserId === userId;
    };
    if (attempt()) return;
    const timer = setInterval(() => attempt() && clearInterval(timer), 400);
    return () => clearInterval(timer);
  }, [editor, userId]);
}

function ParticipantWorkshop(props: { info: WorkshopInfo & { member: NonNullable<WorkshopInfo['member']> }; membership: Membership; identity: Identity; licenseKey: string | undefined; settings: React.ReactNode }) {
  const label = useWorkshopLabels();
  const { info, membership, identity } = props;
  const tx = useWorkshopTexts();
  const { t } = useI18n();
  const serverOffset = useServerOffset();
  const { connection, state, status } = useWorkshopState(info.id, membership.token);
  const { vote, ballots } = useVote(connection?.doc);
  const me = useMemberId(info.id, membership.token);
  const reactions = useReactions(connection?.doc, info.member.groupIndex, me);
  const hasState = status !== 'connecting';
  const phase = phaseView(state).name;
  const [mode, setMode] = useState<CanvasMode>('group');
  const [toast, setToast] = useState('');

  // The first state decides where to start; later phase moves and the end of a presentation move the participant along.
  const lastPhase = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!hasState) return;
    // Read the refs now: the updater runs later, after they have moved on.
    const previous = lastPhase.current;
    setMode((m) => (previous === undefined ? initialMode(phase) : modeAfterPhaseChange(previous, phase, m)));
    lastPhase.current = phase;
  }, [phase, hasState]);
  const isPresenting = state.presenting !== null;
  const wasPresenting = useRef(false);
  useEffect(() => {
    const was = wasPresenting.current;
    setMode((m) => modeAfterPresentation(was, isPresenting, m));
    wasPresenting.current = isPresenting;
  }, [isPresenting]);

  // 「全員をここへ」: a summon of this member's group brings them to their group's board.
  const summon = summonFor(state.summon, info.member.groupIndex);
  const held = summon?.hold === true;
  useEffect(() => {
    if (summon) setMode('group');
    // Only a new summon moves them: not every change of the state.
  }, [summon?.id]);

  const canvas = decideCanvas({
    member: { groupIndex: info.member.groupIndex, boardId: membership.boardId, privateBoardId: membership.privateBoardId, userId: identity.id },
    groups: info.groups,
    presenting: state.presenting,
    mode,
  });
  const boardInfo = useBoardInfo(canvas.boardId, membership.token, canvas.kind === 'private');
  const [editor, setEditor] = useState<Editor | null>(null);
  useFollow(editor, canvas.follow);
  useSummonCamera(editor, canvas.kind === 'group' ? summon : null);
  const following = useValue('following', () => (editor && !editor.isDisposed ? editor.getInstanceState().followingUserId : null), [editor]);

  // 「選んだメモをグループに出す」: copy from the private board, then paste once the group board is mounted.
  const pending = useRef<{ content: TLContent; from: Editor } | null>(null);
  const share = () => {
    if (!editor || canvas.kind !== 'private') return;
    const ids = editor.getSelectedShapeIds();
    const content = ids.length > 0 ? editor.getContentFromCurrentPage(ids) : undefined;
    if (!content) return setToast(tx('shareNothing'));
    pending.current = { content: stampAuthor(content, { name: identity.name, role: identity.role }), from: editor };
    setToast('');
    setMode('group');
  };
  useEffect(() => {
    const p = pending.current;
    if (!p || !editor || editor === p.from || editor.isDisposed || canvas.kind !== 'group') return;
    pending.current = null;
    try {
      // Where this participant is looking on the group board, as a paste would: notes written at
      // the same spot of several private boards do not all land on one spot of the group's.
      editor.putContentOntoCurrentPage(p.content, { select: true, point: editor.getViewportPageBounds().center });
      // Landed on a frame: moved to a free spot fully inside it (issue 13).
      settleIntoFrame(editor, editor.getSelectedShapeIds());
      setToast(tx('shareDone', { n: p.content.rootShapeIds.length }));
    } catch (err) {
      console.warn('sharing notes failed', err);
      setToast(tx('shareFailed'));
    }
  }, [editor, canvas.kind, tx]);

  useEffect(() => {
    document.title = `${info.title} — ${info.groups.find((g) => g.index === info.member.groupIndex)?.name ?? ''}`;
  }, [info]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(''), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  const presentingGroup = canvas.kind === 'presentation' ? info.groups.find((g) => g.index === canvas.groupIndex) : undefined;
  const headerExtra = (
    <div className="rb-ws-tools" data-testid="ws-tools" data-canvas={canvas.kind}>
      <WorkshopBar state={state} status={status} serverOffset={serverOffset} />
      {canvas.kind === 'presentation' ? (
        <p className="rb-ws-note rb-ws-note--present" data-testid="ws-watching">
          {tx('watching', { group: label.group(presentingGroup?.name ?? '') })}
          {canvas.follow && (following === canvas.follow ? ` — ${tx('following')}` : '')}
        </p>
      ) : (
        <div className="rb-ws-toggle" role="group" aria-label={tx('modeLabel')}>
          <button type="button" aria-pressed={canvas.kind === 'private'} disabled={held} onClick={() => setMode('private')} data-testid="ws-mode-private">
            {tx('modePrivate')}
          </button>
          <button type="button" aria-pressed={canvas.kind === 'group'} onClick={() => setMode('group')} data-testid="ws-mode-group">
            {tx('modeGroup')}
          </button>
        </div>
      )}
      {canvas.kind === 'group' && canvas.presenting && <p className="rb-ws-note rb-ws-note--present"><R>{tx('ownGroupPresenting')}</R></p>}
      {canvas.follow && following !== canvas.follow && (
        <button type="button" onClick={() => canvas.follow && editor?.startFollowingUser(canvas.follow as TLUserId)} data-testid="ws-follow-again">
          {tx('followAgain')}
        </button>
      )}
      {canvas.kind === 'private' && (
        <>
          <button type="button" className="rb-primary" onClick={share} data-testid="ws-share-selected">
            {tx('shareSelected')}
          </button>
          <span className="rb-hint"><R>{tx('privateNote')}</R></span>
        </>
      )}
      {canvas.kind === 'group' && <SharedNotesButton editor={editor} />}
      {canvas.kind === 'group' && <ReactionButtons workshopId={info.id} token={membership.token} editor={editor} reactions={reactions} />}
      {canvas.kind === 'group' && <VoteBar workshopId={info.id} token={membership.token} vote={vote} groupIndex={info.member.groupIndex} editor={editor} serverOffset={serverOffset} />}
      <p className="rb-ws-toast" role="status" aria-live="polite" data-testid="ws-toast">
        {toast}
      </p>
      {props.settings}
      <MessageBanner message={state.message} />
      {summon && canvas.kind === 'group' && (
        <p className="rb-ws-summoned" role="status" data-testid="ws-summoned" data-held={held}>
          <strong><R>{tx(held ? 'summonBanner' : 'summonBannerFree', { by: summon.by })}</R></strong>
          {summon.message && <span>{summon.message}</span>}
        </p>
      )}
    </div>
  );

  return (
    <>
      {boardInfo === 'error' ? (
        <main className="rb-centered">
          <div className="rb-card">
            <p role="alert"><R>{tx('unauthorized')}</R></p>
            <a href="/"><R>{tx('backHome')}</R></a>
          </div>
        </main>
      ) : boardInfo === null ? (
        <p className="rb-centered" role="status">
          {t('loading')}
        </p>
      ) : (
        <BoardView key={canvas.boardId} info={boardInfo} token={membership.token} identity={identity} licenseKey={props.licenseKey} knownTokens={{}} headerExtra={headerExtra} onEditor={setEditor}
          beside={canvas.kind === 'private' ? <CasePanel boardId={membership.boardId} token={membership.token} /> : undefined}
          overlay={
            canvas.kind === 'group' ? (
              <>
                <VoteBadges editor={editor} vote={vote} ballots={ballots} groupIndex={info.member.groupIndex} />
                <ReactionBadges editor={editor} reactions={reactions} />
              </>
            ) : undefined
          } />
      )}
    </>
  );
}
