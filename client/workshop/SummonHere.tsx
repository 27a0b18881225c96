import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import { workshopApi } from '../lib/api.ts';
import { loadIdentity } from '../lib/identity.ts';
import { useServerOffset, useWorkshopState } from './hooks.ts';
import { useWorkshopTexts } from './texts.ts';

/**
 * 「全員をここへ」 from the facilitator's own view of a group board (issue 15): every member of
 * this group is brought to exactly what the facilitator sees and held there until released.
 */
export function SummonHere({ workshopId, boardId, token, editor }: { workshopId: string; boardId: string; token: string; editor: Editor | null }) {
  const tx = useWorkshopTexts();
  const { connection, state, status } = useWorkshopState(workshopId, token);
  const serverOffset = useServerOffset();
  const [groupIndex, setGroupIndex] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void workshopApi.info(workshopId, token).then((r) => live && r.ok && setGroupIndex(r.value.groups.find((g) => g.boardId === boardId)?.index ?? null));
    return () => {
      live = false;
    };
  }, [workshopId, boardId, token]);
  if (groupIndex === null) return null;
  const mine = state.summon && state.summon.groups?.length === 1 && state.summon.groups[0] === groupIndex ? state.summon : null;
  const bring = () => {
    if (!editor || !connection) return;
    const v = editor.getViewportPageBounds();
    const now = Date.now() + serverOffset;
    connection.write({
      summon: { id: `${now}-${Math.random().toString(36).slice(2, 8)}`, groups: [groupIndex], target: null, bounds: { x: v.x, y: v.y, w: v.w, h: v.h }, hold: true, message: '', by: loadIdentity()?.name ?? tx('summonByFacilitator'), at: now },
    });
  };
  return mine ? (
    <button type="button" onClick={() => connection?.write({ summon: null })} disabled={status !== 'synced'} data-testid="ws-summon-here-release">
      {tx('summonRelease')}
    </button>
  ) : (
    <button type="button" onClick={bring} disabled={status !== 'synced' || !editor} title={tx('summonHereHint')} data-testid="ws-summon-here">
      {tx('summonHere')}
    </button>
  );
}
