import { useEffect, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import { tally, VOTABLE_TYPES, voteIncludes, voteOpen, type Ballot, type VoteConfig } from '../../shared/workshop/index.ts';
import { workshopApi } from '../lib/api.ts';
import { useNow } from './hooks.ts';
import { R } from '../ruby/index.ts';
import { useWorkshopTexts } from './texts.ts';

/**
 * A member's part in a dot vote (SPEC W1), in the header of their group's board: the question,
 * the votes left, and 「選んだものに投票」 for the selected note or card. The server decides;
 * its refusal (no votes left, one per item) is shown as it says it.
 */
export function VoteBar(props: { workshopId: string; token: string; vote: VoteConfig | null; groupIndex: number; editor: Editor | null; serverOffset: number }) {
  const tx = useWorkshopTexts();
  const { vote, editor } = props;
  const now = useNow(1000) + props.serverOffset;
  const [remaining, setRemaining] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const active = vote !== null && voteOpen(vote, now) && voteIncludes(vote, props.groupIndex);
  const voteId = vote?.id;

  useEffect(() => {
    setRemaining(null);
    setMessage('');
    if (!voteId) return;
    let live = true;
    void workshopApi.myBallots(props.workshopId, props.token).then((r) => live && r.ok && r.value.vote === voteId && setRemaining(r.value.remaining));
    return () => {
      live = false;
    };
  }, [voteId, props.workshopId, props.token]);

  const selected = useValue('votable selection', () => (editor && !editor.isDisposed ? editor.getSelectedShapes().filter((s) => VOTABLE_TYPES.has(s.type)) : []), [editor]);
  if (!active) return null;
  const cast = async () => {
    const target = selected[0];
    if (!target) return setMessage(tx('voteSelectFirst'));
    const r = await workshopApi.castBallot(props.workshopId, props.token, target.id);
    if (!r.ok) return setMessage(r.message.split(' / ')[0] ?? r.message);
    setRemaining(r.value.remaining);
    setMessage(tx('voteCast'));
  };
  return (
    <div className="rb-ws-votebar" role="group" aria-label={tx('voteHeading')} data-testid="ws-votebar">
      <span className="rb-ws-votebar__q">
        <R>{tx('voteBarLabel', { q: vote.question })}</R>
      </span>
      <span className="rb-ws-votebar__left" data-testid="ws-vote-remaining" data-remaining={remaining ?? ''}>
        {remaining === null ? '' : <R>{tx('voteRemaining', { n: remaining })}</R>}
      </span>
      <button type="button" className="rb-primary" disabled={remaining === 0} onClick={() => void cast()} data-testid="ws-vote-cast">
        <R>{tx('voteForSelected')}</R>
      </button>
      <span className="rb-ws-toast" role="status" data-testid="ws-vote-message">
        <R>{message}</R>
      </span>
    </div>
  );
}

/** Vote counts beside the notes and cards of a group's board (the results on the board). */
export function VoteBadges(props: { editor: Editor | null; vote: VoteConfig | null; ballots: readonly Ballot[]; groupIndex: number }) {
  const { editor, vote } = props;
  const items = vote && voteIncludes(vote, props.groupIndex) ? tally(props.ballots, props.groupIndex) : [];
  const places = useValue(
    'vote badges',
    () => {
      if (!editor || editor.isDisposed) return [];
      editor.getCamera(); // re-place when the view moves
      return items.flatMap((it) => {
        const b = editor.getShapePageBounds(it.target as never);
        if (!b) return [];
        const p = editor.pageToViewport({ x: b.maxX, y: b.minY });
        return [{ id: it.target, x: p.x, y: p.y, count: it.count }];
      });
    },
    [editor, items.map((i) => `${i.target}:${i.count}`).join(',')],
  );
  if (places.length === 0) return null;
  return (
    <div className="rb-ws-badges" aria-hidden="true">
      {places.map((p) => (
        <span key={p.id} className="rb-ws-badge" style={{ left: p.x, top: p.y }} data-testid="ws-vote-badge" data-target={p.id} data-count={p.count}>
          ●{p.count}
        </span>
      ))}
    </div>
  );
}
