import { vi } from 'vitest';
import * as Y from 'yjs';
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type IndexKey,
  type SerializedSchema,
  type TLGeoShape,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { YjsStoreBinding, type BindingLogger, type YjsStoreBindingOptions } from '../../../client/sync/index.ts';

export const PAGE_ID = PageRecordType.createId('page') as TLPageId;

/** A tldraw store with the default shapes, as the client builds one. */
export function createTestStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

/** The serialized schema of {@link createTestStore}'s stores. */
export function clientSchema() {
  return createTestStore().schema.serialize();
}

/** What the server does for a new board: one document, one page and the schema, one transaction. */
export function seedBoard(doc: Y.Doc, schema: SerializedSchema = clientSchema()): void {
  doc.transact(() => {
    const document = DocumentRecordType.create({ id: TLDOCUMENT_ID, name: 'テスト' });
    const page = PageRecordType.create({ id: PAGE_ID, name: 'Page 1', index: 'a1' as IndexKey });
    recordsMap(doc).set(document.id, document as unknown as StoredRecord);
    recordsMap(doc).set(page.id, page as unknown as StoredRecord);
    metaMap(doc).set(MetaKeys.schema, schema);
  }, 'server-seed');
}

/** A complete, valid geo shape on the seeded page. */
export function geoShape(name: string, patch: { x?: number; y?: number; w?: number; index?: string } = {}): TLGeoShape {
  return {
    id: createShapeId(name),
    typeName: 'shape',
    type: 'geo',
    parentId: PAGE_ID,
    index: (patch.index ?? 'a1') as IndexKey,
    x: patch.x ?? 0,
    y: patch.y ?? 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: patch.w ?? 100,
      h: 100,
      geo: 'rectangle',
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(name),
    },
  };
}

/**
 * Two docs standing for two clients behind a relay: each delivers its updates to the other
 * synchronously, unless delivery is paused (offline), in which case they queue until resumed.
 */
export function createDocPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const wire = Symbol('wire');
  const queues = { toA: [] as Uint8Array[], toB: [] as Uint8Array[] };
  let paused = false;
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === wire) return;
    if (paused) queues.toB.push(update);
    else Y.applyUpdate(b, update, wire);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === wire) return;
    if (paused) queues.toA.push(update);
    else Y.applyUpdate(a, update, wire);
  });
  return {
    a,
    b,
    pause(): void {
      paused = true;
    },
    resume(): void {
      paused = false;
      for (const update of queues.toB.splice(0)) Y.applyUpdate(b, update, wire);
      for (const update of queues.toA.splice(0)) Y.applyUpdate(a, update, wire);
    },
  };
}

/** Two clients on one seeded board: a doc, a store and a binding each. */
export function createPeers(options: Partial<Omit<YjsStoreBindingOptions, 'doc' | 'store'>> = {}) {
  const docs = createDocPair();
  seedBoard(docs.a);
  const storeA = createTestStore();
  const storeB = createTestStore();
  const log = recordingLogger();
  const bindingA = new YjsStoreBinding({ doc: docs.a, store: storeA, logger: log.logger, ...options });
  const bindingB = new YjsStoreBinding({ doc: docs.b, store: storeB, logger: log.logger, ...options });
  return {
    ...docs,
    storeA,
    storeB,
    log,
    bindingA,
    bindingB,
    /** Hands both stores' pending local changes to their bindings (normally done each frame). */
    flush(): void {
      bindingA.flush();
      bindingB.flush();
    },
  };
}

/** The document-scoped records of a store, sorted by id: what must agree between clients. */
export function documentRecords(store: TLStore): TLRecord[] {
  return store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The records map of a doc as plain JSON, sorted by id. */
export function docRecords(doc: Y.Doc): unknown[] {
  return [...recordsMap(doc).entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, value]) => value);
}

/** Counts the transactions on `doc` whose origin is `origin` and that changed something. */
export function countTransactions(doc: Y.Doc, origin: () => unknown): { readonly count: number; stop(): void } {
  let count = 0;
  const onAfter = (tr: Y.Transaction) => {
    if (tr.origin === origin() && tr.changed.size > 0) count++;
  };
  doc.on('afterTransaction', onAfter);
  return {
    get count() {
      return count;
    },
    stop: () => doc.off('afterTransaction', onAfter),
  };
}

/**
 * Makes tldraw deliver store history once per animation frame, as in a browser, with frames
 * that run only when the test says so (under NODE_ENV=test tldraw otherwise flushes at once).
 */
export function manualFrames() {
  const queue = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    queue.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queue.delete(id));
  const flags = globalThis as { __FORCE_RAF_IN_TESTS__?: boolean };
  flags.__FORCE_RAF_IN_TESTS__ = true;
  const runFrame = (): void => {
    const callbacks = [...queue.values()];
    queue.clear();
    for (const callback of callbacks) callback(performance.now());
  };
  return {
    runFrame,
    restore(): void {
      for (let i = 0; i < 10 && queue.size > 0; i++) runFrame();
      delete flags.__FORCE_RAF_IN_TESTS__;
      vi.unstubAllGlobals();
    },
  };
}

/** A logger that keeps what it is told, so tests stay quiet and can assert on it. */
export function recordingLogger() {
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger: BindingLogger = {
    warn: (message) => void warnings.push(message),
    error: (message) => void errors.push(message),
  };
  return { logger, warnings, errors };
}
