import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../common';
import { createWechatCipher, type WechatCipher } from './wechat-cipher';
import { encryptedReplyXml } from './reply-xml';
import { signatureMatches, wechatSignature } from './wechat-signature';
import { encryptedEnvelopeSchema, parseWechatXml } from './wechat-xml';

const queryText = z.string().min(1).max(512);
/** WeChat's query parameters; each request must carry the signed three. */
const signedQuerySchema = z.object({
  signature: queryText,
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: queryText,
  msg_signature: queryText.optional(),
  echostr: z.string().min(1).max(4096).optional(),
});

export type SignedQuery = z.infer<typeof signedQuerySchema>;

const badSignature = (which: string) => new AppError('FORBIDDEN', '签名校验失败。', { details: { reason: `bad ${which}` } });
const stale = () => new AppError('FORBIDDEN', '请求已过期。', { details: { reason: 'timestamp outside the accepted window' } });

/** How far a signed request's timestamp may be from our clock, either way; WeChat signs every request afresh. */
export const signatureWindowMs = 5 * 60_000;
const badRequest = (reason: string) => new AppError('BAD_REQUEST', '请求格式不正确。', { details: { reason } });

export interface EnvelopeOptions {
  token: string;
  /** Both set: safe mode (encrypted messages) is accepted and encrypted requests get encrypted replies. */
  appId?: string | undefined;
  encodingAesKey?: string | undefined;
  /** The clock the timestamps are checked against; tests that replay recorded requests set it to their time. */
  now?: () => number;
}

/**
 * The outer layer of WeChat's protocol: signed query strings, the safe-mode encryption of bodies and
 * echostr, and the encrypted envelope of replies. What is inside (the message) is someone else's concern.
 */
export function createWechatEnvelope(options: EnvelopeOptions) {
  const cipher: WechatCipher | undefined =
    options.encodingAesKey && options.appId
      ? createWechatCipher({ encodingAesKey: options.encodingAesKey, appId: options.appId })
      : undefined;
  const now = options.now ?? Date.now;

  const decrypt = (encrypted: string): string => {
    if (!cipher) throw badRequest('encrypted message but no EncodingAESKey configured');
    // What cannot be decrypted is already a BAD_REQUEST AppError with its reason in the details.
    return cipher.decrypt(encrypted);
  };

  const verifiedQuery = (query: unknown): SignedQuery => {
    const parsed = signedQuerySchema.safeParse(query);
    if (!parsed.success) throw badRequest('missing or malformed signature, timestamp or nonce');
    const { signature, timestamp, nonce } = parsed.data;
    if (!signatureMatches(signature, wechatSignature(options.token, timestamp, nonce))) throw badSignature('signature');
    // The signature never expires by itself: without this a query string seen once (a log, a proxy) is valid forever.
    if (Math.abs(now() - Number(timestamp) * 1000) > signatureWindowMs) throw stale();
    return parsed.data;
  };

  const verifyMessageSignature = (query: SignedQuery, encrypted: string) => {
    const expected = wechatSignature(options.token, query.timestamp, query.nonce, encrypted);
    if (!signatureMatches(query.msg_signature, expected)) throw badSignature('msg_signature');
  };

  return {
    safeMode: cipher !== undefined,

    /** Throws unless the query carries WeChat's signature: checked before a body is even read. */
    checkQuery(query: unknown): void {
      verifiedQuery(query);
    },

    /** URL verification: the echostr to send back (decrypted when WeChat sent it encrypted). */
    echo(query: unknown): string {
      const verified = verifiedQuery(query);
      if (!verified.echostr) throw badRequest('echostr missing');
      if (!verified.msg_signature || !cipher) return verified.echostr;
      verifyMessageSignature(verified, verified.echostr);
      return decrypt(verified.echostr);
    },

    /**
     * The message of a POST, decrypted when it came encrypted, with the verified query (its timestamp and nonce
     * are for the replay check); throws 4xx AppErrors for anything wrong.
     */
    open(query: unknown, body: unknown): { fields: Record<string, unknown>; encrypted: boolean; query: SignedQuery } {
      const verified = verifiedQuery(query);
      if (typeof body !== 'string' || body.trim() === '') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持这种内容格式。', { details: { reason: 'no XML body' } });
      }
      const outer = parseWechatXml(body);
      const envelope = encryptedEnvelopeSchema.safeParse(outer);
      if (!envelope.success) {
        // With a key configured WeChat always sends Encrypt (safe and compatible mode); a plaintext body is
        // covered by no signature (the URL's signs only the query) and could carry anyone's openid.
        if (cipher) throw badRequest('plaintext body in safe mode');
        return { fields: outer, encrypted: false, query: verified };
      }
      verifyMessageSignature(verified, envelope.data.Encrypt);
      return { fields: parseWechatXml(decrypt(envelope.data.Encrypt)), encrypted: true, query: verified };
    },

    /** A reply for a request that came encrypted: encrypted and signed the way WeChat checks it. */
    seal(replyXml: string): string {
      if (!cipher) throw new Error('seal needs safe mode');
      const encrypt = cipher.encrypt(replyXml);
      const timestamp = String(Math.floor(now() / 1000));
      const nonce = String(randomInt(100_000_000, 1_000_000_000));
      return encryptedReplyXml({ encrypt, signature: wechatSignature(options.token, timestamp, nonce, encrypt), timestamp, nonce });
    },
  };
}

export type WechatEnvelope = ReturnType<typeof createWechatEnvelope>;
