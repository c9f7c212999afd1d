import { AppError, type ErrorCode } from './errors';
import { messageForPerson, somethingWentWrong } from './person-message';

/**
 * A real message for every code, and whether a person reads it. A Record, so a new code does not compile
 * until someone decides here what people are told about it.
 */
const examples: Record<ErrorCode, { message: string; shown: boolean }> = {
  BAD_REQUEST: { message: '请求格式不正确。', shown: true },
  INVALID_JSON: { message: '请求内容不是有效的 JSON 格式。', shown: true },
  VALIDATION_FAILED: { message: '问题太长了，请控制在500字以内。', shown: true },
  UNAUTHENTICATED: { message: '请先登录。', shown: true },
  INVALID_CREDENTIALS: { message: '用户名或密码不正确。', shown: true },
  FORBIDDEN: { message: '您没有权限进行此操作。', shown: true },
  CSRF_FAILED: { message: '页面已过期或请求来源不安全，请刷新页面后再试。', shown: true },
  NOT_FOUND: { message: '没有找到这条诉求。', shown: true },
  CONFLICT: { message: '您已参与本期投票。', shown: true },
  UNPROCESSABLE: { message: '没有这个单位，请先在单位列表里确认。', shown: true },
  PAYLOAD_TOO_LARGE: { message: '提交的内容太大了，请精简后再试。', shown: true },
  UNSUPPORTED_MEDIA_TYPE: { message: '不支持这种内容格式。', shown: true },
  RATE_LIMITED: { message: '您发得太快了，请稍等一会儿再问。', shown: true },
  SERVICE_UNAVAILABLE: { message: '智能问答服务暂时连接不上，请稍后再试，或直接拨打12345热线。', shown: true },
  // Ours or a service's behind us: the message is for the log (it may name files, WeChat's refusal).
  CONFIG_INVALID: { message: '无法读取分类模型文件。', shown: false },
  UPSTREAM_ERROR: { message: '微信接口暂时无法使用。', shown: false },
  INTERNAL: { message: 'rows is undefined', shown: false },
};

describe('messageForPerson', () => {
  it.each(Object.entries(examples) as [ErrorCode, { message: string; shown: boolean }][])(
    '%s: its own Chinese message when written for people, otherwise the apology',
    (code, { message, shown }) => {
      const error = new AppError(code, message, { details: { password: 'hunter2' }, cause: new Error('10.0.0.5 refused') });
      expect(messageForPerson(error)).toEqual({ code, message: shown ? message : somethingWentWrong });
    },
  );

  it('gives the apology for an AppError without a message', () => {
    expect(messageForPerson(new AppError('CONFLICT', ' '))).toEqual({ code: 'CONFLICT', message: somethingWentWrong });
  });

  it.each([
    ['an Error', new Error('connection to 10.0.0.5:5432 refused; password=hunter2')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'rows')")],
    ['a string', 'ECONNRESET'],
    ['undefined', undefined],
  ])('turns %s into INTERNAL and the apology, with no internals', (_name, error) => {
    const message = messageForPerson(error);
    expect(message).toEqual({ code: 'INTERNAL', message: somethingWentWrong });
    expect(JSON.stringify(message)).not.toMatch(/10\.0\.0\.5|hunter2|rows|ECONNRESET|Error/);
  });

  it('apologises in plain Chinese and points to the hotline', () => {
    expect(somethingWentWrong).toMatch(/^抱歉，/);
    expect(somethingWentWrong).toContain('12345');
    expect(somethingWentWrong).not.toMatch(/[A-Za-z]/);
  });
});
