import { createCountedTallies, createRecountedTallies, sharedFreshReads } from './live-tallies';

/** A votes table in memory: `insert` stores after a turn of the event loop, as a database answers later. */
function votesTable() {
  const rows: { voterId: string; unitId: string }[] = [];
  let counts = 0;
  return {
    rows,
    counts: () => counts,
    tally: async () => {
      counts += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return ['a', 'b'].map((unitId) => ({ unitId, unitName: unitId, votes: rows.filter((row) => row.unitId === unitId).length }));
    },
    insert: (voterId: string, unitId: string) => async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (rows.some((row) => row.voterId === voterId)) return false;
      rows.push({ voterId, unitId });
      return true;
    },
  };
}

describe('live tallies (hotline/polls/live-tallies.ts)', () => {
  it('one process: counts once from the database, then its stored votes only, exactly, under concurrent votes', async () => {
    const table = votesTable();
    table.rows.push({ voterId: 'earlier', unitId: 'b' });
    const tallies = createCountedTallies({ tally: table.tally });
    const voters = Array.from({ length: 40 }, (_, index) => `v${index % 30}`);
    const stored = await Promise.all(
      voters.map((voterId, index) =>
        tallies.record('poll', index % 3 === 0 ? 'a' : 'b', table.insert(voterId, index % 3 === 0 ? 'a' : 'b')),
      ),
    );
    expect(stored.filter(Boolean)).toHaveLength(30);
    const tally = await tallies.read('poll');
    expect(tally.reduce((sum, option) => sum + option.votes, 0)).toBe(table.rows.length);
    expect(tally).toEqual([
      { unitId: 'b', votes: table.rows.filter((row) => row.unitId === 'b').length },
      { unitId: 'a', votes: table.rows.filter((row) => row.unitId === 'a').length },
    ]);
    // One count from the database for all of them.
    expect(table.counts()).toBe(1);
  });

  it('one process: a vote stored by someone else shows at the next quiet check; a check during a vote is thrown away', async () => {
    const table = votesTable();
    let time = 0;
    const tallies = createCountedTallies({ tally: table.tally, reconcileEveryMs: 1000, nowMs: () => time });
    await tallies.record('poll', 'a', table.insert('v1', 'a'));
    table.rows.push({ voterId: 'by-hand', unitId: 'b' });
    // While a vote is being stored, a check cannot tell its row from the other writer's.
    const voting = tallies.record('poll', 'a', table.insert('v2', 'a'));
    await tallies.reconcile('poll');
    await voting;
    expect(await tallies.read('poll')).toEqual([
      { unitId: 'a', votes: 2 },
      { unitId: 'b', votes: 0 },
    ]);
    time = 1000;
    await tallies.read('poll');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await tallies.read('poll')).toEqual([
      { unitId: 'a', votes: 2 },
      { unitId: 'b', votes: 1 },
    ]);
  });

  it('several processes: the database counts, once for all who ask together, and always after they asked', async () => {
    const table = votesTable();
    const tallies = createRecountedTallies({ tally: table.tally });
    await tallies.record('poll', 'a', table.insert('v1', 'a'));
    table.rows.push({ voterId: 'other-process', unitId: 'b' });
    const reads = await Promise.all(Array.from({ length: 10 }, () => tallies.read('poll')));
    for (const tally of reads) expect(tally.reduce((sum, option) => sum + option.votes, 0)).toBe(2);
    expect(table.counts()).toBeLessThanOrEqual(2);
  });

  it('a fresh read never returns a load that started before it was asked for', async () => {
    let loads = 0;
    const read = sharedFreshReads(async () => {
      const started = ++loads;
      await new Promise((resolve) => setImmediate(resolve));
      return started;
    });
    const first = read();
    const second = read();
    const third = read();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });
});
