/** Citizens voting through the HTTP API, as browsers do: the poll and a signed cookie first, then the vote. */

export interface Voter {
  cookie: string;
  pollId: string;
  unitId: string;
  headers?: Record<string, string>;
}

export interface Poll {
  id: string;
  options: { unitId: string; votes: number }[];
}

export const totalVotes = (poll: Poll) => poll.options.reduce((sum, option) => sum + option.votes, 0);

export async function currentPoll(url: string): Promise<Poll> {
  return (await (await fetch(`${url}/api/polls/current`, { signal: AbortSignal.timeout(15_000) })).json()) as Poll;
}

/** A new browser: fetches the current poll, keeps the cookies it was given, picks an option by `index`. */
export async function newVoter(url: string, index: number, headers: Record<string, string> = {}): Promise<Voter> {
  const response = await fetch(`${url}/api/polls/current`, { headers, signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`GET /api/polls/current answered ${response.status}`);
  const poll = (await response.json()) as Poll;
  const cookie = response.headers
    .getSetCookie()
    .map((each) => each.split(';')[0]!)
    .join('; ');
  return { cookie, pollId: poll.id, unitId: poll.options[index % poll.options.length]!.unitId, headers };
}

/** One vote; rejects when no answer came (connection refused or reset, or no answer within `timeoutMs`). */
export async function castVote(url: string, voter: Voter, timeoutMs = 15_000): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/api/polls/${voter.pollId}/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: voter.cookie, ...voter.headers },
    body: JSON.stringify({ unitId: voter.unitId }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.text() };
}

/** Runs `work` over `items`, `width` at a time. */
export async function inPool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const percentile = (values: readonly number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
};
