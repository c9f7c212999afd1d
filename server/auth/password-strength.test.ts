import { passwordWeakness } from './password-strength';

describe('password strength', () => {
  test.each([
    ['aaaaaaaaaa', '重复'],
    ['1111111111', '重复'],
    ['abcabcabca', '重复'],
    ['1212121212', '重复'],
    ['asdfasdfasdf', '重复'],
    ['abc1111111', '重复'],
    ['1234567890', '连续'],
    ['0987654321', '连续'],
    ['12345678901234', '连续'],
    ['abcdefghij', '连续'],
    ['ABCDEFGHIJK', '连续'],
    ['qwertyuiop', '连续'],
    ['1qaz2wsx3edc4rfv', '连续'],
    ['a123456789', '连续'],
    ['1234567890!', '连续'],
    ['１２３４５６７８９０', '连续'],
    ['password123', '常见'],
    ['Password2026', '常见'],
    ['P@ssw0rd!!', '常见'],
    ['admin12345', '常见'],
    ['123456admin', '常见'],
    ['woaini1314', '常见'],
    ['qq123456789', '连续'],
    ['iloveyou12', '常见'],
    ['12345678910', '常见'],
    ['5201314520', '常见'],
    ['1q2w3e4r5t', '常见'],
  ])('%s is refused in Chinese (%s)', (password, reason) => {
    expect(passwordWeakness(password)).toEqual(expect.stringContaining(reason));
  });

  test.each([
    'column-admin-secret-2026',
    'admin-secret-密码-2026',
    'admin-secret-2026-知识库',
    'keeper-password-1',
    'official-secret-2',
    'zjj-leader-secret-1',
    'citizen-secret-99',
    '正确的密码 correct-horse',
    'Tr0ub4dor&3-宁德',
    '8h3k-Q92m-x7Lp',
  ])('%s is accepted', (password) => {
    expect(passwordWeakness(password)).toBeUndefined();
  });
});
