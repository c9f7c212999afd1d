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

/** Words for a role, not a name: "游客唐女士" is 唐女士 the tourist, and a name may follow them. */
const roleWords = '游客|顾客|乘客|客户|业主|租户|患者|家属|老师|医生|同事|朋友|师傅|司机|经理|老板|领导|工作人员|房东|邻居';

/**
 * A full name before 先生/女士: a surname and one or two given-name characters, starting where a name
 * can start (the beginning, punctuation, a word that introduces a person, or a role). "王先生" is
 * already masked; "市长先生" is no name.
 */
const nameIntroduction = `(^|[\\s，。！？、；：:,.!?（(“"'）)]|我是|我叫|名叫|本人|联系人|致|请|给|对|和|与|及|同|由|是|叫|向|${roleWords})`;
const singleSurnames = [...singleCharacterSurnames].join('');
const isRoleWord = new RegExp(roleWords, 'u');
const fullNamePattern = new RegExp(
  `${nameIntroduction}((?:${compoundSurnames.join('|')})|[${singleSurnames}])([\\u4e00-\\u9fff]{1,2})(先生|女士)`,
  'gu',
);

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
  return text
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
    .replace(fullNamePattern, (match, before: string, surname: string, given: string, title: string) =>
      isRoleWord.test(surname + given) ? match : `${before}${surname}${title}`,
    )
    .replace(flatPattern, (_match, building: string | undefined) => building ?? '');
}
