import type { ConnectionStatus as Status } from '../chat-state';

const messages: Record<Status, string> = {
  idle: '',
  online: '',
  connecting: '正在连接小宁…',
  reconnecting: '网络连接中断，正在重新连接…',
};

/** Always rendered, so screen readers announce a change of the text (a status region must exist first). */
export function ConnectionStatus({ connection, waiting }: { connection: Status; waiting: boolean }) {
  const text = messages[connection];
  const resume = connection === 'reconnecting' && waiting ? '连上后会继续回答您的问题。' : '';
  return (
    <p class={text ? 'xn-connection xn-connection-visible' : 'xn-connection'} role="status">
      {text}
      {resume}
    </p>
  );
}
