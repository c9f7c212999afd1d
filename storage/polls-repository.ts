import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from './database';
import { pollOptions, polls, units, votes } from './schema';
import type { Poll, NewPoll, NewVote } from './domain-types';

export interface TallyOption {
  unitId: string;
  unitName: string;
  votes: number;
}

export function createPollsRepository(db: Database) {
  return {
    async create(poll: NewPoll, unitIds: string[]): Promise<Poll> {
      return db.transaction(async (transaction) => {
        const [created] = await transaction.insert(polls).values(poll).returning();
        if (unitIds.length > 0) {
          await transaction.insert(pollOptions).values(unitIds.map((unitId) => ({ pollId: poll.id, unitId })));
        }
        return created!;
      });
    },
    /** Creates the poll with its options unless a poll with that id exists; true when it was created. */
    async insertMissing(poll: NewPoll, unitIds: string[]): Promise<boolean> {
      const inserted = await db.insert(polls).values(poll).onConflictDoNothing().returning({ id: polls.id });
      if (inserted.length === 0) return false;
      if (unitIds.length > 0) {
        await db
          .insert(pollOptions)
          .values(unitIds.map((unitId) => ({ pollId: poll.id, unitId })))
          .onConflictDoNothing();
      }
      return true;
    },
    async get(id: string): Promise<Poll | undefined> {
      const [row] = await db.select().from(polls).where(eq(polls.id, id));
      return row;
    },
    /** The open poll whose window contains `now`; the one closing soonest when several are open. */
    async findCurrent(now: Date): Promise<Poll | undefined> {
      const [row] = await db
        .select()
        .from(polls)
        .where(and(eq(polls.status, 'open'), lte(polls.opensAt, now), gt(polls.closesAt, now)))
        .orderBy(asc(polls.closesAt))
        .limit(1);
      return row;
    },
    /** Every poll, the latest to open first (the admin panel's list). */
    async list(): Promise<Poll[]> {
      return db.select().from(polls).orderBy(desc(polls.opensAt), asc(polls.id));
    },
    /** The poll that opened last, whatever its status (下期建议 after a poll closed). */
    async latest(): Promise<Poll | undefined> {
      const [row] = await db
        .select()
        .from(polls)
        .where(sql`${polls.status} <> 'draft'`)
        .orderBy(desc(polls.opensAt))
        .limit(1);
      return row;
    },
    async optionUnitIds(pollId: string): Promise<string[]> {
      const rows = await db
        .select({ unitId: pollOptions.unitId })
        .from(pollOptions)
        .where(eq(pollOptions.pollId, pollId))
        .orderBy(asc(pollOptions.unitId));
      return rows.map((row) => row.unitId);
    },
    /**
     * Records a vote. The UNIQUE (poll_id, voter_id) index decides, so two concurrent first votes
     * of one voter cannot both count. Returns false when the voter had already voted.
     */
    async castVote(vote: NewVote): Promise<boolean> {
      const inserted = await db.insert(votes).values(vote).onConflictDoNothing().returning({ id: votes.id });
      return inserted.length > 0;
    },
    /**
     * Records several votes in one statement (one round trip and one commit for a burst of votes); the same
     * UNIQUE index decides each. Returns, per vote in order, whether it was stored. A voter twice in the
     * list is decided by the first occurrence; the later ones are never stored.
     */
    async castVotes(list: NewVote[]): Promise<boolean[]> {
      const keyOf = (vote: Pick<NewVote, 'pollId' | 'voterId'>) => `${vote.pollId}\u0000${vote.voterId}`;
      const firstIndex = new Map<string, number>();
      list.forEach((vote, index) => {
        if (!firstIndex.has(keyOf(vote))) firstIndex.set(keyOf(vote), index);
      });
      const distinct = [...firstIndex.values()].map((index) => list[index]!);
      if (distinct.length === 0) return [];
      const inserted = await db
        .insert(votes)
        .values(distinct)
        .onConflictDoNothing()
        .returning({ pollId: votes.pollId, voterId: votes.voterId });
      const stored = new Set(inserted.map(keyOf));
      return list.map((vote, index) => firstIndex.get(keyOf(vote)) === index && stored.has(keyOf(vote)));
    },
    async tally(pollId: string): Promise<TallyOption[]> {
      const rows = await db
        .select({
          unitId: pollOptions.unitId,
          unitName: units.name,
          votes: sql<number>`cast(count(${votes.id}) as int)`,
        })
        .from(pollOptions)
        .innerJoin(units, eq(units.id, pollOptions.unitId))
        .leftJoin(votes, and(eq(votes.pollId, pollOptions.pollId), eq(votes.unitId, pollOptions.unitId)))
        .where(eq(pollOptions.pollId, pollId))
        .groupBy(pollOptions.unitId, units.name)
        .orderBy(desc(sql`count(${votes.id})`), asc(pollOptions.unitId));
      return rows.map((row) => ({ ...row, votes: Number(row.votes) }));
    },
    async setStatus(id: string, status: Poll['status']): Promise<Poll | undefined> {
      const [row] = await db.update(polls).set({ status }).where(eq(polls.id, id)).returning();
      return row;
    },
  };
}

export type PollsRepository = ReturnType<typeof createPollsRepository>;
