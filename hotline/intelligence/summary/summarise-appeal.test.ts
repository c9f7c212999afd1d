import { createTokenizer } from '../../../text';
import { readFixture } from '../fixtures/read-fixture';
import { cleanAppealText } from '../text/clean-appeal-text';
import { createAppealSummariser, maximumSummaryLength } from './summarise-appeal';

interface FixtureAppeal {
  id: string;
  title: string;
  content: string;
}

const tokenizer = createTokenizer();
const summarise = createAppealSummariser({ tokenizer });
/** 147 real appeals of every type (fixtures/README.md) and the similar-appeal set. */
const appeals = [...readFixture<FixtureAppeal>('appeal-types.jsonl'), ...readFixture<FixtureAppeal>('similar-appeals.jsonl')];

describe('one-sentence summaries of real appeals', () => {
  test('are one sentence of at most 60 characters, never empty', () => {
    expect(appeals.length).toBeGreaterThan(150);
    for (const appeal of appeals) {
      const summary = summarise(appeal);
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.length).toBeLessThanOrEqual(maximumSummaryLength);
      expect(summary).not.toMatch(/[。！？!?；;\n].+/u);
    }
  });

  test('add no fact: every content word of the summary occurs in the appeal', () => {
    const missing: string[] = [];
    for (const appeal of appeals) {
      const source = cleanAppealText(`${appeal.title}\n${appeal.content}`);
      const summary = summarise(appeal);
      for (const word of tokenizer.contentTokens(summary)) {
        if (!source.toLowerCase().includes(word)) missing.push(`${appeal.id}: ${word} in ${summary}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('leave out the greeting and keep the matter and the request', () => {
    // unlabeled 194207 (the appeal's own words, shortened).
    const summary = summarise({
      title: '',
      content: '尊敬的领导：您好！A市自然村村民房屋后护坡垮塌，严重威胁我的安全。恳请相关部门尽快派人处理。谢谢！',
    });
    expect(summary).not.toMatch(/尊敬|您好|谢谢/u);
    expect(summary).toContain('护坡垮塌');
    expect(summary).toMatch(/尽快派人处理/u);
  });

  test('use the title as the problem when it states it, without the writer’s label', () => {
    // The title of replied 101259; the body shortened.
    const summary = summarise({
      title: '投诉K市东海家园拖延交房且停工',
      content: '我们是东海家园的业主，开发商一再拖延交房，工地已停工半年。',
    });
    expect(summary.startsWith('K市东海家园拖延交房且停工')).toBe(true);
  });
});
