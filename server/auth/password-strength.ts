/**
 * Refuses the passwords guessed first: a few characters repeated, a run along the keyboard or the alphabet,
 * and the commonest passwords (also with digits added). Length alone let `aaaaaaaaaa` and `1234567890` in.
 * Every way a password is set uses it: accounts created by the CLI or the admin API, and ADMIN_PASSWORD.
 */

/** Runs people type; a password inside one of them (either direction, wrapping round) is a run. */
const runs = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

/** Words that lists of leaked passwords are made of; with digits or signs around them they are no better. */
const commonWords = new Set(
  (
    'password passw0rd p@ssword p@ssw0rd pass admin administrator root user test guest welcome letmein changeme ' +
    'iloveyou woaini qwerty qwe asd abc abcd qq love sunshine princess football dragon monkey master hello ' +
    'xiaoning ningde hotline'
  ).split(' '),
);

/** The commonest passwords of ten or more characters that the rules above do not already catch. */
const commonPasswords = new Set([
  '12345678910',
  '1234567891',
  '1234554321',
  '1122334455',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
  '5201314520',
  '1314520520',
  '1314521521',
  'woaini1314520',
  'aa123456789',
  'a1b2c3d4e5',
  'zxcvbnm123',
]);

function repeatsAShortUnit(password: string): boolean {
  for (let length = 1; length <= 5 && length < password.length; length += 1) {
    const unit = password.slice(0, length);
    if (unit.repeat(Math.ceil(password.length / length)).slice(0, password.length) === password) return true;
  }
  return false;
}

function isRun(password: string): boolean {
  return runs.some((run) => {
    const around = run.repeat(3);
    return around.includes(password) || [...around].reverse().join('').includes(password);
  });
}

/** Why `password` is too easy to guess, in Chinese for the person choosing it, or undefined when it is not. */
export function passwordWeakness(password: string): string | undefined {
  const lower = password.normalize('NFKC').toLowerCase();
  // A few letters or signs around a run change nothing: a123456789, abc1111111, 1234567890!
  const core = lower.replace(/^(?:[a-z]{1,3}|[^a-z0-9]+)|(?:[a-z]{1,3}|[^a-z0-9]+)$/g, '');
  if (repeatsAShortUnit(lower) || (core.length >= 6 && repeatsAShortUnit(core)))
    return '密码不能是同一个字符或几个字符的重复（如 aaaaaaaaaa、abcabcabca），请换一个更难猜的密码。';
  if (isRun(lower) || (core.length >= 6 && isRun(core)))
    return '密码不能是连续的数字、字母或键盘上相邻的键（如 1234567890、qwertyuiop），请换一个更难猜的密码。';
  const word = lower.replace(/^[^a-z@]+|[^a-z]+$/g, '');
  if (commonPasswords.has(lower) || commonWords.has(word)) return '这个密码太常见了，很容易被猜到，请换一个更难猜的密码。';
  return undefined;
}
