import { isStoredRecord, type StoredRecord } from '../../shared/doc/index.ts';
import { plainTextOf } from '../../shared/records/index.ts';
import { authorOf, tally, type Ballot, type VoteConfig } from '../../shared/workshop/index.ts';

/** Longest note text kept per line of the record's note. */
const MAX_TEXT = 200;

/**
 * What a group's record says besides its board (issue 15): the sticky notes and free text the
 * group wrote (not the template's own), by frame, with who shared them, and the results of the
 * workshop's vote for this group. Saved as the record's note, so the group's minutes print it.
 */
export function groupRecordNote(input: { records: Iterable<unknown>; templateIds: ReadonlySet<string>; group: number; vote: VoteConfig | null; ballots: readonly Ballot[] }): string {
  const all = [...input.records].filter(isStoredRecord);
  const byId = new Map(all.map((r) => [r.id, r]));
  const frameOf = (r: StoredRecord): string => {
    let parent = byId.get(String(r.parentId));
    for (let depth = 0; parent && depth < 64; depth++) {
      if (parent.type === 'frame') return plainTextOf((parent.props as { name?: unknown } | undefined)?.name ?? '');
      parent = byId.get(String(parent.parentId));
    }
    return '';
  };
  const notes = all
    .filter((r) => r.typeName === 'shape' && (r.type === 'note' || r.type === 'text') && !input.templateIds.has(r.id))
    .map((r) => {
      const props = (r.props ?? {}) as { richText?: unknown; text?: unknown };
      const text = plainTextOf(props.richText ?? props.text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
      const author = authorOf(r.meta);
      const frame = frameOf(r);
      return text ? `・${frame ? `［${frame}］` : ''}${text}${author ? `（${author.name}）` : ''}` : '';
    })
    .filter(Boolean)
    .sort();
  const lines = ['【グループの付箋・メモ】', ...(notes.length ? notes : ['（なし）'])];
  const vote = input.vote;
  if (vote && (vote.groups === null || vote.groups.includes(input.group))) {
    const items = tally(input.ballots, input.group);
    lines.push('', `【投票】${vote.question}（一人${vote.perPerson}票${vote.anonymous ? '・無記名' : ''}）`);
    if (items.length === 0) lines.push('（票なし）');
    items.forEach((it, i) => lines.push(`${i + 1}. ${it.count}票　${it.label.replace(/\s+/g, ' ').trim() || '—'}${it.names.length ? `（${it.names.join('、')}）` : ''}`));
  }
  return lines.join('\n');
}
