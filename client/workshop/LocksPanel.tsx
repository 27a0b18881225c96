import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useState } from 'react';
import { workshopApi } from '../lib/api.ts';
import { GroupTargetField } from './GroupTargetField.tsx';
import { useWorkshopTexts } from './texts.ts';

/**
 * The facilitator lock for every group at once (docs/SPEC.md D7): the template's scaffolding
 * (frames, headings, case text, guides) is locked when the workshop is made; here it is
 * unlocked or locked again on all groups or one. Single shapes are locked from the board.
 */
export function LocksPanel({ workshopId, token, groups }: { workshopId: string; token: string; groups: readonly { index: number; name: string }[] }) {
  const label = useWorkshopLabels();
  const tx = useWorkshopTexts();
  const [target, setTarget] = useState<'all' | number>('all');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const set = async (locked: boolean) => {
    setBusy(true);
    setStatus(null);
    const r = await workshopApi.setLocks(workshopId, token, { locked, ...(target === 'all' ? {} : { groups: [target] }) });
    setBusy(false);
    if (!r.ok) return setStatus({ ok: false, text: tx('locksFailed', { message: r.message }) });
    const where = target === 'all' ? tx('locksAllGroups') : (label.group(groups.find((g) => g.index === target)?.name ?? ''));
    setStatus({ ok: true, text: tx(locked ? 'locksLocked' : 'locksUnlocked', { where }) });
  };

  return (
    <section className="rb-card" aria-labelledby="rb-ws-locks-h" data-testid="ws-locks-panel">
      <h2 id="rb-ws-locks-h"><R>{tx('locksHeading')}</R></h2>
      <p className="rb-hint"><R>{tx('locksHint')}</R></p>
      <GroupTargetField groups={groups} value={target} onChange={setTarget} testId="ws-locks-target" />
      <div className="rb-row">
        <button type="button" disabled={busy} onClick={() => void set(true)} data-testid="ws-locks-lock">
          {tx('locksLock')}
        </button>
        <button type="button" disabled={busy} onClick={() => void set(false)} data-testid="ws-locks-unlock">
          {tx('locksUnlock')}
        </button>
      </div>
      <p className={status && !status.ok ? 'rb-error' : 'rb-ws-toast'} role="status" aria-live="polite" data-testid="ws-locks-status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
