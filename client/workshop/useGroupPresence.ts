import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Paths, participantOf } from '../../shared/protocol/index.ts';

/** Someone on a group's board who can be followed: tldraw's presence user id, name and role. */
export interface PresentPerson {
  userId: string;
  name: string;
  role: string;
}

interface AwarenessState {
  user?: { name?: unknown; role?: unknown };
  presence?: { userId?: unknown } | null;
}

/** The people on a board who publish a presence, from awareness states, sorted by name. */
export function presentPeople(states: Iterable<AwarenessState>): PresentPerson[] {
  const seen = new Map<string, PresentPerson>();
  for (const st of states) {
    const userId = st.presence?.userId;
    const user = participantOf(st);
    if (typeof userId !== 'string' || !user) continue;
    seen.set(userId, { userId, name: user.name, role: user.role });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

/**
 * Who is on a group's board now, with their tldraw user ids (the overview gives names only),
 * so the facilitator can choose whose view everyone follows. The facilitator watches without
 * appearing: their own awareness state is cleared.
 */
export function useGroupPresence(boardId: string | null, token: string): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    setPeople([]);
    if (!boardId) return;
    const doc = new Y.Doc();
    const serverUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${Paths.ws}`;
    const provider = new WebsocketProvider(serverUrl, boardId, doc, { params: { token }, disableBc: true, maxBackoffTime: 5000 });
    provider.awareness.setLocalState(null);
    const update = () => setPeople(presentPeople(provider.awareness.getStates().values() as Iterable<AwarenessState>));
    provider.awareness.on('change', update);
    update();
    return () => {
      provider.awareness.off('change', update);
      provider.destroy();
      doc.destroy();
    };
  }, [boardId, token]);
  return people;
}
