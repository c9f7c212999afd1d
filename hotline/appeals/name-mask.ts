/**
 * Full names in appeals' free text, where a cue introduces them (本人唐某某，联系人：邹某某, 我叫…, 姓名：…):
 * the surname is kept and the given name starred, as the hotline's own published pages do. The general mask
 * (phones, ID numbers, addresses) does not know names; this covers the cues people write them after.
 */
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤阮缪游柯郑翁施兰蓝池詹欧练';
const cue = '(本人|我叫|我名叫|名叫|联系人[：:]?|姓名[：:]?|户主[：:]?|申请人[：:]?|反映人[：:]?|投诉人[：:]?|村民|业主)';
const namePattern = new RegExp(
  `${cue}\\s*([${surnames}])([\\u4e00-\\u9fa5]{1,2})(?=[，。、；,.;\\s\\u3000]|联系|电话|手机|反映|投诉|咨询|$)`,
  'gu',
);

/**
 * A full name said to be where someone comes from (曹某某原系某村人), or after a kinship word (其父亲曹某某):
 * the words around it name a person, whatever follows.
 */
const describedPattern = new RegExp(`([${surnames}])([\\u4e00-\\u9fa5]{1,2})(?=原系|原籍|原住)`, 'gu');
const kinPattern = new RegExp(
  `(其?(?:父亲|母亲|儿子|女儿|妻子|丈夫|爱人|之子|之女|公公|婆婆|岳父|岳母))([${surnames}])([\\u4e00-\\u9fa5]{1,2})`,
  'gu',
);

export function maskCuedNames(text: string): string {
  const found = new Set<string>();
  const starred = (surname: string, given: string) => {
    found.add(`${surname}${given}`);
    return `${surname}${'*'.repeat([...given].length)}`;
  };
  const masked = text
    .replace(namePattern, (_match, lead: string, surname: string, given: string) => `${lead}${starred(surname, given)}`)
    .replace(describedPattern, (_match, surname: string, given: string) => starred(surname, given))
    .replace(kinPattern, (_match, lead: string, surname: string, given: string) => `${lead}${starred(surname, given)}`);
  // A name found once is the same person wherever else the text mentions it (因曹某某已外嫁).
  return [...found].reduce((rest, name) => rest.split(name).join(`${name[0]}${'*'.repeat([...name].length - 1)}`), masked);
}

/** A citizen label that is a bare full name (唐铁有) becomes 唐先生/女士-like 唐**; 网友, 王先生 stay. */
export function maskCitizenLabel(label: string): string {
  const bare = new RegExp(`^([${surnames}])([\\u4e00-\\u9fa5]{1,2})$`, 'u').exec(label.trim());
  if (!bare || /先生|女士|小姐|师傅|老师|阿姨|大爷|网友|市民/u.test(label)) return label;
  return `${bare[1]}${'*'.repeat([...bare[2]!].length)}`;
}
