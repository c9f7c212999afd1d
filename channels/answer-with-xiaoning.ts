import type { AskInput, XiaoningEvent } from '../bot/agent';
import { isAppError } from '../common/errors';
import type { XiaoningResult } from '../bot/agent-result';
import type { InboundMessage } from './types';

interface Logger {
  error(object: object, message: string): void;
}

export interface AnsweringAgent {
  stream(input: AskInput): AsyncIterable<XiaoningEvent>;
}

const somethingWentWrong = '小宁暂时出了点问题，请稍后再试，或直接拨打12345热线。';

/**
 * Every channel's messages go to the same agent: text deltas as they come, then the whole result; errors
 * the person can act on are passed on in Chinese, anything else is logged and replaced by a kind apology.
 */
export function answerWithXiaoning(xiaoning: AnsweringAgent, logger: Logger) {
  return async (message: InboundMessage): Promise<void> => {
    let result: XiaoningResult | undefined;
    try {
      const events = xiaoning.stream({
        channel: message.channel,
        userId: message.userId,
        identityEstablished: message.identityEstablished,
        address: message.address,
        conversationId: message.conversationId,
        message: message.text,
      });
      for await (const event of events) {
        if (event.type === 'delta') message.reply.delta(event.text);
        else result = event.result;
      }
    } catch (error) {
      // AppError messages are written for people; anything else may carry internals and is only logged.
      if (!isAppError(error) || error.status >= 500) logger.error({ err: error, channel: message.channel }, 'channel message failed');
      if (isAppError(error)) await message.reply.error(error.code, error.message);
      else await message.reply.error('INTERNAL', somethingWentWrong);
      return;
    }
    if (result) await message.reply.done(result);
    else await message.reply.error('INTERNAL', somethingWentWrong);
  };
}
