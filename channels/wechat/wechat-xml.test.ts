import { wechatFixture } from '../../tests/support/wechat-client';
import { isAppError } from '../../common';
import { cdata, passiveReplyXml } from './reply-xml';
import { inboundMessageSchema, parseWechatXml } from './wechat-xml';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xml><Content>&lol3;</Content></xml>`;

const refusal = (body: string) => {
  try {
    parseWechatXml(body);
  } catch (error) {
    return isAppError(error) ? error.status : 'not an AppError';
  }
  return 'accepted';
};

describe('parseWechatXml', () => {
  it.each(['text.xml', 'voice.xml', 'voice-no-recognition.xml', 'subscribe.xml', 'menu-click.xml', 'image.xml'])(
    'reads %s into the fields the channel uses, ids kept as exact strings',
    (name) => {
      const message = inboundMessageSchema.parse(parseWechatXml(wechatFixture(name)));
      expect(message.ToUserName).toBe('gh_ningde12345');
      expect(message.FromUserName).toMatch(/^oNingdeCitizen/);
      if (message.MsgId) expect(message.MsgId).toMatch(/^245000000000000\d\d$/);
    },
  );

  it('keeps CDATA text as is and decodes only the predefined entities outside it', () => {
    const fields = parseWechatXml('<xml><Content><![CDATA[a <b> & c]]></Content><Other>x &amp; y &#20320; &lt;</Other></xml>');
    expect(fields.Content).toBe('a <b> & c');
    expect(fields.Other).toBe('x & y 你 <');
  });

  it.each([
    ['a billion-laughs DOCTYPE', billionLaughs],
    ['an external entity', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Content>&e;</Content></xml>'],
    ['a lower-case doctype', '<!doctype xml><xml/>'],
    ['malformed XML', '<xml><Content>unclosed</xml>'],
    ['two roots', '<xml></xml><xml></xml>'],
    ['no <xml> root', '<message><Content>hi</Content></message>'],
    ['a prototype-polluting tag', '<xml><__proto__><polluted>1</polluted></__proto__></xml>'],
    ['nesting far deeper than WeChat uses', `<xml>${'<a>'.repeat(50)}${'</a>'.repeat(50)}</xml>`],
    ['plain text', 'hello'],
  ])('refuses %s with a 400', (_name, body) => {
    expect(refusal(body)).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a message without the fields every WeChat message has', () => {
    expect(inboundMessageSchema.safeParse(parseWechatXml('<xml><Content>hi</Content></xml>')).success).toBe(false);
  });
});

describe('passive reply XML', () => {
  const address = { toUser: 'oCitizen', fromUser: 'gh_ningde12345', createTime: 1732345200 };

  it('writes a text reply that parses back to the same content, even with "]]>" inside', () => {
    const content = '答复：见 [1] ]]> 结束 <b>';
    const fields = parseWechatXml(passiveReplyXml({ type: 'text', content }, address));
    expect(fields).toMatchObject({
      ToUserName: 'oCitizen',
      FromUserName: 'gh_ningde12345',
      CreateTime: '1732345200',
      MsgType: 'text',
      Content: content,
    });
  });

  it('writes one news article', () => {
    const fields = parseWechatXml(passiveReplyXml({ type: 'news', article: { title: '预告', description: '住建局' } }, address));
    expect(fields).toMatchObject({ MsgType: 'news', ArticleCount: '1', Articles: { item: { Title: '预告', Description: '住建局' } } });
  });

  it('drops characters XML cannot carry', () => {
    expect(cdata('a\u0000b\u0007c')).toBe('<![CDATA[abc]]>');
  });
});
