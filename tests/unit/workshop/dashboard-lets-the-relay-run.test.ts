import { describe, expect, it } from 'vitest';
import { WorkshopOverview, type GroupPicture, type WorkshopPresence } from '../../../server/workshops/overview.ts';
import type { BoardDocuments } from '../../../server/boards/BoardDocuments.ts';
import type { WorkshopRow } from '../../../server/storage/index.ts';

// Issue 15's relay target under a dashboard: the whole picture draws every group's thumbnail,
// and drawing forty in one go (all on resolved promises, never leaving the microtask queue) held
// every board's messages for ~400 ms when a facilitator opened the dashboard (bench:workshop,
// server event loop max 444 ms). Between two thumbnails, socket work must get its turn.
describe('the dashboard lets the relay run between thumbnails', () => {
  const workshop: WorkshopRow = {
    id: 'w1', title: '研修', template: 'exercise-1', joinCode: 'ABC', joinOpen: true, createdAt: new Date(0),
    groups: [0, 1, 2, 3].map((i) => ({ index: i, name: `G${i}`, boardId: `b${i}` })),
  };
  const documents = {
    presenceElsewhere: async () => new Map(),
    sessionTokens: () => new Set<string>(),
    participants: () => [],
    liveMarks: () => undefined,
  } as unknown as BoardDocuments;
  const storage = { listMembers: async () => [] } as unknown as ConstructorParameters<typeof WorkshopOverview>[0]['storage'];

  it('gives queued macrotasks (socket reads) a turn between two groups of the whole picture', async () => {
    const overview = new WorkshopOverview({ storage, documents });
    const order: string[] = [];
    // Drawing is synchronous work on already-loaded documents: a resolved promise per group.
    overview.picture = async (g: WorkshopRow['groups'][number], _p: WorkshopPresence): Promise<GroupPicture> => {
      order.push(`draw ${g.index}`);
      // A socket's data arriving while this group is drawn: a macrotask, as I/O callbacks are.
      setImmediate(() => order.push(`socket after ${g.index}`));
      return { ...g, participants: [], lastActivity: null, shapeCount: 0, svg: '' };
    };
    const groups = await overview.groups(workshop);
    expect(groups).toHaveLength(4);
    expect(order).toEqual(['draw 0', 'socket after 0', 'draw 1', 'socket after 1', 'draw 2', 'socket after 2', 'draw 3', 'socket after 3']);
  });
});
