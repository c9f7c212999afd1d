import type { PollTally } from '../../hotline';

/**
 * Pushes a poll's tally after votes. Concurrent votes are coalesced: while one tally is being read or sent,
 * later votes only mark it stale, and it is read again afterwards, at most once per `intervalMs` (a burst of
 * a thousand votes a second makes ten broadcasts, not a thousand). The last tally sent is therefore always
 * read after the last vote was stored, whatever order the database answers in.
 */
export function createTallyBroadcaster(
  readTally: (pollId: string) => Promise<PollTally>,
  send: (tally: PollTally) => void,
  onError: (error: unknown) => void,
  intervalMs = 100,
) {
  const state = new Map<string, { running: boolean; stale: boolean }>();
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, intervalMs).unref());

  const run = async (pollId: string, entry: { running: boolean; stale: boolean }) => {
    entry.running = true;
    try {
      do {
        entry.stale = false;
        send(await readTally(pollId));
        // Votes arriving during the pause mark the entry stale and are sent together after it.
        if (intervalMs > 0) await pause();
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
