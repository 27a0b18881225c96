import { createHash, randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import { isStoredRecord, recordsMap, type DocKind } from '../../shared/doc/index.ts';
import type { MyBallots, StartVoteRequest } from '../../shared/protocol/index.ts';
import { plainTextOf } from '../../shared/records/index.ts';
import { ballotKey, ballotsOfVoter, decideBallot, reactionKey, readVote, VOTABLE_TYPES, voteOpen, writeVote, type BallotRefusal, type ReactionKind, type VoteConfig } from '../../shared/workshop/index.ts';
import type { Clock } from '../relay/Clock.ts';
import type { MemberRow, WorkshopRow } from '../storage/index.ts';
import { memberIdOf } from './WorkshopService.ts';

/** Expected outcomes of casting a vote, as values. */
export type BallotResult = { ok: true; value: MyBallots } | { ok: false; reason: BallotRefusal | 'no-such-item' };

/** What the vote service needs: a board's document to read, the state document to change. */
export interface VoteServiceOptions {
  documents: {
    read<T>(boardId: string, use: (doc: Y.Doc) => T): Promise<T>;
    edit(boardId: string, edit: (doc: Y.Doc) => void, kind?: DocKind): Promise<boolean>;
  };
  clock: Clock;
}

/**
 * Dot voting in a workshop (issue 15, SPEC W1). The vote and every ballot live in the
 * workshop's state document, written only by the server (members cannot write it), so every
 * dashboard and board sees results live. A member's ballots occupy fixed slots 0…perPerson−1,
 * checked and written in one server edit: a vote beyond the allowance cannot be stored, and
 * two instances racing for one slot overwrite each other instead of adding a vote.
 */
export class VoteService {
  constructor(private readonly opts: VoteServiceOptions) {}

  /** Start a vote on some groups or all (it replaces the current one; earlier ballots stay for the record). */
  async start(w: WorkshopRow, input: StartVoteRequest): Promise<VoteConfig> {
    const now = this.opts.clock.now();
    const vote: VoteConfig = {
      id: randomBytes(9).toString('base64url'),
      question: input.question,
      perPerson: input.perPerson,
      onePerItem: input.onePerItem,
      anonymous: input.anonymous,
      groups: input.groups ? [...new Set(input.groups)].filter((g) => w.groups.some((x) => x.index === g)) : null,
      startedAt: now,
      endsAt: input.durationMs ? now + input.durationMs : null,
      closedAt: null,
    };
    await this.opts.documents.edit(w.id, (doc) => writeVote(doc, vote), 'workshop');
    return vote;
  }

  /** Close the current vote now; its results stay. Undefined when there is none open. */
  async close(w: WorkshopRow): Promise<VoteConfig | undefined> {
    let closed: VoteConfig | undefined;
    await this.opts.documents.edit(
      w.id,
      (doc) => {
        const vote = readVote(doc);
        if (!vote || vote.closedAt !== null) return;
        closed = { ...vote, closedAt: this.opts.clock.now() };
        writeVote(doc, closed);
      },
      'workshop',
    );
    return closed;
  }

  /** One vote of a member for a note or card of their group's board. */
  async cast(w: WorkshopRow, member: MemberRow, target: string): Promise<BallotResult> {
    const group = w.groups.find((g) => g.boardId === member.boardId);
    if (!group) return { ok: false, reason: 'not-your-group' };
    const label = await this.opts.documents.read(group.boardId, (doc) => votableLabel(doc, target));
    if (label === undefined) return { ok: false, reason: 'no-such-item' };
    const memberId = memberIdOf(member.tokenHash);
    let result: BallotResult = { ok: false, reason: 'closed' };
    await this.opts.documents.edit(
      w.id,
      (doc) => {
        const vote = readVote(doc);
        if (!vote) return;
        const voter = voterOf(vote, memberId);
        const mine = ballotsOfVoter(doc, vote.id, voter);
        const decided = decideBallot({ vote, now: this.opts.clock.now(), group: group.index, mine, target });
        if (!decided.ok) {
          result = { ok: false, reason: decided.reason };
          return;
        }
        doc.getMap<unknown>('workshop').set(ballotKey(vote.id, voter, decided.slot), {
          vote: vote.id,
          group: group.index,
          target,
          label,
          voter,
          ...(vote.anonymous ? {} : { name: member.name, role: member.role }),
          at: this.opts.clock.now(),
        });
        const targets = [...mine.map((m) => m.target), target];
        result = { ok: true, value: { vote: vote.id, targets, remaining: vote.perPerson - targets.length, me: memberId } };
      },
      'workshop',
    );
    return result;
  }

  /**
   * A member's reaction on a note or card of their group's board, on or off (SPEC W3): one per
   * kind, shape and member, written by the server into the state document.
   */
  async react(w: WorkshopRow, member: MemberRow, input: { target: string; kind: ReactionKind; on: boolean }): Promise<{ ok: true; value: { voter: string; on: boolean } } | { ok: false; reason: 'no-such-item' }> {
    const group = w.groups.find((g) => g.boardId === member.boardId);
    const exists = group ? await this.opts.documents.read(group.boardId, (doc) => votableLabel(doc, input.target) !== undefined) : false;
    if (!group || !exists) return { ok: false, reason: 'no-such-item' };
    const voter = memberIdOf(member.tokenHash);
    const key = reactionKey(group.index, input.target, voter, input.kind);
    await this.opts.documents.edit(
      w.id,
      (doc) => {
        const map = doc.getMap<unknown>('workshop');
        if (input.on) map.set(key, true);
        else if (map.has(key)) map.delete(key);
      },
      'workshop',
    );
    return { ok: true, value: { voter, on: input.on } };
  }

  /** A member's votes in the current vote. */
  async mine(w: WorkshopRow, member: MemberRow): Promise<MyBallots> {
    const me = memberIdOf(member.tokenHash);
    return this.opts.documents.read(w.id, (doc) => {
      const vote = readVote(doc);
      if (!vote) return { vote: null, targets: [], remaining: 0, me };
      const mine = ballotsOfVoter(doc, vote.id, voterOf(vote, me));
      return { vote: vote.id, targets: mine.map((m) => m.target), remaining: voteOpen(vote, this.opts.clock.now()) ? vote.perPerson - mine.length : 0, me };
    });
  }
}

/** The text of a note or card one can vote for or react to, or undefined when `target` is none. */
function votableLabel(doc: Y.Doc, target: string): string | undefined {
  const r = recordsMap(doc).get(target);
  if (!isStoredRecord(r) || r.typeName !== 'shape' || typeof r.type !== 'string' || !VOTABLE_TYPES.has(r.type)) return undefined;
  const props = (r.props ?? {}) as Record<string, unknown>;
  return plainTextOf(props.richText ?? props.text ?? props.need ?? props.service ?? props.name ?? '').slice(0, 80);
}

/** Who a ballot names: the member's id, or for an anonymous vote a hash of it the vote alone knows. */
function voterOf(vote: VoteConfig, memberId: string): string {
  if (!vote.anonymous) return memberId;
  return createHash('sha256').update(`renkei-vote\0${vote.id}\0${memberId}`).digest('base64url').slice(0, 16);
}
