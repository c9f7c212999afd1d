import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  test('a hash verifies its own password only, and two hashes of one password differ', async () => {
    const first = await hashPassword('正确的密码 correct-horse');
    const second = await hashPassword('正确的密码 correct-horse');
    expect(first).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct-horse');
    await expect(verifyPassword('正确的密码 correct-horse', first)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 correct-hors', first)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'not-a-hash')).resolves.toBe(false);
  });
});
