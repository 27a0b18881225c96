import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { participantOf } from '../../shared/protocol/index.ts';
import type { Author } from './announcement.ts';
import { buildOutline, diffOutline, type OutlineChange, type OutlineModel } from './model.ts';

/** Who wrote the given Yjs client's changes, from that connection's awareness state. */
function authorOf(awareness: Awareness, client: number | undefined): Author | undefined {
  const user = client === undefined ? undefined : participantOf(awareness.getStates().get(client));
  return user && { name: user.name, role: user.role };
}

/**
 * The live outline of a board's document: rebuilt after each transaction. Changes others
 * made (not this participant's, and never cursors: presence is not in the document) are
 * passed to `onRemoteChange` with their author.
 */
export function useOutline(doc: Y.Doc, awareness: Awareness, onRemoteChange: (change: OutlineChange, author: Author | undefined) => void): OutlineModel {
  const records = recordsMap(doc);
  const [model, setModel] = useState(() => buildOutline(records.values()));
  const onChange = useRef(onRemoteChange);
  onChange.current = onRemoteChange;
  useEffect(() => {
    let current = buildOutline(records.values());
    setModel(current);
    const observer = (event: Y.YMapEvent<StoredRecord>, tr: Y.Transaction) => {
      const next = buildOutline(records.values());
      const before = current;
      current = next;
      setModel(next);
      if (tr.local) return;
      // The Yjs item of a written key carries the writing client's id, which is its awareness id.
      let anyClient: number | undefined;
      const clientOf = new Map<string, number>();
      for (const key of event.keysChanged) {
        const item = records._map.get(key);
        if (item && !item.deleted) {
          clientOf.set(key, item.id.client);
          anyClient ??= item.id.client;
        }
      }
      for (const change of diffOutline(before.content, next.content)) {
        onChange.current(change, authorOf(awareness, clientOf.get(change.id) ?? anyClient));
      }
    };
    records.observe(observer);
    return () => records.unobserve(observer);
  }, [records, awareness]);
  return model;
}
