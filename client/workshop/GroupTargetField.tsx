import { R } from '../ruby/index.ts';
import { useWorkshopTexts } from './texts.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';

/** All groups, or one group by its index: what a facilitator's action applies to. */
export type GroupTarget = 'all' | number;

/** The facilitator's 「どのグループ」 choice, shared by the lock, summon and vote panels. */
export function GroupTargetField(props: { groups: readonly { index: number; name: string }[]; value: GroupTarget; onChange(target: GroupTarget): void; testId: string }) {
  const tx = useWorkshopTexts();
  const label = useWorkshopLabels();
  return (
    <label className="rb-field">
      <span><R>{tx('locksTarget')}</R></span>
      <select value={String(props.value)} onChange={(e) => props.onChange(e.target.value === 'all' ? 'all' : Number(e.target.value))} data-testid={props.testId}>
        <option value="all">{tx('locksAllGroups')}</option>
        {props.groups.map((g) => (
          <option key={g.index} value={g.index}>
            {label.group(g.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
