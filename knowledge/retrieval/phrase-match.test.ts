import { createPhraseMatcher, phraseMatch } from './phrase-match';

/** The measure as first written (substrings built per passage), kept as the reference for the prepared matcher. */
function reference(question: string, passage: string): number {
  const characters = [...question.replace(/[\s\p{P}\p{S}]+/gu, '')];
  if (characters.length < 2) return 0;
  let score = 0;
  let index = 0;
  while (index < characters.length) {
    let length = 1;
    while (index + length < characters.length && passage.includes(characters.slice(index, index + length + 1).join(''))) length += 1;
    if (length >= 2) score += length * length;
    index += length;
  }
  return score / (characters.length * characters.length);
}

describe('phrase match', () => {
  it('scores long shared runs by their length squared', () => {
    expect(phraseMatch('因疫情影响暂停举办的展会', '因疫情影响暂停举办的展会，主办方应当退还展位费。')).toBe(1);
    expect(phraseMatch('失业金怎么领', '领取失业保险金的条件')).toBeCloseTo(4 / 36);
    expect(phraseMatch('好', '好')).toBe(0);
  });

  it('gives what the reference gives, for one question prepared once and many passages, characters beyond UTF-16 included', () => {
    const alphabet = [...'失业保险金领取条件社会𠮷公积金提取住房物业费噪声，。 ？'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let question = 0; question < 50; question += 1) {
      const asked = text(2 + Math.floor(random() * 20));
      const matcher = createPhraseMatcher(asked);
      for (let passage = 0; passage < 20; passage += 1) {
        const written = text(Math.floor(random() * 120));
        expect(matcher(written)).toBe(reference(asked, written));
      }
    }
  });
});
