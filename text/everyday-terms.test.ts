import { createThesaurus, readEverydayTerms, withoutFillers } from './everyday-terms';

describe('the everyday → official thesaurus', () => {
  const thesaurus = createThesaurus([
    { everyday: ['欠工资', '拖欠工资'], official: ['拖欠劳动报酬', '工资支付'] },
    { everyday: ['物业费'], official: ['物业服务费用'] },
    { everyday: ['物业'], official: ['物业服务企业'] },
    { everyday: ['扣身份证'], official: ['扣押劳动者身份证'] },
  ]);

  it('adds the official terms of the everyday forms a question holds, once each', () => {
    expect(thesaurus('老板欠工资不给，拖欠工资三个月了')).toEqual(['拖欠劳动报酬', '工资支付']);
    expect(thesaurus('今天天气怎么样')).toEqual([]);
  });

  it('matches the longest form first and uses each place of the question once', () => {
    expect(thesaurus('物业费太贵了')).toEqual(['物业服务费用']);
    expect(thesaurus('物业费太贵，物业也不管事')).toEqual(['物业服务费用', '物业服务企业']);
  });

  it('finds a form that particles or softeners split (欠了工资, 扣着身份证)', () => {
    expect(thesaurus('老板欠了工资一直不给')).toEqual(['拖欠劳动报酬', '工资支付']);
    expect(thesaurus('厂里扣着我的身份证')).toEqual([]);
    expect(thesaurus('厂里扣着身份证不还')).toEqual(['扣押劳动者身份证']);
  });

  it('adds every entry that lists a form (the file is written in parts)', () => {
    const twice = createThesaurus([
      { everyday: ['押金'], official: ['扣押劳动者身份证', '收取财物'] },
      { everyday: ['押金', '不退押金'], official: ['租赁', '押金'] },
    ]);
    expect(twice('房东扣着押金')).toEqual(['扣押劳动者身份证', '收取财物', '租赁', '押金']);
  });

  it('reads the shipped file: every entry has everyday forms and official terms', () => {
    const entries = readEverydayTerms();
    expect(entries.length).toBeGreaterThan(250);
    for (const entry of entries) {
      expect(entry.everyday.length).toBeGreaterThan(0);
      expect(entry.official.length).toBeGreaterThan(0);
      for (const form of entry.everyday) expect(form.trim()).toBe(form);
    }
  });

  it('leaves filler words out of what is matched', () => {
    expect(withoutFillers('我想问一下现在能不能办').replace(/\s+/g, '')).toBe('办');
    expect(withoutFillers('俺家的地咱们村给占了').replace(/\s+/g, '')).toBe('地村占');
  });
});
