import { chatReducer, initialChatState, type ChatAction, type ChatState } from './chat-state';

const run = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialChatState);
const source = { source: 'laws/公积金.md', title: '住房公积金管理条例', headingPath: ['第四章'], excerpt: '职工有下列情形之一的' };
const done = (answer: string) => ({
  type: 'done' as const,
  answer: { conversationId: 'c1', answer, sources: [source], suggestions: ['怎么办理？'], refused: false },
});

describe('chatReducer', () => {
  it('streams deltas into one assistant message and replaces it with the final answer and its sources', () => {
    const streaming = run(
      { type: 'disconnected' },
      { type: 'ready', messages: [], pendingAnswered: false },
      { type: 'sent', text: '问' },
      {
        type: 'delta',
        text: '职工',
      },
      { type: 'delta', text: '购房' },
    );
    expect(streaming.waiting).toBe(true);
    expect(streaming.messages.map((message) => [message.role, message.text, message.streaming])).toEqual([
      ['user', '问', false],
      ['assistant', '职工购房', true],
    ]);
    const finished = chatReducer(streaming, done('职工购房可以提取[1]。'));
    expect(finished.waiting).toBe(false);
    expect(finished.messages[1]).toMatchObject({
      id: streaming.messages[1].id,
      text: '职工购房可以提取[1]。',
      sources: [source],
      streaming: false,
    });
  });

  it('shows a server error as given and stops waiting', () => {
    const state = run(
      { type: 'sent', text: '问' },
      { type: 'delta', text: '半' },
      { type: 'failed', message: '您发得太快了，请稍等一会儿再问。' },
    );
    expect(state).toMatchObject({ waiting: false, error: '您发得太快了，请稍等一会儿再问。' });
    expect(state.messages[1].streaming).toBe(false);
    expect(chatReducer(state, { type: 'sent', text: '再问' }).error).toBeUndefined();
  });

  it('reconnects: drops the half answer, keeps waiting for a retried question, resumes from the stored turns', () => {
    const online = run({ type: 'disconnected' }, { type: 'ready', messages: [], pendingAnswered: false });
    const cut = [{ type: 'sent', text: '问' }, { type: 'delta', text: '半' }, { type: 'disconnected' }].reduce(
      (state, action) => chatReducer(state, action as ChatAction),
      online,
    );
    expect(cut).toMatchObject({ connection: 'reconnecting', waiting: true });
    expect(cut.messages.map((message) => message.text)).toEqual(['问']);

    const retried = chatReducer(cut, { type: 'ready', messages: [{ role: 'user', content: '问' }], pendingAnswered: false });
    expect(retried).toMatchObject({ connection: 'online', waiting: true });
    const answeredMeanwhile = chatReducer(cut, {
      type: 'ready',
      messages: [
        { role: 'user', content: '问' },
        { role: 'assistant', content: '完整回答' },
      ],
      pendingAnswered: true,
    });
    expect(answeredMeanwhile.waiting).toBe(false);
    expect(answeredMeanwhile.messages.map((message) => message.text)).toEqual(['问', '完整回答']);
  });

  it('says connecting before the first connection and reconnecting after it was online', () => {
    expect(run({ type: 'disconnected' }, { type: 'disconnected' }).connection).toBe('connecting');
    expect(run({ type: 'ready', messages: [], pendingAnswered: false }, { type: 'disconnected' }).connection).toBe('reconnecting');
  });
});
