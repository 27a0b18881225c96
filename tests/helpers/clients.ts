import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { richTextOf } from '../../shared/records/index.ts';

/** A stock y-websocket provider in Node, with its own document. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the provider has synced with the server. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connect a stock `WebsocketProvider` to a board, as the contract says a client does. */
export function connectClient(wsUrl: string, boardId: string, token: string, opts: { doc?: Y.Doc; connect?: boolean } = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: { token },
    // ws implements the browser WebSocket interface the provider expects.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: opts.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolve when `predicate(doc)` holds, re-checking after each document update. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate(doc)) return resolve();
    const check = () => {
      if (predicate(doc)) {
        doc.off('update', check);
        resolve();
      }
    };
    doc.on('update', check);
  });
}

/** A small tldraw-like shape record, for writing into `records`. */
export function shapeRecord(id: string, extra: Record<string, unknown> = {}): StoredRecord {
  // A shape valid under the board schema (the relay refuses any other, SPEC D1); a `text` prop
  // given by a test becomes the label's rich text.
  const { props, ...rest } = extra as { props?: Record<string, unknown> };
  const { text, ...propsRest } = props ?? {};
  const label = typeof text === 'string' ? text : id;
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'geo',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:main',
    isLocked: false,
    opacity: 1,
    meta: {},
    ...rest,
    props: geoProps(label, propsRest),
  };
}

/** The props of a valid tldraw geo shape (a rectangle) labelled `text`. */
export function geoProps(text: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    geo: 'rectangle',
    w: 100,
    h: 100,
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
    richText: richTextOf(text),
    ...over,
  };
}

/** Put a record into a client's document. */
export function putRecord(doc: Y.Doc, record: StoredRecord): void {
  recordsMap(doc).set(record.id, record);
}
