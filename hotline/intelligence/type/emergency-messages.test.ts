import { readFixture } from '../fixtures/read-fixture';
import { classifyAppealType } from './classify-appeal-type';

/** Messages written for the project (fixtures/README.md): urgent, and danger-mentioning but not urgent. */
const messages = readFixture<{ text: string; urgent: boolean }>('emergency-messages.jsonl');

describe('紧急件 on messages that describe danger now and messages that only mention it', () => {
  const flagged = messages.map((message) => ({ ...message, flagged: classifyAppealType({ content: message.text }).type === '紧急件' }));
  const urgent = flagged.filter((message) => message.urgent);
  const notUrgent = flagged.filter((message) => !message.urgent);

  test('the set holds both kinds', () => {
    expect(urgent.length).toBeGreaterThanOrEqual(40);
    expect(notUrgent.length).toBeGreaterThanOrEqual(40);
  });

  test('recall is at least 0.95', () => {
    expect(urgent.filter((message) => message.flagged).length / urgent.length).toBeGreaterThanOrEqual(0.95);
  });

  test('false alarms are at most 10 %', () => {
    expect(notUrgent.filter((message) => message.flagged).length / notUrgent.length).toBeLessThanOrEqual(0.1);
  });

  test.each([
    ['去年小区燃气管道改造的费用怎么算'],
    ['建议加强消防检查'],
    ['父亲住院急需救命钱，请问大病救助怎么申请？'],
    ['城镇燃气管理条例对燃气泄漏有什么规定'],
  ])('%s is not 紧急件', (content) => {
    expect(classifyAppealType({ content }).type).not.toBe('紧急件');
  });
});
