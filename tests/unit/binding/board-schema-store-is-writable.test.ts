import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTLStore } from 'tldraw';
import { boardSchema, serializedBoardSchema } from '../../../shared/schema/index.ts';
import { YjsStoreBinding } from '../../../client/sync/index.ts';
import { createTestStore, recordingLogger, seedBoard } from './harness.ts';

const quiet = recordingLogger().logger;

describe('the store schema must be the board schema', () => {
  it('binds a store built from boardSchema() to a server-seeded board read-write', () => {
    const doc = new Y.Doc();
    seedBoard(doc, serializedBoardSchema());
    const binding = new YjsStoreBinding({ doc, store: createTLStore({ schema: boardSchema() }), logger: quiet });
    expect(binding.readOnlyReason).toBeNull();
  });

  it('freezes a store that lacks the board custom shapes, naming their sequences', () => {
    const custom = Object.keys(serializedBoardSchema().sequences).filter(
      (id) => !(id in createTestStore().schema.serialize().sequences),
    );
    const doc = new Y.Doc();
    seedBoard(doc, serializedBoardSchema());
    const binding = new YjsStoreBinding({ doc, store: createTestStore(), logger: quiet });
    expect(custom.length).toBeGreaterThan(0);
    expect(binding.readOnlyReason).toEqual({ kind: 'schema-too-new', sequences: custom });
  });
});
