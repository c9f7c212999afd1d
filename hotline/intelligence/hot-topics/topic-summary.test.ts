import { createTokenizer } from '../../../text';
import { readDemoData } from '../../demo/demo-data-files';
import { loadAppealIntelligence } from '../appeal-intelligence';
import { cleanAppealText } from '../text/clean-appeal-text';
import { summariseTopic, topicSummaryFrameWords } from './topic-summary';

const tokenizer = createTokenizer();
const demo = readDemoData();
const intelligence = loadAppealIntelligence({ tokenizer });

/** The housing bureau, the housing fund centre and the natural resources bureau: three units, different duties. */
const unitIds = ['zjj', 'gjj', 'zrzyj'];

const topicsOf = (unitId: string) => {
  const unit = demo.units.find((candidate) => candidate.id === unitId);
  if (!unit) throw new Error(`no demo unit ${unitId}`);
  const appeals = demo.appeals
    .filter((appeal) => appeal.unitId === unitId)
    .map((appeal, index) => ({
      id: appeal.id,
      title: appeal.title,
      content: appeal.content,
      receivedAt: new Date(Date.UTC(2026, 0, 1) - index * 86_400_000),
    }));
  const byId = new Map(appeals.map((appeal) => [appeal.id, appeal]));
  return intelligence
    .hotTopics(appeals, unit, { limit: 50 })
    .map((topic) => ({ topic, members: topic.memberIds.map((id) => byId.get(id)!) }));
};

/** The words of a summary that carry content: not our framing words, not punctuation, not counts. */
const contentWords = (summary: string) => {
  let text = summary;
  for (const frame of topicSummaryFrameWords) text = text.split(frame).join(' ');
  return tokenizer.tokens(text).filter((token) => /[\u4e00-\u9fa5A-Za-z]/u.test(token) && !/^\d+$/.test(token));
};

describe('hot topic summaries are built from the appeals', () => {
  test.each(unitIds)('every content word of every summary of %s occurs in that topic’s appeals', (unitId) => {
    const topics = topicsOf(unitId);
    expect(topics.length).toBeGreaterThan(0);
    let words = 0;
    for (const { topic, members } of topics) {
      // The tokenizer lower-cases Latin letters (the anonymised codes such as A7县).
      const appealsText = members.map((member) => cleanAppealText(`${member.title}\n${member.content}`).toLowerCase()).join('\n');
      const missing = contentWords(topic.summary).filter((word) => !appealsText.includes(word));
      expect({ topic: topic.topic, summary: topic.summary, missing }).toEqual({ topic: topic.topic, summary: topic.summary, missing: [] });
      words += contentWords(topic.summary).length;
      // One to three sentences, and never the old template "话题：N件，多涉及…".
      const sentences = topic.summary.split('。').filter((sentence) => sentence !== '');
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
      expect(topic.summary).not.toMatch(/件，多涉及/);
      expect(topic.summary).not.toContain(topic.topic + '：');
    }
    expect(words).toBeGreaterThan(topics.length * 5);
  });

  test('every place and demand named occurs in one of the topic’s appeals, and counts are true', () => {
    for (const unitId of unitIds) {
      for (const { topic, members } of topicsOf(unitId)) {
        const texts = members.map((member) => cleanAppealText(`${member.title}\n${member.content}`));
        const places = /涉及(.+?)(?:等地)?。/u.exec(topic.summary)?.[1]?.split('、') ?? [];
        for (const named of places) {
          const [, place, count] = /^(.+?)(?:（(\d+)件）)?$/u.exec(named)!;
          const naming = texts.filter((text) => text.includes(place)).length;
          expect({ place, found: naming >= Math.max(1, Number(count ?? 1)) }).toEqual({ place, found: true });
        }
        const demands = /市民希望(.+?)。/u.exec(topic.summary)?.[1]?.split('、') ?? [];
        for (const demand of demands)
          expect({ demand, found: texts.some((text) => text.includes(demand)) }).toEqual({ demand, found: true });
        const issues = /反映较多的是：(.+?)。/u.exec(topic.summary)?.[1]?.split('；') ?? [];
        for (const issue of issues) {
          const pieces = issue.split('，');
          expect({ issue, found: texts.some((text) => pieces.every((piece) => text.includes(piece))) }).toEqual({ issue, found: true });
        }
      }
    }
  });

  test('the housing bureau’s 物业服务 names what is reported, asked and where', () => {
    const property = topicsOf('zjj').find(({ topic }) => topic.topic === '物业服务');
    expect(property?.topic.summary).toMatch(/^反映较多的是：.+。市民希望.+。涉及.+。$/u);
  });

  test('an empty or bare group gives an empty summary rather than an invented one', () => {
    expect(summariseTopic([])).toBe('');
    expect(summariseTopic([{ title: '', content: '好' }])).toBe('');
  });
});
