import type { PollsRepository } from '../../storage';

export interface TallyCount {
  unitId: string;
  votes: number;
}

/**
 * The tally every vote answers with and the live broadcast sends, without a `count … group by` per vote.
 * The database stays the record: its UNIQUE (poll_id, voter_id) index decides which votes count, and a tally
 * here only ever counts inserts the database reported as stored. Two versions:
 * - one process (`createCountedTallies`): the database's count once per poll, then this process's own
 *   stored votes, counted in memory; checked against the database again when no vote is being stored.
 * - several processes (`createRecountedTallies`): each process sees only its own inserts, so the tally is
 *   the database's count, read once for all the callers waiting at that moment.
 */
export interface LiveTallies {
  /** Stores a vote with `insert`, which resolves true when the database stored it, and counts it. */
  record(pollId: string, unitId: string, insert: () => Promise<boolean>): Promise<boolean>;
  /** The poll's tally, every vote stored before this call included; most votes first. */
  read(pollId: string): Promise<TallyCount[]>;
}

type TallySource = Pick<PollsRepository, 'tally'>;

const ordered = (counts: Map<string, number>): TallyCount[] =>
  [...counts]
    .map(([unitId, votes]) => ({ unitId, votes }))
    // The database's order (polls-repository tally): most votes first, then by unit id.
    .sort((left, right) => right.votes - left.votes || (left.unitId < right.unitId ? -1 : left.unitId > right.unitId ? 1 : 0));

/** One process writes the votes: the database's count once per poll, then counted in memory. */
export function createCountedTallies(
  deps: TallySource & {
    /** How often the memory count is checked against the database (when no vote is being stored). */
    reconcileEveryMs?: number;
    onReconcileError?: (error: unknown) => void;
    nowMs?: () => number;
  },
): LiveTallies & { reconcile(pollId: string): Promise<void> } {
  const reconcileEveryMs = deps.reconcileEveryMs ?? 10_000;
  const nowMs = deps.nowMs ?? Date.now;
  interface Entry {
    counts?: Map<string, number>;
    seeding?: Promise<void>;
    /** Inserts of this process under way: their rows may be in the database and not yet in `counts`. */
    inFlight: number;
    /** Votes counted since the poll was seeded (a reconciliation that saw it change is thrown away). */
    changes: number;
    reconciledAt: number;
  }
  const entries = new Map<string, Entry>();

  const seeded = async (pollId: string): Promise<Entry & { counts: Map<string, number> }> => {
    let entry = entries.get(pollId);
    if (!entry) entries.set(pollId, (entry = { inFlight: 0, changes: 0, reconciledAt: 0 }));
    // Until the first count is in, this process stores no vote of the poll, so that count misses none and
    // doubles none.
    while (!entry.counts) {
      const seeding = (entry.seeding ??= deps
        .tally(pollId)
        .then((rows) => {
          entry.counts = new Map(rows.map((row) => [row.unitId, row.votes]));
          entry.reconciledAt = nowMs();
        })
        .finally(() => (entry.seeding = undefined)));
      await seeding;
    }
    return entry as Entry & { counts: Map<string, number> };
  };

  const reconcile = async (pollId: string): Promise<void> => {
    const entry = entries.get(pollId);
    if (!entry?.counts || entry.inFlight > 0) return;
    const changes = entry.changes;
    entry.reconciledAt = nowMs();
    const rows = await deps.tally(pollId);
    // Only a count taken while this process stored nothing is comparable with the memory count.
    if (entry.inFlight > 0 || entry.changes !== changes) return;
    entry.counts = new Map(rows.map((row) => [row.unitId, row.votes]));
  };

  return {
    async record(pollId, unitId, insert) {
      const entry = await seeded(pollId);
      entry.inFlight += 1;
      try {
        const stored = await insert();
        if (stored) {
          entry.counts.set(unitId, (entry.counts.get(unitId) ?? 0) + 1);
          entry.changes += 1;
        }
        return stored;
      } finally {
        entry.inFlight -= 1;
      }
    },

    async read(pollId) {
      const entry = await seeded(pollId);
      // Another writer (the CLI on the same PostgreSQL, a repair by hand) shows up at the next quiet moment.
      if (entry.inFlight === 0 && nowMs() - entry.reconciledAt >= reconcileEveryMs) {
        reconcile(pollId).catch(deps.onReconcileError ?? (() => undefined));
      }
      return ordered(entry.counts);
    },

    reconcile,
  };
}

/**
 * Several processes write the votes: the tally is the database's count. A read waits for a count that
 * starts after it was asked for (so it includes the caller's own vote); everyone asking while one count is
 * running shares the next one, so a burst of votes costs a few counts, not one each.
 */
export function createRecountedTallies(deps: TallySource): LiveTallies {
  const counters = new Map<string, () => Promise<TallyCount[]>>();
  const freshCount = (pollId: string) => {
    let counter = counters.get(pollId);
    if (!counter) {
      counter = sharedFreshReads(async () => (await deps.tally(pollId)).map(({ unitId, votes }) => ({ unitId, votes })));
      counters.set(pollId, counter);
    }
    return counter();
  };
  return {
    record: (_pollId, _unitId, insert) => insert(),
    read: freshCount,
  };
}

/** Calls `load` for a caller only if no call started after the caller asked; callers share a pending call. */
export function sharedFreshReads<T>(load: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = () => {
    const started = load().finally(() => {
      if (running === started) running = undefined;
    });
    running = started;
    return started;
  };
  return () => {
    if (!running) return start();
    // The running count may have started before the caller's vote was stored: wait for the next one.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
