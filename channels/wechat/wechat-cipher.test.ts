import { cryptoVectors, wechatFixture } from '../../tests/support/wechat-client';
import { createWechatCipher } from './wechat-cipher';
import { signatureMatches, wechatSignature } from './wechat-signature';

describe('WeChat safe-mode cipher and signatures (fixture vectors)', () => {
  const { encrypt: vector, request } = cryptoVectors();

  it('encrypts the known plaintext with the known random prefix to the expected ciphertext', () => {
    const cipher = createWechatCipher({ encodingAesKey: vector.encodingAESKey, appId: vector.appId });
    expect(cipher.encrypt(vector.message, Buffer.from(vector.random))).toBe(vector.expectedEncrypt);
    expect(cipher.decrypt(vector.expectedEncrypt)).toBe(vector.message);
  });

  it('decrypts the complete encrypted request to text.xml', () => {
    const cipher = createWechatCipher({ encodingAesKey: request.encodingAESKey, appId: request.appId });
    expect(cipher.decrypt(request.encrypt)).toBe(wechatFixture(request.decryptsTo).trim());
  });

  it('computes the URL signature and msg_signature of the request', () => {
    expect(wechatSignature(request.token, request.timestamp, request.nonce)).toBe(request.signature);
    expect(wechatSignature(request.token, request.timestamp, request.nonce, request.encrypt)).toBe(request.msgSignature);
  });

  it('round-trips Chinese text, an empty message and one exactly a padding block long', () => {
    const cipher = createWechatCipher({ encodingAesKey: vector.encodingAESKey, appId: vector.appId });
    for (const message of ['保障房的申请条件是什么？', '', 'x'.repeat(32 - 20 - vector.appId.length + 32)]) {
      expect(cipher.decrypt(cipher.encrypt(message))).toBe(message);
    }
  });

  it.each([
    ['a ciphertext of the wrong length', (encrypted: string) => encrypted.slice(0, -4)],
    ['a tampered last block', (encrypted: string) => encrypted.slice(0, -8) + 'AAAAAAA='],
    ['not base64 at all', () => '!!!!'],
  ])('refuses %s', (_name, tamper) => {
    const cipher = createWechatCipher({ encodingAesKey: vector.encodingAESKey, appId: vector.appId });
    expect(() => cipher.decrypt(tamper(vector.expectedEncrypt))).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('refuses a message encrypted for another AppID', () => {
    const other = createWechatCipher({ encodingAesKey: vector.encodingAESKey, appId: 'wx0000000000000000' });
    const cipher = createWechatCipher({ encodingAesKey: vector.encodingAESKey, appId: vector.appId });
    expect(() => cipher.decrypt(other.encrypt('<xml/>'))).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', details: { reason: 'cannot decrypt: appId does not match' } }),
    );
  });

  it('treats a key that is not 32 bytes as a configuration error', () => {
    expect(() => createWechatCipher({ encodingAesKey: 'too-short', appId: vector.appId })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: expect.objectContaining({ variable: 'WECHAT_ENCODING_AES_KEY' }) }),
    );
  });

  it('compares signatures in constant time and treats missing ones as wrong', () => {
    expect(signatureMatches(request.signature, request.signature)).toBe(true);
    expect(signatureMatches(request.signature.toUpperCase(), request.signature)).toBe(true);
    expect(signatureMatches(request.signature.slice(0, -1) + '0', request.signature)).toBe(false);
    expect(signatureMatches('short', request.signature)).toBe(false);
    expect(signatureMatches(undefined, request.signature)).toBe(false);
  });
});
