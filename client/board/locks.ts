import { useEffect, useState } from 'react';
import * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import type { Editor, TLShapeId } from 'tldraw';
import type { WebsocketProvider } from 'y-websocket';
import { isLockedFrameGrowth, lockedIds, lockedRecordOf, metaMap, setLocked } from '../../shared/doc/index.ts';
import { AuthMessage, LockedNotice, MessageType } from '../../shared/protocol/index.ts';

/** The locked record ids of a board's document, live (docs/SPEC.md D7). */
export function useLockedIds(doc: Y.Doc): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => lockedIds(doc));
  useEffect(() => {
    const meta = metaMap(doc);
    setIds(lockedIds(doc));
    const onChange = (e: Y.YMapEvent<unknown>) => {
      for (const key of e.keysChanged) if (lockedRecordOf(key) !== undefined) return setIds(lockedIds(doc));
    };
    meta.observe(onChange);
    return () => meta.unobserve(onChange);
  }, [doc]);
  return ids;
}

/**
 * Calls `onLocked` when the server says it put back locked records this client changed (an
 * auth "permission denied" whose reason is a `LockedNotice`); other denials are only logged,
 * as the stock provider does.
 */
export function listenForLockNotices(provider: WebsocketProvider, onLocked: (ids: string[]) => void): () => void {
  const previous = provider.messageHandlers[MessageType.Auth];
  provider.messageHandlers[MessageType.Auth] = (encoder, decoder, p, emitSynced, messageType) => {
    const at = decoder.pos;
    if (decoding.readVarUint(decoder) === AuthMessage.PermissionDenied) {
      const ids = LockedNotice.parse(decoding.readVarString(decoder));
      if (ids) return onLocked(ids);
    }
    decoder.pos = at;
    previous?.(encoder, decoder, p, emitSynced, messageType);
  };
  return () => {
    if (previous) provider.messageHandlers[MessageType.Auth] = previous;
  };
}

/**
 * For a session that may not change locked records (not an owner): the participant's own edits
 * of a locked shape are stopped in the editor before they reach the document, with `onLocked`
 * told, so the server rarely has to put anything back. Remote changes pass untouched.
 */
export function guardLockedShapes(editor: Editor, isLocked: (id: string) => boolean, onLocked: (ids: string[]) => void): () => void {
  const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !isLocked(prev.id) || isLockedFrameGrowth(prev, next)) return next;
    onLocked([prev.id]);
    return prev;
  });
  const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || !isLocked(shape.id)) return;
    onLocked([shape.id]);
    return false;
  });
  return () => {
    offChange();
    offDelete();
  };
}

/** Lock or unlock shapes (an owner's session; the server refuses anyone else's lock changes). */
export function lockShapes(doc: Y.Doc, ids: readonly TLShapeId[], locked: boolean): void {
  setLocked(doc, ids, locked);
}
