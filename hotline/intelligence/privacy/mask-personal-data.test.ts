import { readDemoData } from '../../demo/demo-data-files';
import { maskPersonalData } from './mask-personal-data';

/**
 * Sentences of real appeals from the shared data (../shared/data/appeals, named by file and id). The
 * source already replaced most phone, ID and e-mail numbers with zeros or stars ("0000-00000000"); where
 * a test needs a number of the real shape, the placeholder is filled with a made-up one, as marked.
 */
describe('masking personal data in real appeal texts', () => {
  test('mobile numbers keep their first three and last four digits (labeled-train dev-109, number filled in)', () => {
    const masked = maskPersonalData('我是M9县新场学区中心完小的教师傅仕昌，电话13974125896，我与去年（2014）参加');
    expect(masked).toContain('电话139****5896');
    expect(masked).not.toMatch(/13974125896/);
    expect(masked).toContain('去年（2014）'); // a year is no phone number
  });

  test('a number after a phone word is masked whatever its shape (labeled-train dev-714, as written)', () => {
    const masked = maskPersonalData('与开发商（L市神龙房地产开发有限公司，负责人：陈学良，电话：2312528）联系，未解决');
    expect(masked).toContain('电话：*****28');
    expect(masked).not.toContain('2312528');
  });

  test('landlines keep the area code (labeled-train dev-118, number filled in); the date after it stays', () => {
    expect(maskPersonalData('申诉人：向春梅联系电话：0731-84512367 2016年10月31日')).toBe(
      '申诉人：向春梅联系电话：0731-******67 2016年10月31日',
    );
  });

  test('ID card numbers keep only the first three and last two characters (labeled-train annex2-19386, number filled in)', () => {
    const masked = maskPersonalData('A市轴承厂　刘旷　　身份证号：43010319850712451X　　手机号码：0000-00000000');
    expect(masked).toContain('身份证号：430*************1X');
    expect(masked).not.toContain('19850712');
  });

  test('bank card numbers keep the last four digits, grouped or not', () => {
    // labeled-train dev-108 tells of bank cards taken by a pyramid scheme; the card number is made up.
    expect(maskPersonalData('他们拿走了我儿子的银行卡（卡号6222021908012345678）')).toContain('卡号***************5678');
    expect(maskPersonalData('卡号 6222 0219 0801 2345')).toBe('卡号 **** **** **** 2345');
  });

  test('e-mail addresses keep the first character and the domain (labeled-train dev-251, address filled in)', () => {
    const masked = maskPersonalData('24小时举报电话（0000-00000000）和举报邮箱（yz0731-15926@126.com），并在三区政府');
    expect(masked).toContain('举报邮箱（y***@126.com）');
    expect(masked).not.toContain('yz0731');
  });

  test.each([
    ['labeled-train annex2-184969', '市民举报滴滴出行司机（楚DD1788，）无网约车驾驶证', '楚D*****'],
    ['labeled-train dev-835', '车牌号：楚N0LS51。我在看完现车后与该4S店签订了购车合同', '楚N*****'],
    ['labeled-train dev-1004', '车牌号楚D41783的D8县籍车辆，该车辆营运资质及营运手续不符合要求', '楚D*****'],
    ['labeled-train dev-1287', '楚AM8W76不明身份救护车长期停靠在西地省人民医院急诊科门口', '楚A*****'],
  ])('licence plates keep the province and city letter (%s, as written)', (_source, text, expected) => {
    expect(maskPersonalData(text)).toContain(expected);
  });

  test('a full name before 先生/女士 becomes surname + 先生/女士; a role or office is no name', () => {
    // labeled-train annex2-1018 writes 唐女士; the given name is added to show it is taken away again.
    expect(maskPersonalData('其间我和游客唐丽华女士跟阿强理论为什么没有按照合同规定行程走？')).toBe(
      '其间我和游客唐女士跟阿强理论为什么没有按照合同规定行程走？',
    );
    expect(maskPersonalData('联系人张三先生，电话：0000-00000000')).toContain('联系人张先生');
    expect(maskPersonalData('市长先生：A市路桥规费征收多年')).toBe('市长先生：A市路桥规费征收多年'); // labeled-train annex2-14784
    expect(maskPersonalData('游客唐女士跟阿强理论')).toBe('游客唐女士跟阿强理论');
  });

  test.each([
    ['replied-39099', '超过部分由患者个人自付。” 因刘地先生本人无联系方式', '超过部分由患者个人自付。” 因刘先生本人无联系方式'],
    ['replied-25681', '根据今年6月A市委书记易红炼先生指示——闲置土地由市民共享', '根据今年6月A市委书记易先生指示——闲置土地由市民共享'],
    ['a title before a two-character name', '院长王丽先生答复', '院长王先生答复'],
    ['a surname-like word before the name', '我和王丽华女士一起去', '我和王女士一起去'],
    ['labeled-train, 老先生 is one title', '村民小组张秋国老先生反映', '村民小组张老先生反映'],
  ])('a full name after any word or title keeps only its surname (%s, as written)', (_source, text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  test.each([
    '我和王先生一起去', // 和 is a word here, 王先生 the masked name
    '由林女士签收',
    '请那位先生留步',
    '各位女士、先生',
    '尊敬的市长先生：', // replied-10501
    '县长开始对来访者谭先生说', // replied-138410
    '司机王先生',
    '住户：欧阳先生', // replied-91293: a compound surname alone
    '网友“梦之队”先生', // replied-24778: a nickname in quotes
    // From ../shared/data/appeals: a word ending in a surname character before a masked name.
    '十六条支付乙方刘女士',
    '我和沙塘工商所张女士',
    '政策改革，我和我先生',
    '直接飘到了楼上阳女士',
    '由一位张姓女士',
  ])('a masked name, a title or a nickname before 先生/女士 stays as written: %s', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  test('every 先生/女士 of the demo appeals is left with a surname alone, a title or a nickname', () => {
    const texts = readDemoData().appeals.flatMap((appeal) => [appeal.title, appeal.content, appeal.reply ?? '', appeal.citizenLabel ?? '']);
    const before: string[] = [];
    for (const text of texts.map(maskPersonalData)) {
      for (const title of text.matchAll(/先生|女士/gu)) before.push(/\p{Script=Han}{0,3}$/u.exec(text.slice(0, title.index))![0]);
    }
    expect(before).toHaveLength(40);
    // Up to three Han characters before each one: each ends in a surname alone (王, 欧阳) after a word that is
    // not part of the name, or is a title (市长); nothing is a full name any more.
    expect([...new Set(before)].sort()).toEqual(
      ['', '书记易', '因刘', '城的王', '孙', '曾', '未与邓', '朱', '李', '欧', '欧阳', '王', '的市长', '范', '袁']
        .concat(['访者谭', '跟王', '邓', '阿', '陈', '高', '黄'])
        .sort(),
    );
  });

  test.each([
    [
      'labeled-train annex2-5126',
      'A6区奥新佳园小区为新建高层住宅小区，7栋1005室业主将其毛坯房出租给',
      'A6区奥新佳园小区为新建高层住宅小区，7栋业主将其毛坯房出租给',
    ],
    ['replied 4261', '您在碧水龙庭购买的10栋602房（实际买受人为邹丹）', '您在碧水龙庭购买的10栋（实际买受人为邹丹）'],
    [
      'replied 8046',
      '2015年10月14日上午11:40，金泰小区10栋704房租户，使用花线电源插座',
      '2015年10月14日上午11:40，金泰小区10栋租户，使用花线电源插座',
    ],
    ['replied 9078', '以小区第4栋101房某业主的父亲为首', '以小区第4栋某业主的父亲为首'],
  ])('the flat number goes and the building stays (%s)', (_source, text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  test('dates, amounts, counts, the 12345 hotline and road numbers stay as written', () => {
    const text = '2016年7月20日我打市政府服务热线电话12345，反映3栋2019年建成，罚款20000元，住在5号线旁'; // after labeled-train dev-458
    expect(maskPersonalData(text)).toBe(text);
  });
});
