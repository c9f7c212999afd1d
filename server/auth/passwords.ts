import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt is memory-hard and ships with Node, so no native add-on is needed. Parameters are stored with
 * each hash, so they can be raised later without invalidating existing passwords.
 */
const defaults = { logCost: 15, blockSize: 8, parallelization: 1, keyLength: 64 };

function derive(password: string, salt: Buffer, logCost: number, blockSize: number, parallelization: number, keyLength: number) {
  const options: ScryptOptions = {
    N: 2 ** logCost,
    r: blockSize,
    p: parallelization,
    maxmem: 256 * 2 ** logCost * blockSize,
  };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { logCost, blockSize, parallelization, keyLength } = defaults;
  const key = await derive(password, salt, logCost, blockSize, parallelization, keyLength);
  return ['scrypt', logCost, blockSize, parallelization, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logCost, blockSize, parallelization, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(logCost),
    Number(blockSize),
    Number(parallelization),
    expected.length,
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing anyone knows, checked for unknown usernames so that timing does not reveal which accounts exist. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

export const passwordRules = { minimumLength: 10, maximumLength: 200 };
