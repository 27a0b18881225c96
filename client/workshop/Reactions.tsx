import { Fragment, useEffect, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import type * as Y from 'yjs';
import { REACTION_KINDS, readReactions, VOTABLE_TYPES, workshopMap, type ReactionKind } from '../../shared/workshop/index.ts';
import { workshopApi } from '../lib/api.ts';
import { R } from '../ruby/index.ts';
import { useWorkshopTexts } from './texts.ts';

type Reactions = ReturnType<typeof readReactions>;

/** The member's own id (as their reactions name them), asked once. */
export function useMemberId(workshopId: string, token: string): string | undefined {
  const [me, setMe] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void workshopApi.myBallots(workshopId, token).then((r) => live && r.ok && setMe(r.value.me));
    return () => {
      live = false;
    };
  }, [workshopId, token]);
  return me;
}

/** Reactions on a group's notes and cards, live from the workshop's state document (SPEC W3). */
export function useReactions(doc: Y.Doc | undefined, group: number, me: string | undefined): Reactions {
  const [value, setValue] = useState<Reactions>(new Map());
  useEffect(() => {
    if (!doc) return;
    const read = () => setValue(readReactions(doc, group, me));
    read();
    const map = workshopMap(doc);
    const onChange = (e: Y.YMapEvent<unknown>) => {
      for (const k of e.keysChanged) if (k.startsWith('react:')) return read();
    };
    map.observe(onChange);
    return () => map.unobserve(onChange);
  }, [doc, group, me]);
  return value;
}

/** 賛成・質問・要確認 for the selected note or card, each counted, pressed when given (words, not emoji: not every device draws emoji). */
export function ReactionButtons(props: { workshopId: string; token: string; editor: Editor | null; reactions: Reactions }) {
  const tx = useWorkshopTexts();
  const { editor } = props;
  const target = useValue('reaction target', () => (editor && !editor.isDisposed ? editor.getSelectedShapes().find((s) => VOTABLE_TYPES.has(s.type))?.id : undefined), [editor]);
  const [error, setError] = useState('');
  if (!target) return null;
  const entry = props.reactions.get(target);
  const toggle = async (kind: ReactionKind) => {
    const on = !entry?.mine.has(kind);
    const r = await workshopApi.react(props.workshopId, props.token, { target, kind, on });
    setError(r.ok ? '' : (r.message.split(' / ')[0] ?? r.message));
  };
  return (
    <div className="rb-ws-reactions" role="group" aria-label={tx('reactionsLabel')} data-testid="ws-reactions">
      {REACTION_KINDS.map((kind) => (
        <button key={kind} type="button" aria-pressed={entry?.mine.has(kind) ?? false} onClick={() => void toggle(kind)} data-testid={`ws-react-${kind}`}>
          <R>{tx(`reaction${kind}`)}</R> <span className="rb-count">{entry?.counts[kind] ?? 0}</span>
        </button>
      ))}
      {error && <span className="rb-error"><R>{error}</R></span>}
    </div>
  );
}

/** Reaction counts under the notes and cards of the board. */
export function ReactionBadges(props: { editor: Editor | null; reactions: Reactions }) {
  const tx = useWorkshopTexts();
  const { editor, reactions } = props;
  const key = [...reactions].map(([t, e]) => `${t}:${e.counts.agree}/${e.counts.question}/${e.counts.check}`).join(',');
  const places = useValue(
    'reaction badges',
    () => {
      if (!editor || editor.isDisposed) return [];
      editor.getCamera();
      return [...reactions].flatMap(([target, e]) => {
        const b = editor.getShapePageBounds(target as never);
        const total = e.counts.agree + e.counts.question + e.counts.check;
        if (!b || total === 0) return [];
        const p = editor.pageToViewport({ x: b.minX, y: b.maxY });
        return [{ target, x: p.x, y: p.y, counts: REACTION_KINDS.filter((k) => e.counts[k] > 0).map((k) => ({ kind: k, n: e.counts[k] })) }];
      });
    },
    [editor, key],
  );
  if (places.length === 0) return null;
  return (
    <div className="rb-ws-badges" aria-hidden="true">
      {places.map((p) => (
        <span key={p.target} className="rb-ws-badge rb-ws-badge--reactions" style={{ left: p.x, top: p.y }} data-testid="ws-reaction-badge" data-target={p.target}>
          {p.counts.map((c, i) => (
            <Fragment key={c.kind}>
              {i > 0 && ' '}
              <R>{tx(`reaction${c.kind}`)}</R>
              {c.n}
            </Fragment>
          ))}
        </span>
      ))}
    </div>
  );
}
