import { createTokenizer } from '../../../text';
import { readFixture } from '../fixtures/read-fixture';
import { createSimilarAppealIndex, defaultSimilarityThreshold } from './similar-appeal-index';

interface WrittenAppeal {
  id: string;
  user: string;
  title: string;
  content: string;
}

/** Real appeals (fixtures/README.md): pairs written by one citizen about one matter, among unrelated ones. */
const appeals = readFixture<WrittenAppeal>('similar-appeals.jsonl');
const pairs = [...new Set(appeals.map((appeal) => appeal.user))]
  .map((user) => appeals.filter((appeal) => appeal.user === user))
  .filter((group) => group.length === 2);

const tokenizer = createTokenizer();
const index = createSimilarAppealIndex({ tokenizer });
index.addAll(appeals);

describe('similar appeals by hybrid similarity (BM25 words + character bigrams)', () => {
  test('the same matter written again by the same citizen comes first, above the threshold', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const [first, second] of pairs) {
      const hits = index.search(first, { excludeIds: [first.id] });
      expect(hits[0]?.id).toBe(second.id);
      expect(hits[0]!.score).toBeGreaterThanOrEqual(defaultSimilarityThreshold);
    }
  });

  test('scores are between 0 and 1, best first, and never below the threshold', () => {
    for (const appeal of appeals) {
      const hits = index.search(appeal, { excludeIds: [appeal.id], limit: 10 });
      hits.forEach((hit, position) => {
        expect(hit.score).toBeGreaterThanOrEqual(defaultSimilarityThreshold);
        expect(hit.score).toBeLessThanOrEqual(1);
        if (position > 0) expect(hit.score).toBeLessThanOrEqual(hits[position - 1].score);
      });
    }
  });

  test('an appeal about something no past appeal mentions gets an empty list, not the least bad match', () => {
    const hits = index.search({
      title: '咨询出国留学人员回国创业的税收优惠',
      content: '本人在海外获得博士学位，准备回国创办软件企业，想了解有哪些税收减免政策。',
    });
    expect(hits).toEqual([]);
  });

  test('the appeal itself can be excluded, and removing an appeal takes it out of the results', () => {
    const [first, second] = pairs[0];
    expect(index.search(first, { excludeIds: [first.id] }).map((hit) => hit.id)).not.toContain(first.id);
    const local = createSimilarAppealIndex({ tokenizer });
    local.addAll(appeals);
    local.remove(second.id);
    expect(local.search(first, { excludeIds: [first.id] }).map((hit) => hit.id)).not.toContain(second.id);
    expect(local.size).toBe(appeals.length - 1);
  });

  test('an empty index finds nothing', () => {
    expect(createSimilarAppealIndex({ tokenizer }).search(appeals[0])).toEqual([]);
  });
});
