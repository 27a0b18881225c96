import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readBallots, readVote, workshopMap, type Ballot, type VoteConfig } from '../../shared/workshop/index.ts';

/** The current vote and its ballots, live from the workshop's state document (SPEC W1). */
export function useVote(doc: Y.Doc | undefined): { vote: VoteConfig | null; ballots: Ballot[] } {
  const [value, setValue] = useState<{ vote: VoteConfig | null; ballots: Ballot[] }>({ vote: null, ballots: [] });
  useEffect(() => {
    if (!doc) return;
    const read = () => {
      const vote = readVote(doc);
      setValue({ vote, ballots: vote ? readBallots(doc, vote.id) : [] });
    };
    read();
    const map = workshopMap(doc);
    const onChange = (e: Y.YMapEvent<unknown>) => {
      for (const k of e.keysChanged) if (k === 'vote' || k.startsWith('ballot:')) return read();
    };
    map.observe(onChange);
    return () => map.unobserve(onChange);
  }, [doc]);
  return value;
}
