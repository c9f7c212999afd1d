import { isAppError } from '../../common';
import { chunkDocument } from './chunk-document';
import { blocksFromText } from './document-blocks';
import { splitSentences } from '../../text';

describe('splitSentences', () => {
  it('cuts after 。！？； and keeps closing quotes with their sentence', () => {
    expect(splitSentences('第一句。第二句！“第三句？”第四句；最后没有句号')).toEqual([
      '第一句。',
      '第二句！',
      '“第三句？”',
      '第四句；',
      '最后没有句号',
    ]);
  });
});

describe('chunkDocument', () => {
  it('never cuts inside a sentence and keeps chunks within the size limit', () => {
    const sentence = '申请人应当如实提供家庭收入、财产和住房情况的证明材料。';
    const text = Array.from({ length: 40 }, () => sentence).join('');
    const chunks = chunkDocument({ title: '办法', blocks: blocksFromText(text) }, { maxCharacters: 200 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(200);
      expect(chunk.text.endsWith('。')).toBe(true);
    }
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
  });

  it('refuses a document as soon as it passes the chunk limit', () => {
    const text = 'A'.repeat(400 * 50);
    let failure: unknown;
    try {
      chunkDocument({ title: '炸弹', blocks: blocksFromText(text) }, { maxChunks: 10 });
    } catch (error) {
      failure = error;
    }
    expect(isAppError(failure) && [failure.status, failure.message]).toEqual([413, expect.stringContaining('段落超过 10 个')]);
    expect(chunkDocument({ title: '炸弹', blocks: blocksFromText(text) }, { maxChunks: 50 })).toHaveLength(50);
  });

  it('cuts an overlong sentence at commas', () => {
    const long = `${Array.from({ length: 30 }, (_, index) => `第${index}项材料`).join('，')}。`;
    const chunks = chunkDocument({ title: '清单', blocks: blocksFromText(long) }, { maxCharacters: 60 });
    expect(chunks.every((chunk) => chunk.text.length <= 60)).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(long);
  });

  it('recognises 编/章/节/条 in plain text and makes each article its own chunk', () => {
    const text = [
      '城市居民最低生活保障条例',
      '第一章 总则',
      '第一条 为了规范城市居民最低生活保障制度，制定本条例。',
      '第二条 持有非农业户口的城市居民，均有从当地人民政府获得基本生活物质帮助的权利。',
      '前款所称收入，是指共同生活的家庭成员的全部货币收入和实物收入。',
      '第二章 申请',
      '第一节 程序',
      '第七条 申请享受城市居民最低生活保障待遇，由户主向户籍所在地的街道办事处提出书面申请。',
    ].join('\n');
    const chunks = chunkDocument({ title: '城市居民最低生活保障条例', blocks: blocksFromText(text) });
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      ['城市居民最低生活保障条例'],
      ['城市居民最低生活保障条例', '第一章 总则', '第一条'],
      ['城市居民最低生活保障条例', '第一章 总则', '第二条'],
      ['城市居民最低生活保障条例', '第二章 申请', '第一节 程序', '第七条'],
    ]);
    expect(chunks[2]!.text).toContain('前款所称收入');
  });

  it('does not take a sentence that mentions an article for a new article', () => {
    const text = '第十条 依照本条例第八条第一款规定办理。\n第十条第二款规定的情形除外。';
    const chunks = chunkDocument({ title: '条例', blocks: blocksFromText(text) });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.headingPath).toEqual(['条例', '第十条']);
  });
});
