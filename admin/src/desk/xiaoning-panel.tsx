import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { chatNamespace, type ChatClientEvents, type ChatServerEvents } from '../../../common/chat-protocol';

interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/** Questions an official asks most during a session; the answers come from the officials' tools. */
const quickQuestions = ['本单位最近的热点', '这个问题以前怎么处理的？'];
const maxQuestionLength = 500;

const textOf = (payload: unknown, field: string): string | undefined => {
  const value = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * 小宁 on the desk: the same chat as the column's widget (socket.io `/chat`), with the console's 来电内容 sent
 * along so that "这个问题以前怎么处理的？" knows which call is meant. Who may use the officials' tools is decided
 * by the server from the login session; this panel claims nothing.
 */
export function XiaoningPanel(props: { callText: string }) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [writing, setWriting] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const socket = useRef<Socket<ChatServerEvents, ChatClientEvents> | null>(null);
  const log = useRef<HTMLDivElement>(null);

  // The newest turn in view, as it is written.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [turns, writing]);

  useEffect(() => {
    const connection: Socket<ChatServerEvents, ChatClientEvents> = io(chatNamespace, { withCredentials: true });
    socket.current = connection;
    connection.on('ready', () => setConnected(true));
    connection.on('disconnect', () => setConnected(false));
    connection.on('answer:delta', (payload: unknown) => {
      const text = textOf(payload, 'text');
      if (text) setWriting((before) => (before ?? '') + text);
    });
    connection.on('answer:done', (payload: unknown) => {
      const answer = textOf(payload, 'answer') ?? '';
      setWriting(null);
      setTurns((before) => [...before, { role: 'assistant', content: answer }]);
    });
    connection.on('error', (payload: unknown) => {
      setWriting(null);
      setProblem(textOf(payload, 'message') ?? '小宁暂时没有回答，请稍后再试。');
    });
    return () => {
      connection.disconnect();
      socket.current = null;
    };
  }, []);

  const send = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '' || writing !== null || !socket.current) return;
    setProblem(null);
    setTurns((before) => [...before, { role: 'user', content: trimmed }]);
    setWriting('');
    const callText = props.callText.trim();
    socket.current.emit('message', { text: trimmed, ...(callText ? { callText: callText.slice(0, 3000) } : {}) });
    setQuestion('');
  };

  return (
    <section class="desk-section xiaoning-panel" aria-labelledby="xiaoning-heading">
      <h2 id="xiaoning-heading">问小宁</h2>
      <p class="hint">可以问本单位的热点、让小宁分析来电（“帮我分析：……”），或问“这个问题以前怎么处理的？”（按上方来电内容回答）。</p>
      <div class="quick-questions">
        {quickQuestions.map((each) => (
          <button type="button" key={each} onClick={() => send(each)} disabled={!connected || writing !== null}>
            {each}
          </button>
        ))}
      </div>
      <div ref={log} class="chat-log" role="log" aria-label="与小宁的对话" aria-live="polite" tabIndex={0}>
        <ol>
          {turns.map((turn, index) => (
            <li key={index} class={`chat-turn ${turn.role}`}>
              <span class="chat-speaker">{turn.role === 'user' ? '我' : '小宁'}：</span>
              <span class="chat-text">{turn.content}</span>
            </li>
          ))}
          {writing !== null && (
            <li class="chat-turn assistant" aria-busy="true">
              <span class="chat-speaker">小宁：</span>
              <span class="chat-text">{writing === '' ? '正在回答…' : writing}</span>
            </li>
          )}
        </ol>
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <form
        class="chat-form"
        onSubmit={(event) => {
          event.preventDefault();
          send(question);
        }}
      >
        <label for="xiaoning-question">向小宁提问</label>
        <input
          id="xiaoning-question"
          type="text"
          maxLength={maxQuestionLength}
          value={question}
          onInput={(event) => setQuestion((event.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!connected || writing !== null}>
          发送
        </button>
      </form>
      {!connected && <p class="hint">正在连接小宁…</p>}
    </section>
  );
}
