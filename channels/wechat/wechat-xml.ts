import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { containsControlCharacter } from '../../common';
import { AppError } from '../../common';

/** Why a body was refused; the handler answers 400 and logs the reason, never the body. */
const badXml = (reason: string) => new AppError('BAD_REQUEST', '请求格式不正确。', { details: { reason } });

// Entity declarations only exist inside a DOCTYPE; WeChat never sends one, so any is refused before a
// parser sees it and no entity is ever expanded ("billion laughs", external entities).
const declarationPattern = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Values stay strings: MsgId has 17 digits, beyond what a JavaScript number holds exactly.
  parseTagValue: false,
  // The five predefined entities and character references are decoded below, by us, with nothing to expand.
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  maxNestedTags: 8,
});

const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|apos|quot);/gi, (whole, name: string) => {
    if (name[0] !== '#') return predefinedEntities[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Parses one WeChat XML document and returns the fields of its `<xml>` root, as strings. */
export function parseWechatXml(body: string): Record<string, unknown> {
  if (declarationPattern.test(body)) throw badXml('DOCTYPE or entity declaration');
  if (XMLValidator.validate(body) !== true) throw badXml('malformed XML');
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    throw badXml('unparseable XML');
  }
  const root = (document as { xml?: unknown } | undefined)?.xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw badXml('no <xml> root');
  return Object.fromEntries(Object.entries(root).map(([name, value]) => [name, typeof value === 'string' ? decodeEntities(value) : value]));
}

const optionalText = z.string().optional().catch(undefined);
// Account ids are looked up in the database; the message text itself is judged by Xiaoning, which answers kindly.
const accountId = z
  .string()
  .min(1)
  .max(128)
  .refine((id) => !containsControlCharacter(id));

/** Only the fields Xiaoning uses; anything else WeChat adds is kept in `raw` and ignored here. */
export const inboundMessageSchema = z.object({
  ToUserName: accountId,
  FromUserName: accountId,
  CreateTime: z.string().regex(/^\d{1,12}$/),
  MsgType: z.string().min(1),
  MsgId: optionalText,
  Content: optionalText,
  Recognition: optionalText,
  MediaId: optionalText,
  Format: optionalText,
  Event: optionalText,
  EventKey: optionalText,
});

export type WechatInbound = z.infer<typeof inboundMessageSchema>;

/** The envelope of a safe-mode request: the real message is in Encrypt. */
export const encryptedEnvelopeSchema = z.object({ Encrypt: z.string().min(1) });
