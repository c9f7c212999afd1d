import { readAnswerDone, readDelta, readReady, readServerError } from './protocol';

describe('protocol readers', () => {
  it('reads ready, keeping only well-formed user and assistant turns', () => {
    expect(
      readReady({
        conversationId: 'c1',
        messages: [{ role: 'user', content: '你好' }, { role: 'tool', content: 'x' }, { role: 'assistant' }, null],
      }),
    ).toEqual({ conversationId: 'c1', messages: [{ role: 'user', content: '你好' }] });
    expect(readReady({ conversationId: null })).toEqual({ conversationId: null, messages: [] });
    expect(readReady('nonsense')).toBeUndefined();
  });

  it('reads answer:done with lenient sources and suggestions', () => {
    expect(
      readAnswerDone({
        conversationId: 'c1',
        answer: '可以提取[1]。',
        sources: [{ source: 'laws/a.md', headingPath: ['第三章', 7], excerpt: '摘录' }, 'bad'],
        suggestions: ['还有吗？', '', 3],
        refused: false,
        extra: true,
      }),
    ).toEqual({
      conversationId: 'c1',
      answer: '可以提取[1]。',
      sources: [{ source: 'laws/a.md', title: 'laws/a.md', headingPath: ['第三章'], excerpt: '摘录' }],
      suggestions: ['还有吗？'],
      refused: false,
      pages: [],
    });
    expect(readAnswerDone({ sources: [] })).toBeUndefined();
  });

  it('keeps only column pages on the site itself', () => {
    const read = readAnswerDone({
      answer: '霞浦县人民政府的往期诉求共12条。',
      pages: [
        { label: '在栏目“往期回顾”查看', path: '/appeals?unit=xpx' },
        { label: '别处', path: '//evil.example/x' },
        { label: '别处', path: 'https://evil.example/x' },
        { label: '', path: '/stats' },
        'bad',
      ],
    });
    expect(read?.pages).toEqual([{ label: '在栏目“往期回顾”查看', path: '/appeals?unit=xpx' }]);
  });

  it('reads deltas and errors, falling back to a Chinese message when the server gave none', () => {
    expect(readDelta({ text: '住房' })).toBe('住房');
    expect(readDelta({})).toBeUndefined();
    expect(readServerError({ code: 'RATE_LIMITED', message: '您发得太快了' })).toEqual({ code: 'RATE_LIMITED', message: '您发得太快了' });
    expect(readServerError(undefined).message).toContain('12345');
  });
});
