import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { openChatConnection, type ChatConnection, type CreateSocket } from '../chat-connection';
import { chatReducer, initialChatState } from '../chat-state';
import { ColumnAddress } from '../column-address';
import type { SubscribeToAskRequests } from '../ask-requests';
import type { RememberedValue } from '../remembered-value';
import type { SpeechChannel } from '../../../common/dictation';
import { createReadAloud } from '../read-aloud';
import { speechStatusLoader } from '../speech-support';
import { ChatPanel } from './chat-panel';
import { LauncherButton } from './launcher-button';

export interface ChatWidgetProps {
  origin: string;
  conversation: RememberedValue;
  largeTextPreference: RememberedValue;
  createSocket: CreateSocket;
  /** Questions the host page asks Xiaoning (e.g. after a vote): the panel opens and the question is sent. */
  askRequests?: SubscribeToAskRequests;
}

export function ChatWidget({ origin, conversation, largeTextPreference, createSocket, askRequests }: ChatWidgetProps) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const [largeText, setLargeText] = useState(() => largeTextPreference.get() === 'on');
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [columnUrl, setColumnUrl] = useState<string | undefined>(undefined);
  const connection = useRef<ChatConnection | undefined>(undefined);
  const launcher = useRef<HTMLButtonElement>(null);
  const hasBeenOpen = useRef(false);
  const [speechChannel, setSpeechChannel] = useState<SpeechChannel | undefined>(undefined);
  const [speechStatus] = useState(() => speechStatusLoader(origin));
  const [readAloud] = useState(() => createReadAloud(origin, speechStatus));

  // Connect on first opening only: most visitors of a column page never chat.
  useEffect(() => {
    if (!open || connection.current) return;
    connection.current = openChatConnection({
      origin,
      conversation,
      createSocket,
      events: {
        connecting: () => dispatch({ type: 'disconnected' }),
        ready: (payload, pendingAnswered) => {
          setColumnUrl(payload.columnUrl);
          dispatch({ type: 'ready', messages: payload.messages, pendingAnswered });
        },
        delta: (text) => dispatch({ type: 'delta', text }),
        done: (answer) => dispatch({ type: 'done', answer }),
        failed: (error) => dispatch({ type: 'failed', message: error.message }),
      },
    });
    setSpeechChannel(connection.current.speech);
  }, [open, origin, conversation, createSocket]);
  useEffect(() => () => connection.current?.close(), []);
  useEffect(
    () =>
      askRequests?.((question) => {
        setOpen(true);
        setAsked(question);
      }),
    [askRequests],
  );

  // Back to the button that opened the panel, so keyboard users do not lose their place.
  useEffect(() => {
    if (open) hasBeenOpen.current = true;
    else if (hasBeenOpen.current) launcher.current?.focus();
    if (!open) readAloud.stop();
  }, [open, readAloud]);

  const toggleLargeText = () => {
    const next = !largeText;
    setLargeText(next);
    largeTextPreference.set(next ? 'on' : 'off');
  };
  const send = (text: string) => {
    const question = text.trim();
    if (question === '' || state.waiting) return false;
    dispatch({ type: 'sent', text: question });
    connection.current?.send(question);
    return true;
  };
  // After the connection effect above, so the connection exists; a question asked while an answer is still
  // coming waits for it.
  useEffect(() => {
    if (open && asked !== undefined && connection.current && send(asked)) setAsked(undefined);
  });

  return (
    <ColumnAddress.Provider value={columnUrl ?? origin}>
      <div class={largeText ? 'xn-widget xn-large' : 'xn-widget'}>
        <LauncherButton ref={launcher} hidden={open} onOpen={() => setOpen(true)} />
        {open && (
          <ChatPanel
            state={state}
            largeText={largeText}
            onToggleLargeText={toggleLargeText}
            onClose={() => setOpen(false)}
            onSend={send}
            voice={{ origin, channel: speechChannel, status: speechStatus }}
            readAloud={readAloud}
          />
        )}
      </div>
    </ColumnAddress.Provider>
  );
}
