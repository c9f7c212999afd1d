import { maskPersonalData } from '../intelligence/privacy/mask-personal-data';

/** Words that say what was done or what the citizen should do: the part of a reply worth following. */
const actionCue =
  /(已|经|将|安排|协调|责成|督促|整改|维修|修复|清理|处理|落实|办理|核实|查处|约谈|答复|可以|可向|可到|请您|建议您|需携带|联系)/;
/** Courtesy that says nothing about handling. */
const courtesy = /^(您好|你好|尊敬的|感谢|谢谢|特此|此复|如有疑问)|(感谢您|谢谢您|欢迎您)/;

/**
 * Up to `limit` sentences of a past reply that describe the handling, in their original order and
 * wording (quoted, never rewritten), with personal data masked.
 */
export function handlingQuotes(reply: string, limit = 2): string[] {
  // Sentences keep their final mark: a quote is shown as it was written.
  const sentences = (reply.replace(/\s+/g, ' ').match(/[^。！？；]+[。！？；]?/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 8 && sentence.length <= 160 && !courtesy.test(sentence) && actionCue.test(sentence));
  return sentences.slice(0, limit).map(maskPersonalData);
}
