import { readAppealTopics } from './appeal-topics';
import { createTopicTagger } from './topic-tagger';

/** The service's copy of the official appeal taxonomy (data/demo/appeal-topics.jsonl, 517 rows). */
const tagger = createTopicTagger({ topics: readAppealTopics() });
const topicsOf = (appeal: { title?: string; content: string }) => tagger.tag(appeal).map((tag) => tag.topic);

describe('topic tags from the level-3 topics of the appeal taxonomy', () => {
  test('name the topic of real appeals by the words citizens use', () => {
    // Titles and sentences of appeals in the demo data (replied and unlabeled files of the shared data).
    expect(
      topicsOf({ title: 'A7县未来漫城物业不作为，还能评为五星级', content: '物业公司收了物业费却不管小区卫生和电梯维修。' }),
    ).toContain('物业服务');
    expect(topicsOf({ title: '咨询A7县办理不动产证的问题', content: '请问购房后多久可以办理不动产证？' })).toContain('房产证登记、办理');
    expect(topicsOf({ title: '公积金贷款额度咨询', content: '请问住房公积金贷款最高能贷多少？' })[0]).toBe('住房公积金');
    expect(topicsOf({ title: 'A市中南汽车世界夜宵摊点乱摆乱放噪音扰民', content: '夜宵摊点噪音扰民到凌晨。' })).toContain('噪音污染');
  });

  test('give one to three tags, each a level-3 topic of the taxonomy', () => {
    const topics = new Set(readAppealTopics().map((topic) => topic.level3));
    const tags = topicsOf({
      title: '小区物业乱收停车费，开发商延期交房，燃气管道也没通',
      content: '物业公司乱收费，开发商交房一拖再拖，天然气至今没有开通，业主苦不堪言。',
    });
    expect(tags.length).toBeGreaterThanOrEqual(1);
    expect(tags.length).toBeLessThanOrEqual(3);
    for (const tag of tags) expect(topics.has(tag)).toBe(true);
  });

  test('count the longest word: 信号灯 is a traffic light, not a phone signal', () => {
    const tags = topicsOf({ title: '建议在路口增设信号灯', content: '这个路口没有信号灯，车流量大，行人过马路很危险。' });
    expect(tags).toContain('交通安全管理');
    expect(tags).not.toContain('通信保障');
  });

  test('no tag when no topic word occurs', () => {
    expect(topicsOf({ content: '谢谢。' })).toEqual([]);
  });
});
