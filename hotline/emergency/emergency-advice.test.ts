import { readFixture } from '../intelligence/fixtures/read-fixture';
import { findEmergencyInMessage } from './emergency-advice';

const messages = readFixture<{ text: string; urgent: boolean }>('emergency-messages.jsonl');

describe('emergency advice for a message', () => {
  test('a gas leak gets the numbers and the gas safe action: leave, no switches or flames, call from outside', () => {
    const found = findEmergencyInMessage('燃气泄漏了怎么办')!;
    expect(found.kind).toBe('gas');
    const advice = found.advice.join('\n');
    for (const words of ['119', '110', '120', '离开', '不要开关电灯', '不要点火', '室外', '燃气公司', '不要等待在线回复'])
      expect(advice).toContain(words);
  });

  test.each([
    ['家里着火了', 'fire', '119'],
    ['我被困在电梯里了', 'trapped', '紧急呼叫按钮'],
    ['电线掉在地上了，还冒火花', 'electric', '远离电线'],
    ['暴雨水已经灌进家里了', 'flood', '高处'],
    ['有人在街上持刀砍人', 'violence', '110'],
    ['我爸突然晕倒了，叫不醒', 'medical', '120'],
  ])('%s: %s advice', (text, kind, words) => {
    const found = findEmergencyInMessage(text)!;
    expect(found.kind).toBe(kind);
    expect(found.advice.join('')).toContain(words);
    expect(found.advice[0]).toContain('火警119');
  });

  test('every urgent message of the written set is found, and at most 10 % of the others', () => {
    const urgent = messages.filter((message) => message.urgent);
    const others = messages.filter((message) => !message.urgent);
    expect(urgent.filter((message) => findEmergencyInMessage(message.text)).length / urgent.length).toBeGreaterThanOrEqual(0.95);
    expect(others.filter((message) => findEmergencyInMessage(message.text)).length / others.length).toBeLessThanOrEqual(0.1);
  });

  test('questions about rules and prevention are not emergencies', () => {
    expect(findEmergencyInMessage('去年小区燃气管道改造的费用怎么算')).toBeNull();
    expect(findEmergencyInMessage('建议加强消防检查')).toBeNull();
    expect(findEmergencyInMessage('')).toBeNull();
  });
});
