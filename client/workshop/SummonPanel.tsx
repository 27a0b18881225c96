import { R } from '../ruby/index.ts';
import { useId, useState } from 'react';
import { FRAME_KEYS, FRAME_NAMES } from '../../shared/templates/index.ts';
import { loadIdentity } from '../lib/identity.ts';
import type { ControlProps } from './FacilitatorControls.tsx';
import { GroupTargetField } from './GroupTargetField.tsx';
import { useWorkshopTexts } from './texts.ts';

/**
 * 「全員をここへ」 (issue 15): bring every participant of one group or all groups to one place of
 * their group's board — a frame of the template or the whole page — optionally holding their
 * view there until released, with a message they can always read.
 */
export function SummonPanel({ state, write, serverNow, disabled, groups }: ControlProps & { groups: readonly { index: number; name: string }[] }) {
  const tx = useWorkshopTexts();
  const ids = useId();
  const [target, setTarget] = useState<string>('');
  const [groupChoice, setGroupChoice] = useState<'all' | number>('all');
  const [hold, setHold] = useState(true);
  const [message, setMessage] = useState('');
  const summon = state.summon;

  const bring = () =>
    write({
      summon: {
        id: `${serverNow()}-${Math.random().toString(36).slice(2, 8)}`,
        groups: groupChoice === 'all' ? null : [groupChoice],
        target: target || null,
        hold,
        message: message.trim().slice(0, 200),
        by: loadIdentity()?.name ?? tx('summonByFacilitator'),
        at: serverNow(),
      },
    });

  return (
    <section className="rb-card" aria-labelledby={`${ids}-h`} data-testid="ws-summon-panel">
      <h2 id={`${ids}-h`}><R>{tx('summonHeading')}</R></h2>
      <label className="rb-field">
        <span><R>{tx('summonWhere')}</R></span>
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="ws-summon-target">
          <option value="">{tx('summonWholeBoard')}</option>
          {FRAME_KEYS.map((k) => (
            <option key={k} value={`shape:frame-${k}`}>
              {FRAME_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <GroupTargetField groups={groups} value={groupChoice} onChange={setGroupChoice} testId="ws-summon-groups" />
      <label className="rb-field">
        <span><R>{tx('summonMessage')}</R></span>
        <input value={message} maxLength={200} onChange={(e) => setMessage(e.target.value)} placeholder={tx('summonMessagePlaceholder')} data-testid="ws-summon-message" />
      </label>
      <label className="rb-check rb-ws-check">
        <input type="checkbox" checked={hold} onChange={(e) => setHold(e.target.checked)} data-testid="ws-summon-hold" /> {tx('summonHold')}
      </label>
      <div className="rb-row">
        <button type="button" className="rb-primary" disabled={disabled} onClick={bring} data-testid="ws-summon-bring">
          {tx('summonBring')}
        </button>
        <button type="button" disabled={disabled || summon === null} onClick={() => write({ summon: null })} data-testid="ws-summon-release">
          {tx('summonRelease')}
        </button>
      </div>
      {summon && (
        <p className="rb-hint" role="status" data-testid="ws-summon-status">
          {summon.hold ? tx('summonHolding') : tx('summonBrought')}
        </p>
      )}
    </section>
  );
}
