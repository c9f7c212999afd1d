import { castVoteAs, pollResultsOf, renderPollResults, renderVoteResult, type BallotBox } from '../../bot';
import type { Preview } from '../../storage';
import type { Unit } from '../../storage';
import { truncateToBytes } from './answer-text';
import { chinaClock, chinaDateTime } from '../../common';
import type { WechatReply } from './reply-xml';
import { wechatTexts } from './wechat-texts';

export interface ShortcutDependencies {
  previews: { list(filter: { from?: Date; publishedOnly?: boolean }): Promise<Preview[]> };
  units: { list(): Promise<Pick<Unit, 'id' | 'name'>[]> };
  voting: BallotBox;
  /** The column's public address (PUBLIC_BASE_URL); when set, the 预告 card opens the first session's page. */
  publicBaseUrl?: string | undefined;
  now?: () => Date;
}

const previewsShown = 3;
const text = (content: string): WechatReply => ({ type: 'text', content });
const fullWidthDigits = (value: string) => value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
// The whole message must be the keyword (trailing punctuation aside): "投票结果怎么样" is a question for Xiaoning.
const normalise = (message: string) => fullWidthDigits(message.trim()).replace(/[\s。！!？?，,]+$/u, '');

/**
 * The keywords WeChat users know from other accounts — 预告, 投票 + number, 结果 — answered straight from the
 * data, without the agent. The tally and the vote are Xiaoning's own tool functions (get_poll_results,
 * cast_vote) with the same wording and rules, as the same voter (channel wechat, the openid), so one person
 * cannot vote once here and once through the agent.
 */
export function createWechatShortcuts(deps: ShortcutDependencies) {
  const now = deps.now ?? (() => new Date());

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
        ...(deps.publicBaseUrl ? { url: `${deps.publicBaseUrl}/previews/${encodeURIComponent(first.id)}` } : {}),
      },
    };
  };

  // The tally and the vote in the words Xiaoning uses (the tools' own functions); only how to vote differs here.
  const results = async (): Promise<WechatReply> => text(renderPollResults(await pollResultsOf(deps.voting), wechatTexts.voteHelp));

  const vote = async (openid: string, optionNumber: number): Promise<WechatReply> => {
    // The openid is WeChat's word for who wrote (established); WeChat's servers' address says nothing about the person.
    const result = await castVoteAs(
      deps.voting,
      { optionNumber },
      { channel: 'wechat', userId: openid, identityEstablished: true, voteConsent: 'explicit' },
    );
    return text(renderVoteResult(result, wechatTexts.voteHelp, '回复“结果”可以看实时票数。'));
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
