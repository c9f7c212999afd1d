import { compoundSurnames, singleCharacterSurnames } from './chinese-surnames';

/**
 * Masks what identifies a person in a text shown to the public: phone numbers, ID card and bank card
 * numbers, e-mail addresses, licence plates, full names before 先生/女士, and the flat within a building.
 * Dates, amounts, case and article numbers and the 12345 hotline stay as they are: only digit runs of
 * the length and shape of a personal number are touched.
 */

/** Replaces the digits (and letters) of `value` with * except the first `keepStart` and last `keepEnd`. */
function maskCharacters(value: string, keepStart: number, keepEnd: number): string {
  const positions = [...value].map((character, index) => ({ character, index })).filter(({ character }) => /[0-9A-Za-z]/u.test(character));
  const masked = new Set(positions.slice(keepStart, Math.max(keepStart, positions.length - keepEnd)).map(({ index }) => index));
  return [...value].map((character, index) => (masked.has(index) ? '*' : character)).join('');
}

const notDigitBefore = '(?<![0-9A-Za-z])';
const notDigitAfter = '(?![0-9A-Za-z])';

/** 18-digit resident ID: region, birth date (19xx/20xx), sequence, check digit (X allowed). */
const idCardPattern = new RegExp(
  `${notDigitBefore}[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${notDigitAfter}`,
  'gu',
);
/** Bank cards: 16–19 digits, run together or in groups of four separated by spaces. */
const bankCardPattern = new RegExp(`${notDigitBefore}(?:\\d{16,19}|\\d{4}(?: \\d{4}){3}(?: \\d{1,3})?)${notDigitAfter}`, 'gu');
/** Mobile numbers, with +86 and separators as people write them. */
const mobilePattern = new RegExp(`${notDigitBefore}(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${notDigitAfter}`, 'gu');
/** Landlines with an area code: 0591-12345678, (0591)1234567, 0591 12345678. */
const landlinePattern = new RegExp(`${notDigitBefore}(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3}[-－— ]?)\\d{7,8}${notDigitAfter}`, 'gu');
/** A number right after a phone word is a phone number whatever its shape (no area code, 400 lines…). */
const labelledNumberPattern =
  /((?:电话|手机|手机号|联系方式|联系电话|座机|微信|QQ|qq|tel|Tel|TEL)(?:号码)?[：:\s是为]*)(\d[\d -]{5,14}\d)/gu;
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu;

/**
 * Licence plates: a province abbreviation, the city letter, five or six letters and digits (new-energy
 * plates have six). 楚 stands in the source data for a real province's abbreviation, so it is one too.
 */
const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领楚';
const platePattern = new RegExp(`([${plateProvinces}][A-Z])([·•.\\-\\s]?)([A-Z0-9]{5,6})${notDigitAfter}`, 'gu');

/**
 * Roles and titles, not names: "游客唐女士" is 唐女士 the tourist, "书记易红炼先生" is 易先生 the secretary. A
 * name may follow them, and none of their characters belongs to the name ("司机王先生" is 王先生).
 */
const roleWords = [
  ...'游客|顾客|乘客|客户|业主|租户|住户|患者|家属|老师|医生|同事|朋友|师傅|司机|经理|老板|领导|工作人员|房东|邻居'.split('|'),
  ...'书记|市长|县长|区长|镇长|乡长|村长|局长|处长|科长|股长|主任|部长|厅长|院长|校长|所长|站长|队长|组长|社长|行长|会长'.split('|'),
  ...'主席|委员|代表|律师|记者|教授|网友|市民|居民|村民|来访者|投诉人|举报人|当事人|申请人|反映人|负责人|联系人|本人'.split('|'),
];
/**
 * Surname characters that before another surname are far more often a word of their own: "我和王先生" and
 * "由林女士" are 王先生 and 林女士 already masked, not 和先生 and 由女士.
 */
const wordsBeforeAName = new Set('和于向由时位那');
/**
 * Common surnames that hardly ever end a given name: before 先生/女士 such a character is the surname of a
 * name already masked, and what precedes it is another word ("支付乙方刘女士", "工商所张女士").
 */
const surnamesNotEndingGivenNames = new Set(
  '王李张刘陈黄赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜魏吕沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段侯史陶贺顾毛郝龚邵钱严覃戴莫孔汤',
);
/** Characters no given name contains here: "那位先生", "各位女士", "我和我先生", "楼上阳女士". */
const notInGivenNames = new Set('位名个些的了是在和与及等们这那每各我你他她上下里外内姓');
const hanCharacter = /\p{Script=Han}/u;
/** 老先生 is one title: 张秋国老先生 is 张老先生. */
const titlePattern = /老?先生|女士/gu;

