import type { Intent } from './intents';

/**
 * Wording that decides an intent on its own, checked before the statistical classifier. Each cue is a
 * general way of asking (not a memorised sentence); the classifier handles everything they miss.
 */
const number = '[0-9０-９一二三四五六七八九十]+';
const notComplaint = '(?!诉|资|入|放|稿|保)';

export const intentCues: ReadonlyArray<readonly [Intent, RegExp, RegExp?]> = [
  // The officials' tools (issue 16), asked for with their own words; citizens who use them are refused politely.
  ['get_hot_topics', /(本单位|我们单位|我单位|本局|我们局|本部门|我们部门)[^，,。?？]{0,8}?(热点|高频|热门|突出问题|主要诉求)/],
  [
    'analyze_call',
    /^.{0,8}?((帮我|请|麻烦)?(分析|研判)(一下)?(这个|这通|这段|这条|下面的?)?(来电|电话|诉求|内容)?(内容)?[:：]|(帮我|请|麻烦)(分析|研判)(一下)?(这个|这通|这段|这条)?(来电|电话)|^(这个|这类|这种|这样的|这|该)(问题|情况|事|事情|诉求|来电)(以前|之前|过去|往常|一般)?(都)?(是)?(怎么|如何)(处理|办|解决|答复|回复)的?[?？。]*$)/,
  ],
  // Choosing a numbered option is a vote even when the word 候选 follows (我选第5个候选).
  ['cast_vote', new RegExp(`^(我|那就|就)?(要|想)?(选|投)第?${number}(号|个)`)],
  // Other plain ways of giving one's vote: 这一票给…, 来一票给…, 选择2号, 就它了，3号, 这次投…, 支持…，投票.
  [
    'cast_vote',
    new RegExp(
      `((这|那|我那|我这)?一票(就)?(给|投给|投)|票投给|来一票|选择第?${number}号|就(它|这个|选它)了?[，,\\s]*第?${number}号|(这次|这回|这期|下期)(就)?(投|选)(?!票)${notComplaint}|[，,]\\s*(投票|投它|投上|投一票)[吧!！。]*$|^(我)?(要|就|也)?支持[^，,。?？吗呢]{2,14}[吧!！。]*$)`,
    ),
  ],
  [
    'get_poll_results',
    /([几多少]票|票(数|多(?!少)|少|最|领先)|当选|(这期|本期|这轮|这次|征集)的?投票(情况|怎么样|结果|进度|现在|目前|吗|呢|了吗|$)|投票(现在|目前)|谁第一|第一名|前三名?|前几名|谁的?票(数)?最多|投得怎么样|票数|得票|多少票|排名|排行|领先|投票(结果|情况|进度|统计|名单|排名)|候选|哪些单位可以投|征集.{0,4}(怎么样|情况|进度|结果)|投票.{0,6}(还剩|结束|截止)|排第几|^(投票)?结果[呢吗?？]*$)/,
  ],
  [
    'cast_vote',
    new RegExp(
      `(投${notComplaint}.{0,12}一票|投它|投票.{0,6}选|投票给|投给|给.{1,14}投票|为.{1,14}投票|投${number}号|选${number}号|投第${number}|选第${number}|(我|就|也)(要|想)?(投|选择|选)${notComplaint}[^?？吗]{1,14}$|^投票[:：\\s]|^投${notComplaint}.{1,12}$)`,
    ),
  ],
  // Asking what an official reply means (AI详解, issue 15): a word about understanding or explaining, and the reply.
  [
    'explain_appeal_reply',
    /(解释|解读|详解|讲讲|讲一讲|讲一下|说说|说一说|翻译|看不懂|没看懂|看不太?明白|没看明白|不太?明白|不太?懂|啥意思|什么意思|怎么理解|大白话|通俗)/,
    /(答复|回复|处理结果|办理结果|AI详解)/i,
  ],
  [
    'get_appeal_statistics',
    // A bare 多少 also asks for phone numbers and amounts (电话是多少), so it counts only before what is counted.
    /(统计|多少件|多少条|几件|几条|多不多|数量|总数|总量|件数|条数|比例|按(类型|类别|月)分?|各类|排行|排序|对比|占比|占多少|趋势|分布|热点|(?<!发)热门|高频|最关心|最多|数据分析|诉求数据|诉求量|标签|各有多少|哪个多|多少.{0,4}(诉求|投诉|反映|件|条|起|次|问题|咨询|建议|求助|留言)|(诉求|投诉|反映|紧急件|建议|求助|留言)[^电话号码]{0,6}多少)/,
    /(诉求|投诉|反映|问题|话题|标签|热点|紧急件|咨询|建议|求助|数据|类)/,
  ],
  [
    'search_past_appeals',
    /(以前|之前|往期|历史|有没有人|有人(反映|投诉|问|提)|别人(反映|投诉)|上次接线|(上一?|那)(期|场|次)接线|接线(时|的时候)?(群众|大家)?(都)?(反映|说|问)了|接线记录|收到(了)?哪些|(大家|群众|市民|居民|人们)都?(反映|说)了|都反映了|反映过|投诉过|问过|后来怎么|怎么(答复|处理)的|办结了|关于.{1,12}的(反映|诉求|投诉|留言)|收到的诉求|收到过哪些|大家(都)?反映|诉求有哪些)/,
    /诉求|反映|投诉|问|提|说|留言|意见|答复|处理|办结|记录|接线|类似|情况/,
  ],
  [
    'get_hotline_previews',
    // 领导 alone also appears in policy and news questions (领导小组); it counts when asked about as a person who comes.
    /(接线|接听|接电话|接.{0,4}(群众|市民)?(电话|热线)|预告|值班|来接|通话|领导热线|(哪位|哪个|什么|哪些)领导|领导.{0,4}(什么时候|哪天|几点|会来|来不来|下次|下期|时间))/,
    /(什么时候|啥时候|哪天|哪一天|几点|谁|哪个|哪些|安排|时间|预告|下周|本周|这周|明天|最近|近期|下一|下期|下个月|几号|\d+日|怎么参加|打哪个|会来|有没有|是什么)/,
  ],
  [
    'help',
    /((哪些|什么)功能|功能有(哪些|什么)|(可以|能|该)问(你)?(些)?(什么|啥|哪些)|有什么(可以|能)帮|(有|都有)(哪些|什么)本事|你(会|能|可以)回答|你是(机器人|真人|人工智能|ai|AI|人还是机器)|怎么提问|提问.{0,6}(格式|要求|方法)|你能做什么|你会什么|怎么用|有什么功能|功能介绍|^帮助$|使用说明|你是谁|介绍一下你|你(都|还)?(能|会|可以)(帮我|帮|为我)?(做|干|办)(些|点)?(什么|啥)|你能帮我|该怎么问|问什么|^菜单$|哪些服务|回答哪些问题|怎么向你提问|是干什么的|这个栏目怎么用)/,
  ],
  [
    'greeting',
    /^((小宁|喂|嗨|哈喽)[，,。!！ ]*)*(你好|您好|hi|hello|嗨|哈喽|喂|在吗|有人吗|晚安|(好的?|嗯+|哦+)?[，, ]*(明白了|知道了|懂了|收到)|早上好|中午好|下午好|晚上好|(太|非常|十分)?(感谢|谢谢)(您|你)?|多谢|再见|拜拜|辛苦了|好的)[呀啊了啦哈，,。!！ 小宁谢你]*$/i,
  ],
];

/**
 * Words that take a cue away from an intent: a ranking of appeals or topics is statistics, not the vote;
 * what callers raised during a session is past appeals, not the session's preview; 不投诉 is no vote.
 */
const notFor: Partial<Record<Intent, RegExp>> = {
  get_poll_results: /诉求|问题|话题|类别|类型|(?<!候选|接线)单位的?诉求/,
  get_hotline_previews: /(反映|投诉|说|问)了(什么|啥|哪些)|收到(了)?(哪些|什么)/,
};

export function intentFromCues(text: string): Intent | undefined {
  const normalised = text.normalize('NFKC').trim();
  for (const [intent, cue, alsoNeeded] of intentCues) {
    if (notFor[intent]?.test(normalised)) continue;
    if (cue.test(normalised) && (!alsoNeeded || alsoNeeded.test(normalised))) return intent;
  }
  return undefined;
}
