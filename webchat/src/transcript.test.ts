import type { Turn } from './protocol';
import { isAnswered, mergeTranscript, type ChatMessage } from './transcript';

const counter = () => {
  let id = 100;
  return () => (id += 1);
};
const message = (id: number, role: ChatMessage['role'], text: string, streaming = false): ChatMessage => ({
  id,
  role,
  text,
  sources: role === 'assistant' ? [{ source: 's', title: 't', headingPath: [], excerpt: 'e' }] : [],
  suggestions: [],
  streaming,
});
const turns = (...pairs: [Turn['role'], string][]): Turn[] => pairs.map(([role, content]) => ({ role, content }));

describe('mergeTranscript', () => {
  const local = [message(1, 'user', '问一'), message(2, 'assistant', '答一[1]')];

  it('restores the stored conversation after a reload', () => {
    const merged = mergeTranscript([], turns(['user', '问一'], ['assistant', '答一[1]']), counter());
    expect(merged.map(({ id, role, text, sources }) => ({ id, role, text, sources }))).toEqual([
      { id: 101, role: 'user', text: '问一', sources: [] },
      { id: 102, role: 'assistant', text: '答一[1]', sources: [] },
    ]);
  });

  it('keeps what is on screen (with its sources) when the server has nothing new', () => {
    expect(mergeTranscript(local, turns(['user', '问一'], ['assistant', '答一[1]']), counter())).toEqual(local);
    expect(mergeTranscript(local, [], counter())).toEqual(local);
  });

  it('keeps a question the server never received', () => {
    const withPending = [...local, message(3, 'user', '问二')];
    expect(mergeTranscript(withPending, turns(['user', '问一'], ['assistant', '答一[1]']), counter())).toEqual(withPending);
  });

  it('appends an answer that finished while the connection was down, dropping the half-streamed copy', () => {
    const onScreen = [...local, message(3, 'user', '问二'), message(4, 'assistant', '答', true)];
    const merged = mergeTranscript(onScreen, turns(['assistant', '答一[1]'], ['user', '问二'], ['assistant', '答二']), counter());
    expect(merged.map((item) => [item.id, item.text])).toEqual([
      [1, '问一'],
      [2, '答一[1]'],
      [3, '问二'],
      [101, '答二'],
    ]);
  });

  it('takes the server copy when nothing on screen overlaps it', () => {
    const merged = mergeTranscript(local, turns(['user', '别的问题'], ['assistant', '别的回答']), counter());
    expect(merged.map((item) => item.text)).toEqual(['别的问题', '别的回答']);
  });
});

describe('isAnswered', () => {
  it('is true only when the latest copy of the question is followed by an answer', () => {
    expect(isAnswered(turns(['user', '问二'], ['assistant', '答二']), '问二')).toBe(true);
    expect(isAnswered(turns(['user', '问二']), '问二')).toBe(false);
    expect(isAnswered(turns(['user', '问二'], ['assistant', '答二'], ['user', '问二']), '问二')).toBe(false);
    expect(isAnswered([], '问二')).toBe(false);
  });
});
