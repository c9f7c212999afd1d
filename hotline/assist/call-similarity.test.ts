import { agreesWithCall, isCallLength } from './call-similarity';

describe('similar cases for call-length text', () => {
  it('treats a sentence or two as a call, a letter as a written appeal', () => {
    expect(isCallLength('我们小区电梯坏了一个多月了物业一直不修')).toBe(true);
    expect(isCallLength('字'.repeat(301))).toBe(false);
  });

  it('keeps a case over the written threshold, and below it only one that shares a topic with the call', () => {
    expect(agreesWithCall({ score: 0.3 }, [], ['物业服务'])).toBe(true);
    expect(agreesWithCall({ score: 0.14 }, ['物业服务', '电梯'], ['物业服务'])).toBe(true);
    expect(agreesWithCall({ score: 0.14 }, ['住房公积金'], ['物业服务'])).toBe(false);
    expect(agreesWithCall({ score: 0.14 }, undefined, ['物业服务'])).toBe(false);
  });
});
