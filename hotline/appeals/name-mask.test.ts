import { maskCitizenLabel, maskCuedNames } from './name-mask';

describe('names in public appeal text', () => {
  it('stars the given name after the cues people write it after', () => {
    expect(maskCuedNames('尊敬的领导好！本人唐铁有，是K市K1区大庆坪村民')).toBe('尊敬的领导好！本人唐**，是K市K1区大庆坪村民');
    expect(maskCuedNames('万分感谢！　　联系人：邹民为　　联系电话：000')).toBe('万分感谢！　　联系人：邹**　　联系电话：000');
    expect(maskCuedNames('我叫王五联系电话见上')).toBe('我叫王*联系电话见上');
  });

  it('stars a name said with where the person comes from or after a kinship word, and every later mention of it', () => {
    expect(maskCuedNames('情况如下：曹珍桂原系荆竹溪村人，其父亲曹欣召属贫困户，因曹珍桂已外嫁')).toBe(
      '情况如下：曹**原系荆竹溪村人，其父亲曹**属贫困户，因曹**已外嫁',
    );
  });

  it('leaves words that only look like a cue', () => {
    for (const text of [
      '本人公寓房漏水',
      '本人小孩幼儿园入学',
      '本人、父母都在本地',
      '我是张家湾村民',
      '本人或家属可以申请',
      '林业局属于市直部门',
      '王家村原来叫王村',
    ]) {
      expect(maskCuedNames(text)).toBe(text);
    }
  });

  it('masks a bare full name as a citizen label, not the usual forms of address', () => {
    expect(maskCitizenLabel('唐铁有')).toBe('唐**');
    expect(maskCitizenLabel('网友')).toBe('网友');
    expect(maskCitizenLabel('王先生')).toBe('王先生');
    expect(maskCitizenLabel('李女士')).toBe('李女士');
  });
});
