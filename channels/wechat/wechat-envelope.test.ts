import { isAppError } from '../../common';
import { createWechatEnvelope } from './wechat-envelope';
import { wechatSignature } from './wechat-signature';

const token = 'ningde12345token';
const signedAt = 1_732_345_200;
const query = (timestamp: number, nonce = '2039182377') => ({
  signature: wechatSignature(token, String(timestamp), nonce),
  timestamp: String(timestamp),
  nonce,
  echostr: 'echo',
});
const statusOf = (run: () => unknown) => {
  try {
    run();
    return 200;
  } catch (error) {
    return isAppError(error) ? error.status : 500;
  }
};

describe('WeChat envelope: a signed query string is accepted within 5 minutes of its timestamp, either way', () => {
  const envelope = createWechatEnvelope({ token, now: () => signedAt * 1000 });

  it.each([
    ['signed now', signedAt, 200],
    ['5 minutes old', signedAt - 300, 200],
    ['5 minutes ahead (a clock running fast)', signedAt + 300, 200],
    ['5 minutes and a second old', signedAt - 301, 403],
    ['5 minutes and a second ahead', signedAt + 301, 403],
    ['a year old', signedAt - 365 * 24 * 3600, 403],
  ])('%s → %d', (_name, timestamp, status) => {
    expect(statusOf(() => envelope.echo(query(timestamp)))).toBe(status);
    expect(statusOf(() => envelope.checkQuery(query(timestamp)))).toBe(status);
  });

  it('says nothing about time to a forged signature: that is refused as a bad signature first', () => {
    const forged = { ...query(signedAt - 365 * 24 * 3600), signature: 'f'.repeat(40) };
    let reason: unknown;
    try {
      envelope.checkQuery(forged);
    } catch (error) {
      reason = isAppError(error) ? error.details?.reason : undefined;
    }
    expect(reason).toBe('bad signature');
  });
});
