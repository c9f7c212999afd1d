import { asksAboutPeriodOrPlace, profileDocument } from './document-profile';

describe('document profile', () => {
  it('marks a notice written for the epidemic period as time-bound, a standing law not', () => {
    const notice = profileDocument([
      { text: '为做好新冠肺炎疫情防控期间的社会保险工作，现就阶段性减免企业社会保险费通知如下。' },
      { text: '疫情期间，参保单位可延期缴纳社会保险费，2020年6月底前补缴。' },
    ]);
    const law = profileDocument([
      { text: '第十九条 个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算。' },
      { text: '第四十五条 失业人员符合下列条件的，从失业保险基金中领取失业保险金。' },
    ]);
    expect(notice.timeBound).toBe(true);
    expect(law.timeBound).toBe(false);
  });

  it('one passing mention of a period in a long text does not make it time-bound', () => {
    expect(profileDocument([{ text: `${'第一条 国家保障公民的劳动权利。'.repeat(200)}疫情` }]).timeBound).toBe(false);
  });

  it('a question naming a period, a province, a city or an authority may ask about a notice', () => {
    expect(asksAboutPeriodOrPlace('疫情期间社保可以缓交吗？')).toBe(true);
    expect(asksAboutPeriodOrPlace('湖北省免征社保缴费期限为多久？')).toBe(true);
    expect(asksAboutPeriodOrPlace('天津市对一线医护人员有什么补贴？')).toBe(true);
    expect(asksAboutPeriodOrPlace('国务院对企业复工有哪些要求？')).toBe(true);
  });

  it('an everyday question about one’s own situation does not, even when it names a shop or the city', () => {
    expect(asksAboutPeriodOrPlace('换了个城市上班，之前交的养老保险怎么办？')).toBe(false);
    expect(asksAboutPeriodOrPlace('超市卖给我过期的面包，能找谁赔？')).toBe(false);
    expect(asksAboutPeriodOrPlace('退休了每个月的养老金怎么算？')).toBe(false);
  });
});
