import { createRecentConversationFinder } from './recent-conversation';

describe('createRecentConversationFinder', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const finder = (lastMessageAt: Date | undefined) => {
    const asked: [string, string][] = [];
    const find = createRecentConversationFinder({
      now: () => now,
      conversations: {
        latestOf: async (channel, userId) => {
          asked.push([channel, userId]);
          return { id: 'c-latest' };
        },
        lastMessages: async () => (lastMessageAt ? [{ createdAt: lastMessageAt }] : []),
      },
    });
    return { find, asked };
  };

  it('continues the latest WeChat conversation of that openid while its last message is under 30 minutes old', async () => {
    const { find, asked } = finder(new Date(now.getTime() - 29 * 60_000));
    expect(await find('oPerson')).toBe('c-latest');
    expect(asked).toEqual([['wechat', 'oPerson']]);
  });

  it('starts a new one after a pause of 30 minutes or when the latest has no messages', async () => {
    expect(await finder(new Date(now.getTime() - 30 * 60_000)).find('oPerson')).toBeUndefined();
    expect(await finder(undefined).find('oPerson')).toBeUndefined();
  });
});
