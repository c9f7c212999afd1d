import type { PollTally } from '../../hotline';

/**
 * Pushes a poll's tally after votes. Concurrent votes are coalesced: while one tally is being read, later
 * votes only mark it stale, and it is read again afterwards. The last tally sent is therefore always read
 * after the last vote was stored, whatever order the database answers in.
 */
export function createTallyBroadcaster(
  readTally: (pollId: string) => Promise<PollTally>,
  send: (tally: PollTally) => void,
  onError: (error: unknown) => void,
) {
  const state = new Map<string, { running: boolean; stale: boolean }>();

  const run = async (pollId: string, entry: { running: boolean; stale: boolean }) => {
    entry.running = true;
    try {
      do {
        entry.stale = false;
        send(await readTally(pollId));
      } while (entry.stale);
    } catch (error) {
      onError(error);
    } finally {
      entry.running = false;
    }
  };

  return {
    notify(pollId: string): void {
      let entry = state.get(pollId);
      if (!entry) state.set(pollId, (entry = { running: false, stale: false }));
      if (entry.running) {
        entry.stale = true;
        return;
      }
      void run(pollId, entry);
    },
  };
}
