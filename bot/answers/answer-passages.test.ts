import { answerPassages, type AnswerChunk } from './answer-passages';

const chunks: Record<string, AnswerChunk[]> = {
  notice: [
    { text: '第一段。', headingPath: ['通知'] },
    { text: '第二段。', headingPath: ['通知'] },
    { text: '第三段。', headingPath: ['通知'] },
  ],
  law: [
    { text: '第一条正文。', headingPath: ['条例', '第一条'] },
    { text: '第二条正文。', headingPath: ['条例', '第二条'] },
  ],
};

describe('answerPassages', () => {
  const chunksOf = (documentId: string) => Promise.resolve(chunks[documentId] ?? []);

  it('appends the chunk after the best one, keeping the hits order so passage n is source n', async () => {
    const passages = await answerPassages(
      [
        { documentId: 'notice', title: '通知', headingPath: ['通知'], excerpt: '第二段。' },
        { documentId: 'notice', title: '通知', headingPath: ['通知'], excerpt: '第三段。' },
      ],
      chunksOf,
    );
    expect(passages.map((passage) => passage.text)).toEqual(['第二段。\n第三段。', '第三段。']);
    expect(passages[0]).toMatchObject({ title: '通知', headingPath: ['通知'] });
  });

  it('does not run into the next law article, and uses the excerpt alone when its chunk is unknown', async () => {
    const passages = await answerPassages(
      [
        { documentId: 'law', title: '条例', headingPath: ['条例', '第一条'], excerpt: '第一条正文。' },
        { documentId: 'missing', title: 'X', headingPath: ['X'], excerpt: '孤立的段落。' },
      ],
      chunksOf,
      { following: 2 },
    );
    expect(passages.map((passage) => passage.text)).toEqual(['第一条正文。', '孤立的段落。']);
  });

  it('passes excerpts through untouched when no following chunk is wanted', async () => {
    const passages = await answerPassages([{ documentId: 'notice', title: '通知', headingPath: ['通知'], excerpt: '第一段。' }], chunksOf, {
      following: 0,
    });
    expect(passages[0]!.text).toBe('第一段。');
  });
});
