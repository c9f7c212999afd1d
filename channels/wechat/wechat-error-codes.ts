/**
 * What WeChat's most common error codes mean, for the administrator who published (the code itself is
 * always shown too, so one not listed here can still be looked up in WeChat's documentation).
 */
const meanings: Record<number, string> = {
  [-1]: '微信系统繁忙，请稍后再试',
  40001: 'access_token 无效（可能在别处重新获取过）',
  40013: 'AppID 无效',
  40014: 'access_token 不合法',
  40016: '菜单按钮个数不合法',
  40017: '菜单按钮类型不合法',
  40018: '菜单按钮名称过长',
  40019: '菜单按钮 KEY 过长',
  40054: '菜单按钮的网址不合法',
  40125: 'AppSecret 无效',
  40164: '服务器 IP 不在公众号的 IP 白名单中',
  41001: '缺少 access_token',
  42001: 'access_token 已过期',
  43004: '接收者没有关注公众号',
  45009: '接口调用次数已达今日上限',
  45028: '没有群发配额（本月或今日的群发次数已用完）',
  45065: '相同内容 24 小时内已经群发过',
  48001: '公众号没有这个接口的权限（未认证或账号类型不支持）',
  61023: '授权已失效，请重新授权',
};

/** `微信返回错误码 45028：没有群发配额…` — the code, what it means, and WeChat's own errmsg when it adds something. */
export function describeWechatError(errcode: number | undefined, errmsg?: string): string {
  if (errcode === undefined) return '无法连接微信接口（网络不通或微信没有正常应答），请稍后再试。';
  const meaning = meanings[errcode] ?? '请对照微信公众平台文档中的全局返回码说明';
  return `微信返回错误码 ${errcode}：${meaning}${errmsg ? `（${errmsg}）` : ''}。`;
}
