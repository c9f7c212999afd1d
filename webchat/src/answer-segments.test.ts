import { listedSourceNumbers, splitAnswer } from './answer-segments';

describe('splitAnswer', () => {
  it('turns [n] markers into citations of sources[n-1], keeping the text around them', () => {
    expect(splitAnswer('职工购买住房的[1]，离休退休的[2]。', 2)).toEqual([
      { kind: 'text', text: '职工购买住房的' },
      { kind: 'citation', number: 1 },
      { kind: 'text', text: '，离休退休的' },
      { kind: 'citation', number: 2 },
      { kind: 'text', text: '。' },
    ]);
  });

  it('keeps adjacent citations apart and handles markers at both ends', () => {
    expect(splitAnswer('[1][2]可以提取[3]', 3)).toEqual([
      { kind: 'citation', number: 1 },
      { kind: 'citation', number: 2 },
      { kind: 'text', text: '可以提取' },
      { kind: 'citation', number: 3 },
    ]);
  });

  it('leaves markers without a source as text (streaming, restored transcripts, [0], out of range)', () => {
    expect(splitAnswer('见[1]和[0]及[5]', 0)).toEqual([{ kind: 'text', text: '见[1]和[0]及[5]' }]);
    expect(splitAnswer('见[1]和[0]及[5]', 2)).toEqual([
      { kind: 'text', text: '见' },
      { kind: 'citation', number: 1 },
      { kind: 'text', text: '和[0]及[5]' },
    ]);
  });

  it('does not treat other brackets as citations and returns nothing for an empty answer', () => {
    expect(splitAnswer('第[一]条、[a]、【1】', 3)).toEqual([{ kind: 'text', text: '第[一]条、[a]、【1】' }]);
    expect(splitAnswer('', 3)).toEqual([]);
  });
});

describe('listedSourceNumbers', () => {
  it('lists the cited sources once each, in source order', () => {
    expect(listedSourceNumbers('甲[3]乙[1]丙[3]', 3)).toEqual([1, 3]);
  });

  it('lists every source when the answer cites none (or only numbers without a source)', () => {
    expect(listedSourceNumbers('没有标注', 2)).toEqual([1, 2]);
    expect(listedSourceNumbers('见[7]', 2)).toEqual([1, 2]);
    expect(listedSourceNumbers('答', 0)).toEqual([]);
  });
});
