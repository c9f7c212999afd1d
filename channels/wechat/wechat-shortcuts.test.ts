import { AppError } from '../../common';
import type { CastVote } from '../../hotline';
import { createWechatShortcuts } from './wechat-shortcuts';

function setup() {
  const cast: CastVote[] = [];
  const shortcuts = createWechatShortcuts({
    previews: { list: async () => [] },
    units: { list: async () => [] },
    voting: {
      current: async () => ({
        id: 'poll-1',
        title: '下期接线单位征集',
        closesAt: new Date('2026-12-01T02:00:00Z'),
        // The tally's order (most votes first) is not the numbering people see.
        options: [
          { unitId: 'zjj', unitName: '宁德市住房和城乡建设局', votes: 5 },
          { unitId: 'cgj', unitName: '宁德市城市管理局', votes: 2 },
        ],
      }),
      cast: async (vote) => {
        if (cast.some((each) => each.voter.userId === vote.voter.userId))
          throw new AppError('CONFLICT', '您已参与本期投票，感谢支持！每人每期只能投一票。');
        cast.push(vote);
        return { pollId: vote.pollId, unitId: vote.unitId, tally: { pollId: vote.pollId, options: [] }, suggestions: [] };
      },
    },
  });
  return { shortcuts, cast };
}

const contentOf = async (reply: ReturnType<ReturnType<typeof createWechatShortcuts>['answer']>) => {
  const value = await reply;
  return value?.type === 'text' ? value.content : value?.article.title;
};

describe('WeChat keyword shortcuts', () => {
  it.each(['投票 2', '投票2', '投票２', ' 投票 2。'])(
    '%j votes for option 2 by the stable (unit id) order, as the established WeChat voter <openid>',
    async (message) => {
      const { shortcuts, cast } = setup();
      expect(await contentOf(shortcuts.answer('oPerson', message))).toContain('已为您投给“宁德市住房和城乡建设局”');
      expect(cast).toEqual([{ pollId: 'poll-1', unitId: 'zjj', voter: { channel: 'wechat', userId: 'oPerson', established: true } }]);
    },
  );

  it('a second vote gets the voting module’s own kind refusal', async () => {
    const { shortcuts, cast } = setup();
    await shortcuts.answer('oPerson', '投票 1');
    expect(await contentOf(shortcuts.answer('oPerson', '投票 2'))).toBe('您已参与本期投票，感谢支持！每人每期只能投一票。');
    expect(cast).toHaveLength(1);
  });

  it('结果 numbers the options the way 投票 N reads them', async () => {
    const { shortcuts } = setup();
    expect(await contentOf(shortcuts.answer('oPerson', '结果'))).toMatch(/1\. 宁德市城市管理局：2票\n2\. 宁德市住房和城乡建设局：5票/);
  });

  it('预告 without upcoming sessions says so in plain words', async () => {
    const { shortcuts } = setup();
    expect(await contentOf(shortcuts.answer('oPerson', '预告'))).toMatch(/^近期还没有发布领导接线安排/);
  });

  it.each(['投票结果怎么样', '我想投票给住建局', '预告一下下周', '你好', '投票 2 和 3'])('%j is left to Xiaoning', (message) => {
    expect(setup().shortcuts.answer('oPerson', message)).toBeUndefined();
  });

  it('预告 links the card to the session’s page when PUBLIC_BASE_URL is set, and to nothing otherwise', async () => {
    const preview = {
      id: 'preview 1',
      unitId: 'zjj',
      startsAt: new Date('2026-12-02T07:00:00Z'),
      endsAt: new Date('2026-12-02T09:00:00Z'),
      leaderTitle: '局长',
      scope: '物业',
      howToJoin: '拨打12345',
      published: true,
      channels: ['phone'],
    };
    const parts = {
      previews: { list: async () => [preview] },
      units: { list: async () => [{ id: 'zjj', name: '宁德市住房和城乡建设局' }] },
      voting: { current: async () => undefined, cast: async () => Promise.reject(new Error('unused')) },
    };
    const linked = await createWechatShortcuts({ ...parts, publicBaseUrl: 'https://column.example.cn' }).previews();
    expect(linked).toMatchObject({ type: 'news', article: { url: 'https://column.example.cn/previews/preview%201' } });
    const plain = await createWechatShortcuts(parts).previews();
    expect(plain.type === 'news' && plain.article.url).toBeUndefined();
  });
});
