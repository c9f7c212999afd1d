import { askXiaoningEvent } from '../../common/chat-protocol';
import { askRequestsOf } from './ask-requests';

class QuestionEvent extends Event {
  constructor(readonly detail: unknown) {
    super(askXiaoningEvent);
  }
}

describe('askRequestsOf', () => {
  it('passes on trimmed questions until unsubscribed and ignores anything else', () => {
    const target = new EventTarget();
    const asked: string[] = [];
    const unsubscribe = askRequestsOf(target)((question) => asked.push(question));
    target.dispatchEvent(new QuestionEvent({ question: ' 公积金怎么提取？ ' }));
    target.dispatchEvent(new QuestionEvent({ question: 42 }));
    target.dispatchEvent(new QuestionEvent('not an object'));
    target.dispatchEvent(new QuestionEvent({ question: '   ' }));
    target.dispatchEvent(new QuestionEvent({ question: '长'.repeat(501) }));
    unsubscribe();
    target.dispatchEvent(new QuestionEvent({ question: '还在听吗？' }));
    expect(asked).toEqual(['公积金怎么提取？']);
  });
});
