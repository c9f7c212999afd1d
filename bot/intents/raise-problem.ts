/**
 * A person who wants to raise a problem of their own (怎么投诉噪音扰民, 我想反映小区噪音问题) is told how to
 * raise it, and then what the rules say: never "out of scope", never a bare "no source found".
 */
const raisingPattern =
  /(怎么|怎样|如何|去哪|到哪|向哪|找谁|哪个部门|哪里).{0,4}(投诉|反映|举报)|我(想|要)(去)?(反映|投诉|举报)|(投诉|反映|举报).{0,8}(找谁|哪个部门|打什么电话|打哪个电话|怎么弄|怎么办)/u;

export const isRaisingProblem = (text: string) => raisingPattern.test(text.normalize('NFKC'));
