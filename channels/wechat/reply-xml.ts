/** What Xiaoning sends back on WeChat: a text, or one news article (WeChat allows one per reply since 2018). */
export type WechatReply =
  | { type: 'text'; content: string }
  | { type: 'news'; article: { title: string; description: string; url?: string | undefined; pictureUrl?: string | undefined } };

// XML 1.0 cannot carry control characters or lone surrogates at all; a model or a database row still could.
const allowedInXml = (code: number) =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;

/** A CDATA section that stays one even when the text itself contains "]]>". */
export function cdata(text: string): string {
  const safe = Array.from(text)
    .filter((character) => allowedInXml(character.codePointAt(0) ?? 0))
    .join('');
  return `<![CDATA[${safe.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export interface ReplyAddress {
  /** The person's openid (the inbound FromUserName). */
  toUser: string;
  /** The Official Account (the inbound ToUserName). */
  fromUser: string;
  createTime: number;
}

export function passiveReplyXml(reply: WechatReply, address: ReplyAddress): string {
  const head =
    `<ToUserName>${cdata(address.toUser)}</ToUserName><FromUserName>${cdata(address.fromUser)}</FromUserName>` +
    `<CreateTime>${address.createTime}</CreateTime>`;
  if (reply.type === 'text') return `<xml>${head}<MsgType>${cdata('text')}</MsgType><Content>${cdata(reply.content)}</Content></xml>`;
  const { article } = reply;
  return (
    `<xml>${head}<MsgType>${cdata('news')}</MsgType><ArticleCount>1</ArticleCount><Articles><item>` +
    `<Title>${cdata(article.title)}</Title><Description>${cdata(article.description)}</Description>` +
    `<PicUrl>${cdata(article.pictureUrl ?? '')}</PicUrl><Url>${cdata(article.url ?? '')}</Url>` +
    `</item></Articles></xml>`
  );
}

export function encryptedReplyXml(parts: { encrypt: string; signature: string; timestamp: string; nonce: string }): string {
  return (
    `<xml><Encrypt>${cdata(parts.encrypt)}</Encrypt><MsgSignature>${cdata(parts.signature)}</MsgSignature>` +
    `<TimeStamp>${parts.timestamp}</TimeStamp><Nonce>${cdata(parts.nonce)}</Nonce></xml>`
  );
}
