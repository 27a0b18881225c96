// Every template's records are valid tldraw records under the board's schema: the server
// seeds boards with them unvalidated, so a bad prop would only surface in a browser.
import { createTLStore } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { boardSchema } from '../../../shared/schema/index.ts';
import { allTemplateRecords } from './helpers.ts';

describe.each(allTemplateRecords())('template %s', (_id, records) => {
  it('loads into a store built with the board schema', () => {
    const store = createTLStore({ schema: boardSchema() });
    expect(() => store.mergeRemoteChanges(() => store.put(records))).not.toThrow();
    expect(store.allRecords().filter((r) => r.typeName !== 'camera' && r.typeName !== 'instance' && r.typeName !== 'instance_page_state' && r.typeName !== 'pointer' && r.typeName !== 'instance_presence')).toHaveLength(records.length);
  });

  it('passes the schema’s record validation one record at a time', () => {
    const store = createTLStore({ schema: boardSchema() });
    for (const r of records) {
      expect(() => boardSchema().validateRecord(store, r, 'tests', null), r.id).not.toThrow();
    }
  });

  it('has exactly one document and the first page', () => {
    expect(records.filter((r) => r.typeName === 'document')).toHaveLength(1);
    expect(records.filter((r) => r.typeName === 'page').map((r) => r.id)).toEqual(['page:main']);
  });
});
