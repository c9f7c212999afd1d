import fs from 'node:fs';
import path from 'node:path';
import { createWechatCipher } from '../../channels/wechat/wechat-cipher';
import { wechatSignature } from '../../channels/wechat/wechat-signature';
import { parseWechatXml } from '../../channels/wechat/wechat-xml';

const fixtureDirectory = path.join(__dirname, '..', 'fixtures', 'wechat');

export const wechatFixture = (name: string) => fs.readFileSync(path.join(fixtureDirectory, name), 'utf8');

export interface CryptoVectors {
  encrypt: { token: string; encodingAESKey: string; appId: string; random: string; message: string; expectedEncrypt: string };
  request: {
    token: string;
    encodingAESKey: string;
    appId: string;
    timestamp: string;
    nonce: string;
    signature: string;
    msgSignature: string;
    encrypt: string;
    decryptsTo: string;
  };
}

export const cryptoVectors = (): CryptoVectors => JSON.parse(wechatFixture('crypto-vectors.json')) as CryptoVectors;

/** A WeChat message as the platform posts it (strings in CDATA, numbers bare). */
export function wechatMessageXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => (typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`))
    .join('');
  return `<xml>${body}</xml>`;
}

let sequence = 0;
/** A text message from `openid` with a fresh MsgId (or the one given, to replay a retry). */
export function textMessageXml(openid: string, content: string, msgId?: string): string {
  sequence += 1;
  return wechatMessageXml({
    ToUserName: 'gh_ningde12345',
    FromUserName: openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'text',
    Content: content,
    MsgId: msgId ?? String(24600000000000000n + BigInt(sequence) + BigInt(process.pid) * 100000n),
  });
}

export interface WechatSecrets {
  token: string;
  appId?: string;
  encodingAesKey?: string;
}

/** The query string WeChat signs a request with; `encrypt` adds safe mode's msg_signature. */
export function signedQuery(
  token: string,
  options: { encrypt?: string; echostr?: string; timestamp?: string; nonce?: string } = {},
): string {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? String(100000 + Math.floor(Math.random() * 900000));
  const query = new URLSearchParams({ signature: wechatSignature(token, timestamp, nonce), timestamp, nonce });
  if (options.echostr !== undefined) query.set('echostr', options.echostr);
  if (options.encrypt !== undefined) {
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', wechatSignature(token, timestamp, nonce, options.encrypt));
  }
  return query.toString();
}

/** Posts `xml` to a WeChat endpoint as WeChat does: signed, and encrypted when the secrets include a key. */
export async function postWechat(url: string, xml: string, secrets: WechatSecrets): Promise<{ status: number; body: string }> {
  let body = xml;
  let query: string;
  if (secrets.encodingAesKey && secrets.appId) {
    const encrypt = createWechatCipher({ encodingAesKey: secrets.encodingAesKey, appId: secrets.appId }).encrypt(xml);
    body = `<xml><ToUserName><![CDATA[gh_ningde12345]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    query = signedQuery(secrets.token, { encrypt });
  } else {
    query = signedQuery(secrets.token);
  }
  const response = await fetch(`${url}?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });
  return { status: response.status, body: await response.text() };
}

/** Reads a passive reply, checking and decrypting it first when it came encrypted. */
export function readReply(body: string, secrets: WechatSecrets): Record<string, unknown> {
  const fields = parseWechatXml(body);
  if (typeof fields.Encrypt !== 'string') return fields;
  if (!secrets.encodingAesKey || !secrets.appId) throw new Error('encrypted reply without a key');
  const expected = wechatSignature(secrets.token, String(fields.TimeStamp), String(fields.Nonce), fields.Encrypt);
  if (fields.MsgSignature !== expected) throw new Error('reply MsgSignature does not verify');
  return parseWechatXml(createWechatCipher({ encodingAesKey: secrets.encodingAesKey, appId: secrets.appId }).decrypt(fields.Encrypt));
}

/** The text a person sees for a passive reply: Content for text, title and description for news. */
export function replyText(fields: Record<string, unknown>): string {
  if (fields.MsgType === 'text') return String(fields.Content);
  const item = (fields.Articles as { item?: { Title?: string; Description?: string } } | undefined)?.item;
  return `${item?.Title ?? ''}\n${item?.Description ?? ''}`;
}