/** The surname and given name that end just before a 先生/女士, if the characters there are one. */
function fullNameBefore(before: string): { length: number; surname: string } | undefined {
  if (surnamesNotEndingGivenNames.has(before.at(-1) ?? '')) return undefined;
  // Role words cover their characters: no name is taken from inside "书记" or "司机".
  const covered = new Array<boolean>(before.length).fill(false);
  for (const word of roleWords) {
    for (let index = before.indexOf(word); index !== -1; index = before.indexOf(word, index + 1)) {
      covered.fill(true, index, index + word.length);
    }
  }
  // Longest first: a surname and two given characters, then one; compound surnames before single ones.
  for (const length of [4, 3, 2]) {
    if (length > before.length) continue;
    const start = before.length - length;
    if (covered.slice(start).some(Boolean)) continue;
    const name = before.slice(start);
    if (compoundSurnames.includes(name)) return undefined; // 欧阳先生: already just the surname
    const compound = compoundSurnames.find((surname) => name.startsWith(surname) && name.length - surname.length <= 2);
    const surname = compound ?? (length <= 3 && singleCharacterSurnames.has(name[0]!) ? name[0]! : undefined);
    if (!surname) continue;
    const given = name.slice(surname.length);
    if ([...given].some((character) => notInGivenNames.has(character))) continue;
    if (!compound && wordsBeforeAName.has(surname) && singleCharacterSurnames.has(given[0]!)) continue;
    return { length, surname };
  }
  return undefined;
}

/**
 * A full name before 先生/女士 keeps only the surname, whatever word or title comes before it (因刘地先生 →
 * 因刘先生, 书记易红炼先生 → 书记易先生). "王先生" is already masked; "市长先生" and "那位女士" are no names.
 */
function maskFullNames(text: string): string {
  let masked = '';
  let copiedUpTo = 0;
  for (const title of text.matchAll(titlePattern)) {
    let start = title.index;
    while (start > copiedUpTo && title.index - start < 6 && hanCharacter.test(text[start - 1]!)) start -= 1;
    const name = fullNameBefore(text.slice(start, title.index));
    if (!name) continue;
    masked += text.slice(copiedUpTo, title.index - name.length) + name.surname;
    copiedUpTo = title.index;
  }
  return masked + text.slice(copiedUpTo);
}

/**
 * The flat within a building is removed and the building kept: 7栋1005室 → 7栋, C10栋1109房 → C10栋,
 * 2栋3单元502 → 2栋; 3单元12号, 3-2-501 and 1005室 go. The estate and the building are as much as the
 * matter needs. A bare number after the building counts only with three or four digits and not as a
 * date, an amount or a count ("3栋2019年" stays).
 */
const numeral = '(?:[A-Za-z]?\\d+|[一二三四五六七八九十]+)';
const flatNumber = '(?:\\d+(?:室|房|号|户)|\\d{3,4}(?![\\d年月日元米平个人次万岁天%号线路街院]))';
const flatPattern = new RegExp(
  [
    `(${numeral}(?:栋|幢|号楼|座))(?:${numeral}单元)?(?:${numeral}(?:楼|层))?${flatNumber}(?![\\d号线路街院])`,
    `${numeral}单元(?:${numeral}(?:楼|层))?${flatNumber}(?![\\d号线路街院])`,
    `${notDigitBefore}\\d{1,2}-\\d{1,2}-\\d{3,4}${notDigitAfter}`,
    `${notDigitBefore}\\d{3,4}(?:室|房)(?![\\d号])`,
  ].join('|'),
  'gu',
);

export function maskPersonalData(text: string): string {
  return maskFullNames(text)
    .replace(emailPattern, (email) => `${email[0]}***${email.slice(email.indexOf('@'))}`)
    .replace(idCardPattern, (id) => maskCharacters(id, 3, 2))
    .replace(bankCardPattern, (card) => maskCharacters(card, 0, 4))
    .replace(mobilePattern, (mobile) => maskCharacters(mobile, mobile.replace(/\D/gu, '').length > 11 ? 5 : 3, 4))
    .replace(landlinePattern, (phone) => {
      const areaCode = /^[(（]?0\d{2,3}/u.exec(phone)?.[0].replace(/\D/gu, '').length ?? 0;
      return maskCharacters(phone, areaCode, 2);
    })
    .replace(labelledNumberPattern, (_match, label: string, number: string) => `${label}${maskCharacters(number, 0, 2)}`)
    .replace(platePattern, (_match, prefix: string, separator: string, rest: string) => `${prefix}${separator}${'*'.repeat(rest.length)}`)
    .replace(flatPattern, (_match, building: string | undefined) => building ?? '');
}
