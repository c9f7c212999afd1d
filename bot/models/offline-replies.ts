/** What the offline model says when no tool is needed or nothing can be found: plain, kind, short. */
export const greetingReply = '您好，我是小宁，宁德12345领导接线栏目的智能助手。您可以问我接线预告、参与投票、查往期诉求和政策规定。';

export const helpReply = [
  '我可以帮您：',
  '1. 查接线预告：比如“下周谁来接电话？”',
  '2. 投票选下期接线单位：比如“我投住建局”或“投3号”；问“投票结果”看票数。',
  '3. 查往期诉求：比如“以前有人反映过小区停水吗？”',
  '4. 看诉求统计：比如“诉求最多的是哪一类？”',
  '5. 问政策：比如“公积金什么情况下可以提取？”，我会给出原文出处。',
].join('\n');

export const outOfScopeReply =
  '这个问题不在我能回答的范围内。我主要回答接线预告、投票、往期诉求和政策法规方面的问题。如需帮助，可以拨打12345热线，或在本栏目提交诉求。';

export const noPolicyReply =
  '抱歉，我在现有的政策文件里没有找到能回答这个问题的内容，不想给您不准确的答复。建议拨打12345热线咨询，或在本栏目提交诉求，由相关部门答复。';

/** How to raise a problem of one's own (DESIGN §8: the column's 我要留言 form), before the rules that apply. */
export const howToRaiseReply = [
  '您可以这样反映：',
  '1. 拨打12345热线，说清时间、地点和具体情况；',
  '2. 在本栏目首页的“我要留言”提交，领导接线前会转给相关单位；',
  '3. 在宁德12345微信公众号留言。',
].join('\n');

/** After the emergency advice (hotline/emergency), for when the danger is over. */
export const afterEmergencyReply = '情况安全后，如需反映相关问题，可以拨打12345热线，或在本栏目“我要留言”提交。';

/** Questions offered after a reply that called no tool; each tool names its own (bot/tools). */
export const suggestionsByReply: Record<'greeting' | 'help' | 'out_of_domain' | 'emergency', string[]> = {
  emergency: [],
  greeting: ['下周谁来接听热线？', '公积金什么情况下可以提取？', '我要投票'],
  help: ['下周谁来接听热线？', '诉求最多的是哪一类？'],
  out_of_domain: ['下周谁来接听热线？', '公积金什么情况下可以提取？'],
};
