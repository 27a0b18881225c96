// docs/SPEC.md D4: readers walk parents bounded and cycle-safe, and read an orphan or a cycle
// member as a child of the first page; invalid stored records are skipped and reported.
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../shared/doc/index.ts';
import { diffRecords, extractCase, readableRecordList, readableRecords } from '../../../shared/records/index.ts';
import { boardPictureSvg } from '../../../server/records/index.ts';
import { PAGE_ID, basics, frame, note, service, withProps } from './fixtures.ts';

const cyclic = (): StoredRecord[] => [
  ...basics(),
  { ...frame('self', '論点（自分が親）'), parentId: 'shape:self' },
  frame('ring-a', '論点A', { parent: 'shape:ring-b' }),
  frame('ring-b', 'B', { parent: 'shape:ring-a' }),
  note('in-ring', '輪の中のメモ', { parent: 'shape:ring-b' }),
  service('lost', { service: '生活介護' }, { parent: 'shape:deleted' }),
];

describe('readers never loop', () => {
  it('extractCase, diffRecords and boardPictureSvg finish on raw records with a self-parent and a cycle', () => {
    const records = cyclic();
    const content = extractCase(records);
    expect(content.services.map((s) => s.id)).toEqual(['shape:lost']);
    expect(diffRecords(records, records)).toEqual({ added: [], removed: [], changed: [] });
    expect(boardPictureSvg(records)).toContain('<svg');
  });

  it('readableRecords re-homes the self-parent, the cycle and the orphan to the page', () => {
    const { records, skipped, repairs } = readableRecordList(cyclic());
    expect(skipped).toEqual([]);
    expect(repairs.map((r) => [r.id, r.reason])).toEqual([
      ['shape:lost', 'orphan'],
      ['shape:ring-a', 'cycle'],
      ['shape:self', 'cycle'],
    ]);
    const parentOf = (id: string) => records.find((r) => r.id === id)?.parentId;
    expect(parentOf('shape:ring-a')).toBe(PAGE_ID);
    expect(parentOf('shape:ring-b')).toBe('shape:ring-a');
    expect(parentOf('shape:lost')).toBe(PAGE_ID);
    expect(parentOf('shape:self')).toBe(PAGE_ID);
    // Read as repaired: the note in B is in frame B; the card is on the page and drawn.
    const content = extractCase(records);
    expect(content.notes.find((n) => n.id === 'shape:in-ring')?.frame).toBe('B');
    expect(content.services).toEqual([expect.objectContaining({ id: 'shape:lost', frame: null })]);
    expect(boardPictureSvg(records)).toContain('生活介護');
  });

  it('skips a value stored under another key, a non-record and a record with wrong props', () => {
    const card = service('card', {});
    const { records, skipped } = readableRecords([
      ...basics().map((r) => [r.id, r] as const),
      ['shape:elsewhere', card],
      ['shape:number', 7],
      ['shape:bogus', withProps({ ...card, id: 'shape:bogus' }, { status: 'bogus' })],
    ]);
    expect(records.map((r) => r.id)).toEqual(['document:document', PAGE_ID]);
    expect(skipped.map((s) => [s.id, s.type])).toEqual([
      ['shape:bogus', 'rb-service'],
      ['shape:card', 'rb-service'],
      ['shape:number', 'number'],
    ]);
  });
});
