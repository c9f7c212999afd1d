import { chinaClock, chinaDateTime } from '../../common/china-time';

/** "12月3日（星期三）15:00–17:00" in China time, whatever the reader's own time zone. */
export function sessionTime(startsAt: string, endsAt: string): string {
  return `${chinaDateTime(new Date(startsAt))}–${chinaClock(new Date(endsAt))}`;
}

/** Whole-number percentages of the total (0 for every option while nobody has voted). */
export function sharesOf(votes: number[]): number[] {
  const total = votes.reduce((sum, count) => sum + count, 0);
  return votes.map((count) => (total === 0 ? 0 : Math.round((count * 100) / total)));
}

/** The counts of a live tally laid over the options shown, in the order shown; unknown options are ignored. */
export function withTally<Option extends { unitId: string; votes: number }>(
  options: Option[],
  tally: { unitId: string; votes: number }[],
): Option[] {
  const votesOf = new Map(tally.map((entry) => [entry.unitId, entry.votes]));
  return options.map((option) => ({ ...option, votes: votesOf.get(option.unitId) ?? option.votes }));
}

/** A tally pushed over socket.io, read leniently: it comes from the network. */
export function readTally(payload: unknown): { pollId: string; options: { unitId: string; votes: number }[] } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { pollId, options } = payload as { pollId?: unknown; options?: unknown };
  if (typeof pollId !== 'string' || !Array.isArray(options)) return undefined;
  const entries = options.flatMap((option: unknown) => {
    const { unitId, votes } = (typeof option === 'object' && option !== null ? option : {}) as { unitId?: unknown; votes?: unknown };
    return typeof unitId === 'string' && typeof votes === 'number' && Number.isFinite(votes) ? [{ unitId, votes }] : [];
  });
  return { pollId, options: entries };
}

/** Counts the characters people see (a Chinese character or an emoji is one), as the server does. */
export const characterCount = (text: string) => [...text.trim()].length;
