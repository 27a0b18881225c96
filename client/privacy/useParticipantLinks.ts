import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { ParticipantLinks } from '../../shared/protocol/index.ts';
import { privacyApi } from './privacyApi.ts';

/** Asked again at most this often while people come and go. */
const REFRESH_MS = 1500;

/**
 * The personal-link names of the board's participants, by awareness client id (issue 17), asked
 * from the server when someone joins or leaves (not on every cursor move).
 */
export function useParticipantLinks(awareness: Awareness, boardId: string | undefined, token: string | undefined): ParticipantLinks {
  const [names, setNames] = useState<ParticipantLinks>({});
  useEffect(() => {
    if (!boardId || !token) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      timer = undefined;
      void privacyApi.participantLinks(boardId, token).then((r) => live && r.ok && setNames(r.value));
    };
    const onChange = ({ added, removed }: { added: number[]; removed: number[] }) => {
      if (added.length + removed.length === 0 || timer) return;
      timer = setTimeout(ask, REFRESH_MS);
    };
    ask();
    awareness.on('change', onChange);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      awareness.off('change', onChange);
    };
  }, [awareness, boardId, token]);
  return names;
}
