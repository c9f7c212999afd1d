import { isAppError } from '../../common';
import { deflatedRepeat, makePdf } from '../../tests/support/make-pdf';
import { defaultIngestLimits } from './ingest-limits';
import { loadDocument } from './load-document';

const megabyte = 1024 * 1024;
const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => (isAppError(error) ? { status: error.status, message: error.message } : error),
  );

describe('PDF limits', () => {
  jest.setTimeout(60_000);

  it('reads a PDF whose page content is deflated', async () => {
    const pdf = makePdf([['宁德市养老服务补贴办法', '第三条 八十周岁以上老人可以申请养老服务补贴。']], (operations) =>
      deflatedRepeat(`${operations}\n`, 1),
    );
    const loaded = await loadDocument(pdf, 'deflated.pdf');
    expect(loaded.title).toBe('宁德市养老服务补贴办法');
  });

  it('refuses a PDF of under 1 MB whose page content inflates to 300 MB, before pdfjs reads it', async () => {
    const bomb = makePdf([['字']], (operations) => deflatedRepeat(`${operations}\n`, 300 * megabyte));
    expect(bomb.length).toBeLessThan(megabyte);
    const started = Date.now();
    expect(await failureOf(loadDocument(bomb, 'bomb.pdf'))).toEqual({ status: 413, message: expect.stringContaining('解压后超过 50 MB') });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops reading a PDF as soon as its text passes the limit', async () => {
    const long = makePdf([['第一条 申请人应当如实提供证明材料。'], ['第二条 材料不全的，应当一次告知。']], (operations) =>
      deflatedRepeat(`${operations}\n`, 2 * megabyte),
    );
    expect(await failureOf(loadDocument(long, 'long.pdf', { ...defaultIngestLimits, maxTextCharacters: 10_000 }))).toEqual({
      status: 413,
      message: expect.stringContaining('文字超过 10,000 字'),
    });
  });

  it('refuses filters that expand without zlib, which cannot be measured beforehand', async () => {
    const lzw = makePdf([['字']], (operations) => ({ data: Buffer.from(operations, 'latin1'), dictionary: '/Filter /LZWDecode' }));
    expect(await failureOf(loadDocument(lzw, 'lzw.pdf'))).toEqual({ status: 422, message: expect.stringContaining('不支持的压缩方式') });
  });
});
