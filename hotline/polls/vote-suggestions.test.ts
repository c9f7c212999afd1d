import { voteSuggestions } from './vote-suggestions';

describe('voteSuggestions', () => {
  it('asks about the unit’s own duty topics, two to four questions', () => {
    const questions = voteSuggestions({ name: '宁德市住房和城乡建设局', dutyTopics: ['物业管理', '房屋安全', '建筑市场'], duties: '' });
    expect(questions).toEqual([
      '物业管理有哪些政策规定？',
      '房屋安全方面的问题可以找谁反映？',
      '宁德市住房和城乡建设局什么时候来接听12345热线？',
      '关于建筑市场，以前有人反映过类似问题吗？',
    ]);
  });

  it('still gives at least two questions for a unit without duty topics', () => {
    const questions = voteSuggestions({ name: '宁德市消防救援支队', dutyTopics: [], duties: '' });
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.every((question) => question.includes('宁德市消防救援支队'))).toBe(true);
  });
});
