import {
  InstancePresenceRecordType,
  createPresenceStateDerivation,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type { ParticipantUser as SharedParticipantUser } from '../../shared/protocol/index.ts';

/** Who a participant is, as carried in awareness (`user`): the contract's one schema. */
export type ParticipantUser = Required<Pick<SharedParticipantUser, 'id'>> & Omit<SharedParticipantUser, 'id'>;

/** A participant's awareness state: `{ user, presence }`. */
export interface ParticipantState {
  user?: ParticipantUser;
  presence?: TLInstancePresence | null;
}

/** Tell the others who we are (name, role, colour); a change shows in their panel at once. */
export function publishParticipant(awareness: Awareness, user: ParticipantUser): void {
  const now = (awareness.getLocalState() as ParticipantState | null)?.user;
  if (now && now.id === user.id && now.name === user.name && now.role === user.role && now.color === user.color) return;
  awareness.setLocalStateField('user', user);
}

/**
 * Publish our tldraw presence (cursor, selection, camera) into awareness, and mirror the
 * other participants' presence into the store as remote changes, so tldraw draws their
 * cursors and can follow them. Returns a function that stops both.
 */
export function syncPresence(opts: { store: TLStore; awareness: Awareness; $user: Signal<TLUser | null>; user: ParticipantUser }): () => void {
  const { store, awareness } = opts;
  publishParticipant(awareness, opts.user);
  const $presence = createPresenceStateDerivation(opts.$user)(store);
  let frame = 0;
  const stopReact = react('publish presence', () => {
    const presence = $presence.get();
    cancelAnimationFrame(frame);
    // One awareness update per frame at most, however fast the cursor moves.
    frame = requestAnimationFrame(() => awareness.setLocalStateField('presence', presence));
  });

  const presenceIdOf = new Map<number, TLInstancePresence['id']>();
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates() as Map<number, ParticipantState>;
    const put: TLInstancePresence[] = [];
    const remove: TLInstancePresence['id'][] = [];
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const p = states.get(clientId)?.presence;
      if (p && typeof p === 'object' && typeof p.id === 'string') {
        const id = InstancePresenceRecordType.createId(String(clientId));
        presenceIdOf.set(clientId, id);
        put.push({ ...p, id });
      }
    }
    for (const clientId of removed) {
      const id = presenceIdOf.get(clientId);
      if (id) remove.push(id);
      presenceIdOf.delete(clientId);
    }
    if (put.length === 0 && remove.length === 0) return;
    store.mergeRemoteChanges(() => {
      if (remove.length) store.remove(remove.filter((id) => store.has(id)));
      if (put.length) {
        try {
          store.put(put);
        } catch (err) {
          // A malformed presence from another client must not break our board.
          console.warn('ignored invalid presence', err);
        }
      }
    });
  };
  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });

  return () => {
    stopReact();
    cancelAnimationFrame(frame);
    awareness.off('change', onChange);
    awareness.setLocalStateField('presence', null);
    store.mergeRemoteChanges(() => store.remove([...presenceIdOf.values()].filter((id) => store.has(id))));
  };
}
