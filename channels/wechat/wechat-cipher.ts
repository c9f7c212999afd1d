import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError, isAppError } from '../../common';

/** A safe-mode payload that cannot be opened is a bad request; why goes to the log only (details.reason). */
const undecryptable = (reason: string, cause?: unknown) =>
  new AppError('BAD_REQUEST', '请求格式不正确。', { cause, details: { reason: `cannot decrypt: ${reason}` } });

// WeChat pads to 32 bytes (PKCS#7 with a 32-byte block), not AES's 16, so Node's own padding is off.
const paddingBlock = 32;
const randomLength = 16;

function pad(data: Buffer): Buffer {
  const amount = paddingBlock - (data.length % paddingBlock);
  return Buffer.concat([data, Buffer.alloc(amount, amount)]);
}

function unpad(data: Buffer): Buffer {
  const amount = data.at(-1) ?? 0;
  if (amount < 1 || amount > paddingBlock || amount > data.length) throw undecryptable('bad padding');
  return data.subarray(0, data.length - amount);
}

/**
 * Official Account safe mode: AES-256-CBC with key = base64(EncodingAESKey + '='), IV = the key's first 16
 * bytes, over 16 random bytes + 4-byte big-endian length + message + appId.
 */
export function createWechatCipher(options: { encodingAesKey: string; appId: string }) {
  const key = Buffer.from(`${options.encodingAesKey}=`, 'base64');
  if (key.length !== 32) {
    throw new AppError('CONFIG_INVALID', '配置错误：WECHAT_ENCODING_AES_KEY 应为 43 位字母或数字。', {
      details: { variable: 'WECHAT_ENCODING_AES_KEY', reason: 'EncodingAESKey must decode to 32 bytes' },
    });
  }
  const iv = key.subarray(0, 16);
  const appId = Buffer.from(options.appId, 'utf8');

  return {
    /** `random` is only given by tests that replay a known vector. */
    encrypt(message: string, random: Buffer = randomBytes(randomLength)): string {
      const body = Buffer.from(message, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length, 0);
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const plain = pad(Buffer.concat([random, length, body, appId]));
      return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    },

    decrypt(encrypted: string): string {
      const data = Buffer.from(encrypted, 'base64');
      if (data.length === 0 || data.length % 16 !== 0) throw undecryptable('ciphertext length is not a multiple of 16');
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
        plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
      } catch (error) {
        throw isAppError(error) ? error : undecryptable('decryption failed', error);
      }
      if (plain.length < randomLength + 4) throw undecryptable('plaintext too short');
      const length = plain.readUInt32BE(randomLength);
      const start = randomLength + 4;
      if (start + length > plain.length) throw undecryptable('length field beyond the plaintext');
      if (!plain.subarray(start + length).equals(appId)) throw undecryptable('appId does not match');
      return plain.subarray(start, start + length).toString('utf8');
    },
  };
}

export type WechatCipher = ReturnType<typeof createWechatCipher>;
