import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { roleLabel } from '../lib/roles.ts';
import type { ControlProps } from './FacilitatorControls.tsx';
import { useGroupPresence } from './useGroupPresence.ts';
import { useWorkshopTexts } from './texts.ts';

/**
 * Presentation: pick a group (and, if wanted, whose view to follow); every other group then
 * watches that board read-only. "Back to each group" ends it.
 */
export function PresentationPanel(props: ControlProps & { groups: readonly { index: number; name: string; boardId: string }[]; token: string; pick: { index: number; seq: number } | null }) {
  const { state, write, disabled, groups, token } = props;
  const tx = useWorkshopTexts();
  const { locale } = useI18n();
  const label = useWorkshopLabels();
  const presenting = state.presenting;
  const [groupIndex, setGroupIndex] = useState<number>(presenting?.groupIndex ?? groups[0]?.index ?? 0);
  const [presenter, setPresenter] = useState<string>(presenting?.followUserId ?? '');
  const ids = { group: useId(), presenter: useId() };
  const board = groups.find((g) => g.index === groupIndex);
  const people = useGroupPresence(board?.boardId ?? null, token);

  // A group picked on its card becomes the one chosen here.
  useEffect(() => {
    if (props.pick !== null) {
      setGroupIndex(props.pick.index);
      setPresenter('');
    }
  }, [props.pick]);

  const current = presenting ? groups.find((g) => g.index === presenting.groupIndex) : undefined;
  const sameGroup = presenting !== null && presenting.groupIndex === groupIndex;
  return (
    <section className="rb-card" aria-labelledby="rb-ws-present-h" data-testid="ws-present-panel">
      <h2 id="rb-ws-present-h"><R>{tx('presentHeading')}</R></h2>
      {current && (
        <p className="rb-ws-note rb-ws-note--present" data-testid="ws-presenting-now">
          {tx('presentNow', { group: label.group(current.name) })}
        </p>
      )}
      <div className="rb-field">
        <label htmlFor={ids.group}><R>{tx('presentGroup')}</R></label>
        <select
          id={ids.group}
          value={groupIndex}
          onChange={(e) => {
            setGroupIndex(Number(e.target.value));
            setPresenter('');
          }}
          data-testid="ws-present-group"
        >
          {groups.map((g) => (
            <option key={g.index} value={g.index}>
              {label.group(g.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="rb-field">
        <label htmlFor={ids.presenter}><R>{tx('presentPresenter')}</R></label>
        <select id={ids.presenter} value={presenter} onChange={(e) => setPresenter(e.target.value)} data-testid="ws-present-presenter">
          <option value="">{tx('presentNoFollow')}</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name}（{roleLabel(p.role, locale)}）
            </option>
          ))}
        </select>
        {people.length === 0 && <p className="rb-hint"><R>{tx('presentNobody')}</R></p>}
      </div>
      <div className="rb-button-list">
        <button type="button" className="rb-primary" disabled={disabled} onClick={() => write({ presenting: { groupIndex, followUserId: presenter || null } })} data-testid="ws-present-start">
          {sameGroup ? tx('presentUpdate') : tx('presentStart')}
        </button>
        <button type="button" disabled={disabled || presenting === null} onClick={() => write({ presenting: null })} data-testid="ws-present-end">
          {tx('presentEnd')}
        </button>
      </div>
    </section>
  );
}
