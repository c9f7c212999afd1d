import { startFakeWechatServer, type FakeWechatServer } from '../../tests/fakes/fake-wechat-server';
import { createWechatPublisher } from './wechat-publisher';

describe('WeChat publisher against a fake WeChat server', () => {
  let wechatApi: FakeWechatServer;
  beforeEach(async () => {
    wechatApi = await startFakeWechatServer({ appId: 'wx-app', appSecret: 'secret' });
  });
  afterEach(() => wechatApi.close());

  const preview = {
    id: 'preview-1',
    unitName: '宁德市住房和城乡建设局',
    startsAt: new Date('2026-12-01T07:00:00Z'),
    endsAt: new Date('2026-12-01T09:00:00Z'),
    leaderTitle: '局长',
    scope: '物业服务监管；城镇燃气',
  };
  const publisherFor = (publicBaseUrl?: string) =>
    createWechatPublisher({ appId: 'wx-app', appSecret: 'secret', apiBase: wechatApi.apiBase, publicBaseUrl })!;

  it('pushes a preview to every follower in one 群发 request that carries the link', async () => {
    const outcome = await publisherFor('https://column.example.cn').pushPreview(preview);
    expect(outcome).toEqual({ ok: true, msgId: '1001', message: expect.stringContaining('https://column.example.cn/previews/preview-1') });
    expect(wechatApi.massSends).toHaveLength(1);
    const { body } = wechatApi.massSends[0]!;
    expect(body.filter).toEqual({ is_to_all: true });
    expect(body.msgtype).toBe('text');
    expect(body.text!.content).toContain('宁德市住房和城乡建设局');
    expect(body.text!.content).toContain('12月1日（星期二）15:00–17:00');
    expect(body.text!.content).toContain('https://column.example.cn/previews/preview-1');
  });

  it('sets the menu with the three entries 预告 / 投票 / 问小宁', async () => {
    expect((await publisherFor().setMenu()).ok).toBe(true);
    expect(wechatApi.menus[0]!.body.button.map((button) => [button.name, button.key])).toEqual([
      ['预告', 'HOTLINE_PREVIEW'],
      ['投票', 'POLL_VOTE'],
      ['问小宁', 'ASK_POLICY'],
    ]);
  });

  it('reports WeChat’s error code instead of swallowing it, and refuses to push without a link', async () => {
    wechatApi.failNext('/cgi-bin/message/mass/sendall', 45028, 'has no masssend quota');
    expect(await publisherFor('https://column.example.cn').pushPreview(preview)).toEqual({
      ok: false,
      errcode: 45028,
      message: '微信返回错误码 45028：没有群发配额（本月或今日的群发次数已用完）（has no masssend quota）。',
    });
    wechatApi.failNext('/cgi-bin/menu/create', 40018, 'invalid button name size');
    expect(await publisherFor().setMenu()).toMatchObject({ ok: false, errcode: 40018 });
    const withoutLink = await publisherFor().pushPreview(preview);
    expect(withoutLink).toMatchObject({ ok: false, errcode: null, message: expect.stringContaining('PUBLIC_BASE_URL') });
    expect(wechatApi.massSends).toHaveLength(0);
  });

  it('is off without an AppID and secret', () => {
    expect(createWechatPublisher({ appId: undefined, appSecret: undefined, apiBase: wechatApi.apiBase })).toBeUndefined();
  });
});
