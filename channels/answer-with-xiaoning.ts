import type { AskInput, XiaoningEvent } from '../bot';
import { isAppError, messageForPerson, somethingWentWrong } from '../common';
import type { XiaoningResult } from '../bot';
import type { InboundMessage } from './types';

interface Logger {
  error(object: object, message: string): void;
}

export interface AnsweringAgent {
  stream(input: AskInput): AsyncIterable<XiaoningEvent>;
}

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
        role: message.role,
        unitId: message.unitId,
        callText: message.callText,
      });
      for await (const event of events) {
        if (event.type === 'delta') message.reply.delta(event.text);
        else result = event.result;
      }
    } catch (error) {
      // Our own faults go to the log with their internals; the person reads only what messageForPerson allows.
      if (!isAppError(error) || error.status >= 500) logger.error({ err: error, channel: message.channel }, 'channel message failed');
      const { code, message: text } = messageForPerson(error);
      await message.reply.error(code, text);
      return;
    }
    if (result) await message.reply.done(result);
    else await message.reply.error('INTERNAL', somethingWentWrong);
  };
}
