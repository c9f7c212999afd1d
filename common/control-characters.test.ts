import { containsControlCharacter, findControlCharacter } from './control-characters';

describe('control characters', () => {
  test('NUL, ESC and the other C0 characters count; tab, line feed and carriage return do not', () => {
    expect(['a\u0000b', '\u0001', '你好\u001b[31m', '\u000b', '\u001f'].map(containsControlCharacter)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['', '你好\t小宁\r\n', '\u007f', ' '].map(containsControlCharacter)).toEqual([false, false, false, false]);
  });

  test('the path of the first offending string or key inside a parsed value is named, never the value', () => {
    expect(findControlCharacter({ message: 'ok', nested: { list: ['fine', 'bad\u0000'] } }, 'body')).toBe('body.nested.list.1');
    expect(findControlCharacter({ 'key\u0000': 'value' }, 'body')).toBe('body');
    expect(findControlCharacter({ q: ['a', 'b'], page: '2' }, 'query')).toBeUndefined();
    expect(findControlCharacter(undefined, 'body')).toBeUndefined();
  });
});
