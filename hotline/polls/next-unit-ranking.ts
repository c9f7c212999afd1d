/**
 * 下期建议: which unit's leader should take the next session, "by the vote and the current hot topics".
 * Pure: the figures come in, the ranking and its reasons go out, so the same figures always give the same
 * ranking and every number a reason names is one of the figures given.
 */

export interface CandidateFigures {
  unitId: string;
  unitName: string;
  /** Votes this unit received in the poll. */
  votes: number;
  /** Appeals of the unit's hot topics (within its duties) in the recent period. */
  recentAppeals: number;
  /** The same count for the period of equal length just before. */
  previousAppeals: number;
  /** Of the recent ones, how many are not yet 已办结. */
  unresolvedAppeals: number;
}

export interface RankingWeights {
  votes: number;
  volume: number;
  growth: number;
  unresolved: number;
}

/** Votes weigh most (the column asks the public); appeal pressure together weighs a little more than half. */
export const defaultRankingWeights: RankingWeights = { votes: 0.4, volume: 0.25, growth: 0.15, unresolved: 0.2 };

export interface RankedCandidate extends CandidateFigures {
  rank: number;
  /** 0..1, the weighted sum of the parts. */
  score: number;
  parts: {
    /** Share of all votes cast in the poll. */
    voteShare: number;
    /** Recent appeals relative to the busiest candidate's (1 for the busiest). */
    volume: number;
    /** Growth over the previous period, 0 when falling, capped at 1 (doubling or more). */
    growth: number;
    /** Share of the recent appeals still unresolved. */
    unresolvedShare: number;
  };
  reasons: string[];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const round = (value: number) => Math.round(value * 1000) / 1000;

export function growthOf(recent: number, previous: number): number {
  if (recent <= previous) return 0;
  return previous === 0 ? 1 : Math.min(1, (recent - previous) / previous);
}

function reasonsOf(candidate: CandidateFigures, totalVotes: number, periodLabel: string): string[] {
  const { votes, recentAppeals, previousAppeals, unresolvedAppeals } = candidate;
  const reasons = [
    totalVotes === 0 ? '本期投票还没有人投票' : `得票 ${votes} 票，占本期 ${totalVotes} 票的 ${percent(votes / totalVotes)}`,
  ];
  if (recentAppeals === 0 && previousAppeals === 0) {
    reasons.push(`${periodLabel}职责范围内没有高频诉求`);
    return reasons;
  }
  const change =
    recentAppeals > previousAppeals
      ? previousAppeals === 0
        ? '新出现'
        : `增长 ${percent((recentAppeals - previousAppeals) / previousAppeals)}`
      : recentAppeals < previousAppeals
        ? `减少 ${percent((previousAppeals - recentAppeals) / previousAppeals)}`
        : '与此前持平';
  reasons.push(`${periodLabel}职责范围内高频诉求 ${recentAppeals} 件（此前同期 ${previousAppeals} 件，${change}）`);
  if (recentAppeals > 0) {
    reasons.push(`其中尚未办结 ${unresolvedAppeals} 件，占 ${percent(unresolvedAppeals / recentAppeals)}`);
  }
  return reasons;
}

/** Ranks the candidates, best first; ties keep the order given (the poll's ballot order). */
export function rankNextUnits(
  candidates: readonly CandidateFigures[],
  options: { weights?: RankingWeights; periodLabel?: string } = {},
): RankedCandidate[] {
  const weights = options.weights ?? defaultRankingWeights;
  const periodLabel = options.periodLabel ?? '近期';
  const totalVotes = candidates.reduce((sum, candidate) => sum + candidate.votes, 0);
  const busiest = Math.max(0, ...candidates.map((candidate) => candidate.recentAppeals));
  return candidates
    .map((candidate, order) => {
      const parts = {
        voteShare: totalVotes === 0 ? 0 : candidate.votes / totalVotes,
        volume: busiest === 0 ? 0 : candidate.recentAppeals / busiest,
        growth: growthOf(candidate.recentAppeals, candidate.previousAppeals),
        unresolvedShare: candidate.recentAppeals === 0 ? 0 : candidate.unresolvedAppeals / candidate.recentAppeals,
      };
      const score =
        weights.votes * parts.voteShare +
        weights.volume * parts.volume +
        weights.growth * parts.growth +
        weights.unresolved * parts.unresolvedShare;
      return {
        order,
        ranked: {
          ...candidate,
          rank: 0,
          score: round(score),
          parts: {
            voteShare: round(parts.voteShare),
            volume: round(parts.volume),
            growth: round(parts.growth),
            unresolvedShare: round(parts.unresolvedShare),
          },
          reasons: reasonsOf(candidate, totalVotes, periodLabel),
        },
      };
    })
    .sort((left, right) => right.ranked.score - left.ranked.score || left.order - right.order)
    .map(({ ranked }, index) => ({ ...ranked, rank: index + 1 }));
}
