import { isAppError } from '../../common';
import type { Preview } from '../../storage';
import type { Unit } from '../../storage';
import type { CastVote } from '../../hotline';
import { truncateToBytes } from './answer-text';
import { chinaClock, chinaDateTime } from '../../common';
import type { WechatReply } from './reply-xml';
import { wechatTexts } from './wechat-texts';
import { inBallotOrder } from '../../hotline';

export interface ShortcutDependencies {
  previews: { list(filter: { from?: Date; publishedOnly?: boolean }): Promise<Preview[]> };
  units: { list(): Promise<Pick<Unit, 'id' | 'name'>[]> };
  voting: {
    current(): Promise<
      { id: string; title: string; closesAt: Date; options: { unitId: string; unitName: string; votes: number }[] } | undefined
    >;
    cast(vote: CastVote): Promise<{ unitId: string }>;
  };
  now?: () => Date;
}

const previewsShown = 3;
const text = (content: string): WechatReply => ({ type: 'text', content });
const fullWidthDigits = (value: string) => value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
// The whole message must be the keyword (trailing punctuation aside): "投票结果怎么样" is a question for Xiaoning.
const normalise = (message: string) => fullWidthDigits(message.trim()).replace(/[\s。！!？?，,]+$/u, '');

/**
 * The keywords WeChat users know from other accounts — 预告, 投票 + number, 结果 — answered straight from the
 * data, without the agent. Votes go through the same voting module as Xiaoning's cast_vote tool, as the same
 * voter (channel wechat, the openid), so one person cannot vote once here and once through the agent.
 */
export function createWechatShortcuts(deps: ShortcutDependencies) {
  const now = deps.now ?? (() => new Date());

  const currentPoll = async () => {
    const poll = await deps.voting.current();
    if (!poll) return undefined;
    return {
      ...poll,
      options: inBallotOrder(poll.options),
    };
  };

  const previews = async (): Promise<WechatReply> => {
    const rows = (await deps.previews.list({ from: now(), publishedOnly: true })).slice(0, previewsShown);
    if (rows.length === 0) return text(wechatTexts.noPreviews);
    const names = new Map((await deps.units.list()).map((unit) => [unit.id, unit.name]));
    const nameOf = (row: Preview) => names.get(row.unitId) ?? row.unitId;
    const [first, ...later] = rows as [Preview, ...Preview[]];
    const when = (row: Preview) => `${chinaDateTime(row.startsAt)}–${chinaClock(row.endsAt)}`;
    // The first session in full; later ones in a line each, so the card stays short enough to read.
    const details = [`时间：${when(first)}`, `接听领导：${first.leaderTitle}`, `接线范围：${first.scope}`, `参与方式：${first.howToJoin}`];
    const next = later.map((row) => `${when(row)} ${nameOf(row)}`);
    const description = next.length > 0 ? `${details.join('\n')}\n\n之后的安排：\n${next.join('\n')}` : details.join('\n');
    return {
      type: 'news',
      article: {
        title: truncateToBytes(`领导接线预告：${nameOf(first)}`, 120),
        description: truncateToBytes(description, 1200),
      },
    };
  };

  const results = async (): Promise<WechatReply> => {
    const poll = await currentPoll();
    if (!poll) return text(wechatTexts.noPoll);
    const lines = poll.options.map((option, index) => `${index + 1}. ${option.unitName}：${option.votes}票`);
    return text(`${poll.title}\n${lines.join('\n')}\n投票截止到${chinaDateTime(poll.closesAt)}。\n${wechatTexts.voteHelp}`);
  };

  const vote = async (openid: string, optionNumber: number): Promise<WechatReply> => {
    const poll = await currentPoll();
    if (!poll) return text(wechatTexts.noPoll);
    const option = poll.options[optionNumber - 1];
    if (!option) {
      const lines = poll.options.map((each, index) => `${index + 1}. ${each.unitName}`);
      return text(`没有第${optionNumber}号候选单位。本期候选单位：\n${lines.join('\n')}\n${wechatTexts.voteHelp}`);
    }
    try {
      // The openid is WeChat's word for who wrote (established); WeChat's servers' address says nothing about the person.
      await deps.voting.cast({ pollId: poll.id, unitId: option.unitId, voter: { channel: 'wechat', userId: openid, established: true } });
    } catch (error) {
      // "already voted", "poll closed": messages written for the person.
      if (isAppError(error) && error.status < 500) return text(error.message);
      throw error;
    }
    return text(`已为您投给“${option.unitName}”，谢谢参与！每人每期只能投一票。回复“结果”可以看实时票数。`);
  };

  return {
    previews,
    results,
    vote,
    /** Answers `message` when it is one of the keywords; undefined sends it on to Xiaoning. */
    answer(openid: string, message: string): Promise<WechatReply> | undefined {
      const normalised = normalise(message);
      if (normalised === '预告' || normalised === '接线预告') return previews();
      if (normalised === '结果' || normalised === '投票结果') return results();
      if (normalised === '投票') return results();
      const voteMatch = /^投票\s*(\d{1,3})$/.exec(normalised);
      if (voteMatch) return vote(openid, Number(voteMatch[1]));
      return undefined;
    },
  };
}

export type WechatShortcuts = ReturnType<typeof createWechatShortcuts>;
