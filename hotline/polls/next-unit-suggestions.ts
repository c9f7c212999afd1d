import { notFound } from '../../common';
import type { Appeal, Poll, PollsRepository, Unit } from '../../storage';
import { defaultRankingWeights, rankNextUnits, type CandidateFigures, type RankingWeights } from './next-unit-ranking';

const dayInMilliseconds = 86_400_000;

export interface NextUnitSuggestionDependencies {
  polls: Pick<PollsRepository, 'get' | 'findCurrent' | 'latest' | 'tally'>;
  units: { list(): Promise<Unit[]> };
  /** The unit's hot topics in a period, as the console's 高频诉求 shows them (the same numbers). */
  hotTopics: (unitId: string, period: { from: Date; to: Date }) => Promise<{ count: number; appeals: { id: string }[] }[]>;
  appeals: { getMany(ids: string[]): Promise<Pick<Appeal, 'id' | 'status'>[]> };
  now?: () => Date;
  /** The length of the recent period (and of the one before it it is compared with). Default 30 days (the console's 近一个月). */
  periodDays?: number;
  weights?: RankingWeights;
  /** How long a unit's appeal figures are reused (votes are never cached). Default 5 minutes. */
  pressureLifetimeMs?: number;
}

type Pressure = Pick<CandidateFigures, 'recentAppeals' | 'previousAppeals' | 'unresolvedAppeals'>;

/**
 * 下期建议 for a poll (the current one, else the latest): its candidates ranked by vote share and by the
 * pressure of appeals within each unit's duties, read from the same hot topics the console shows.
 */
export function createNextUnitSuggestions(deps: NextUnitSuggestionDependencies) {
  const now = deps.now ?? (() => new Date());
  const periodDays = deps.periodDays ?? 30;
  const pressureLifetimeMs = deps.pressureLifetimeMs ?? 5 * 60_000;
  // Appeal pressure changes slowly and costs two hot-topic runs per unit; votes are always read fresh.
  const pressureCache = new Map<string, { at: number; value: Promise<Pressure> }>();
  const weights = deps.weights ?? defaultRankingWeights;

  const pollFor = async (pollId: string | undefined): Promise<Poll | undefined> => {
    if (pollId) {
      const poll = await deps.polls.get(pollId);
      if (!poll) throw notFound('这一期投票');
      return poll;
    }
    return (await deps.polls.findCurrent(now())) ?? (await deps.polls.latest());
  };

  const measure = async (unitId: string, period: { from: Date; to: Date }, previous: { from: Date; to: Date }): Promise<Pressure> => {
    const [recentTopics, previousTopics] = await Promise.all([deps.hotTopics(unitId, period), deps.hotTopics(unitId, previous)]);
    const recentIds = [...new Set(recentTopics.flatMap((topic) => topic.appeals.map((appeal) => appeal.id)))];
    const unresolved = (await deps.appeals.getMany(recentIds)).filter((appeal) => appeal.status !== '已办结').length;
    return {
      recentAppeals: recentTopics.reduce((sum, topic) => sum + topic.count, 0),
      previousAppeals: previousTopics.reduce((sum, topic) => sum + topic.count, 0),
      unresolvedAppeals: unresolved,
    };
  };

  // The figures of one period end are reused for a while, and the period reported is the one they describe.
  let periodEnd: Date | undefined;
  const pressureOf = (unitId: string, period: { from: Date; to: Date }, previous: { from: Date; to: Date }): Promise<Pressure> => {
    const key = `${unitId}@${period.to.getTime()}`;
    const cached = pressureCache.get(key);
    if (cached) return cached.value;
    const value = measure(unitId, period, previous);
    pressureCache.set(key, { at: period.to.getTime(), value });
    value.catch(() => pressureCache.delete(key));
    return value;
  };

  return {
    async suggest(pollId?: string) {
      const poll = await pollFor(pollId);
      const time = now();
      if (!periodEnd || time.getTime() - periodEnd.getTime() >= pressureLifetimeMs) {
        periodEnd = time;
        pressureCache.clear();
      }
      const to = periodEnd;
      const period = { from: new Date(to.getTime() - periodDays * dayInMilliseconds), to };
      const previous = { from: new Date(period.from.getTime() - periodDays * dayInMilliseconds), to: period.from };
      const unitNames = new Map((await deps.units.list()).map((unit) => [unit.id, unit.name]));
      // Without a poll every unit is a candidate, with no votes: the ranking is then by appeals alone.
      const ballot = poll
        ? (await deps.polls.tally(poll.id)).map(({ unitId, unitName, votes }) => ({ unitId, unitName, votes }))
        : [...unitNames].map(([unitId, unitName]) => ({ unitId, unitName, votes: 0 }));
      const candidates: CandidateFigures[] = [];
      for (const option of ballot) {
        candidates.push({ ...option, ...(await pressureOf(option.unitId, period, previous)) });
      }
      return {
        poll: poll ? { id: poll.id, title: poll.title, status: poll.status } : null,
        period: { days: periodDays, from: period.from.toISOString(), to: period.to.toISOString() },
        previousPeriod: { from: previous.from.toISOString(), to: previous.to.toISOString() },
        weights,
        items: rankNextUnits(candidates, { weights, periodLabel: `近${periodDays}天` }),
      };
    },
  };
}

export type NextUnitSuggestions = ReturnType<typeof createNextUnitSuggestions>;
