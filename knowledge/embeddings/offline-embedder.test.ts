import { embedderContract } from './embedder.contract';
import { createOfflineEmbedder } from './offline-embedder';

embedderContract('offline', async () => ({ embedder: createOfflineEmbedder() }));

describe('offline embedder', () => {
  it('puts texts that share phrases closer than unrelated ones', async () => {
    const [question, related, unrelated] = await createOfflineEmbedder().embed([
      '公积金贷款的条件',
      '职工申请住房公积金贷款应当符合下列条件',
      '幼儿园招生报名时间安排',
    ]);
    const cosine = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);
    expect(cosine(question!, related!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.1);
  });
});
