import { describe, expect, it } from 'vitest';
import { shapeRecord } from '../../../bench/lib/records.ts';
import type { StoredRecord } from '../../../shared/doc/index.ts';
import { findRepairsAfterChange } from '../../../shared/records/repair.ts';
import { validateRecord } from '../../../shared/records/validate.ts';
import { baseRecords } from '../../../shared/templates/index.ts';

// The relay refuses a record its schema does not accept (4400, nothing relayed) and mends one
// whose parent is missing with an update of its own: a bench that writes stale records measures
// closed sockets or twice the traffic, not the relay. Found when tldraw's note props changed
// (every training-day delivery was lost) and when boards' page became `page:main` (every write
// was followed by a server repair, counted as a duplicate delivery).
describe('the relay bench writes records a board accepts as they are', () => {
  for (const kind of ['geo', 'note'] as const) {
    it(`${kind} shapes are valid under the board schema and need no repair on a new board`, () => {
      const board = new Map<string, StoredRecord>(baseRecords().map((r) => [r.id, r as unknown as StoredRecord]));
      for (let n = 0; n < 8; n++) {
        const record = shapeRecord({ key: `shape:bench-${kind}-${n}`, n, kind, stamp: { t: n * 1.5, w: n, c: 3 } });
        expect(validateRecord(record), JSON.stringify(record)).toEqual({ ok: true });
        board.set(record.id as string, record);
        const repairs = findRepairsAfterChange({ get: (id) => board.get(id), values: () => board.values() }, { changed: [record.id as string], deleted: [] });
        expect(repairs).toEqual([]);
      }
    });
  }
});
