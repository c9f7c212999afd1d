import { chinaDateTime } from '../../common/china-time';
import { confirmationQuestion } from '../intents/vote-consent';
import { noPolicyReply } from './offline-replies';

/** The function that turns policy passages into a short cited answer (bot/answers). */
export type PolicyAnswerComposer = (
  question: string,
  passages: { title: string; headingPath: string[]; text: string }[],
) => { answer: string; cited: number[] };

const chinaTime = (iso: string) => chinaDateTime(new Date(iso));

interface PreviewResult {
  previews: { unit: { name: string }; startsAt: string; endsAt: string; leaderTitle: string; scope: string }[];
}
interface VoteResult {
  voted: boolean;
  reason?: string;
  unitName?: string;
  options?: { number: number; unitName: string }[];
  /** Set when the message mentioned a vote without plainly asking for one: ask instead. */
  confirm?: { unitName: string };
}
interface PollResult {
  poll: { title: string; closesAt: string; options: { number: number; unitName: string; votes: number }[] } | null;
}
interface AppealsResult {
  total: number;
  appeals: {
    title: string;
    excerpt: string;
    unit: { name: string } | null;
    status: string;
    sessionDate: string | null;
    hasReply: boolean;
  }[];
}
interface StatsResult {
  by: 'category' | 'type' | 'tag' | 'month';
  items: { name: string; count: number }[];
}
interface PolicyResult {
  found: boolean;
  sources: { n: number; title: string; headingPath: string[]; excerpt: string }[];
}

const statsTitles = { category: '按类别', type: '按类型', tag: '热点话题', month: '按月' } as const;

/**
 * The offline model's answers, written from tool results only: short lists for previews, polls, appeals and
 * statistics, and for policies the passage sentences with [n] markers (or a refusal when nothing was found).
 */
export function composeToolAnswer(toolName: string, content: string, question: string, composePolicy: PolicyAnswerComposer): string {
  const result = JSON.parse(content) as unknown;
  switch (toolName) {
    case 'get_hotline_previews': {
      const { previews } = result as PreviewResult;
      if (previews.length === 0) return '近期还没有发布这方面的接线预告。预告发布后会在本栏目和12345微信公众号上公布。';
      const lines = previews
        .slice(0, 5)
        .map((preview, index) => `${index + 1}. ${chinaTime(preview.startsAt)}，${preview.unit.name}（${preview.leaderTitle}）`);
      return `近期的领导接线安排：\n${lines.join('\n')}\n到时拨打12345热线即可参与，也可以在栏目网页或微信公众号留言。`;
    }
    case 'cast_vote': {
      const vote = result as VoteResult;
      if (vote.voted) return `已为您投给“${vote.unitName}”，谢谢参与！每人每期只能投一票。`;
      if (vote.confirm) return `${vote.reason ?? ''}${confirmationQuestion(vote.confirm.unitName)}`;
      const options = vote.options?.map((option) => `${option.number}. ${option.unitName}`).join('\n');
      return options
        ? `${vote.reason ?? '没有投成功。'}本期候选单位：\n${options}\n请说“投几号”或单位名称。`
        : (vote.reason ?? '没有投成功，请稍后再试。');
    }
    case 'get_poll_results': {
      const { poll } = result as PollResult;
      if (!poll) return '目前没有正在进行的投票。';
      const lines = poll.options.map((option) => `${option.number}. ${option.unitName}：${option.votes}票`);
      return `${poll.title}\n${lines.join('\n')}\n投票截止到${chinaTime(poll.closesAt)}。想投票可以说“投几号”。`;
    }
    case 'search_past_appeals': {
      const { total, appeals } = result as AppealsResult;
      if (total === 0) return '没有找到相关的往期诉求。您可以换个说法再查，或者直接提交您的诉求。';
      const lines = appeals.slice(0, 3).map((appeal, index) => {
        const where = appeal.unit ? `${appeal.unit.name}，` : '';
        return `${index + 1}. ${appeal.title || appeal.excerpt}（${where}${appeal.status}${appeal.hasReply ? '，已答复' : ''}）`;
      });
      return `找到${total}条相关诉求，最近的几条：\n${lines.join('\n')}\n点开往期回顾可以看详情和答复。`;
    }
    case 'get_appeal_statistics': {
      const { by, items } = result as StatsResult;
      const nonEmpty = items.filter((item) => item.count > 0);
      if (nonEmpty.length === 0) return '这段时间还没有诉求数据。';
      const shown = by === 'month' ? nonEmpty.slice(-6) : nonEmpty.slice(0, 6);
      return `诉求统计（${statsTitles[by]}）：\n${shown.map((item) => `${item.name}：${item.count}件`).join('\n')}`;
    }
    case 'search_policies': {
      const { found, sources } = result as PolicyResult;
      if (!found || sources.length === 0) return noPolicyReply;
      const { answer } = composePolicy(
        question,
        sources.map((source) => ({ title: source.title, headingPath: source.headingPath, text: source.excerpt })),
      );
      return answer.trim() === '' ? noPolicyReply : answer;
    }
    default:
      return '抱歉，我暂时无法回答这个问题。';
  }
}
