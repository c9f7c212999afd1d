import JSZip from 'jszip';
import { isAppError } from '../../common';
import { makeDocx } from '../../tests/support/make-docx';
import { makeZipBomb } from '../../tests/support/make-zip-bomb';
import { defaultIngestLimits } from './ingest-limits';
import { loadDocument } from './load-document';
import { checkZipArchive } from './zip-guard';

const megabyte = 1024 * 1024;

/** The refusal, how long it took and how much the heap grew on the way. */
async function refusal(work: Promise<unknown>) {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return {
    status: isAppError(error) ? error.status : undefined,
    message: error instanceof Error ? error.message : '',
    milliseconds: Date.now() - started,
    heapGrowth: process.memoryUsage().heapUsed - heapBefore,
  };
}

describe('checkZipArchive and loadDocument on zip bombs shaped like Word files', () => {
  jest.setTimeout(60_000);

  it('refuses the reported file (306 KB, word/document.xml inflating to 300 MB) from its central directory', async () => {
    const bomb = await makeZipBomb({ inflatedBytes: 300 * megabyte });
    expect(bomb.length).toBeLessThan(320 * 1024);
    const result = await refusal(loadDocument(bomb, 'bomb.docx'));
    expect(result).toMatchObject({ status: 413, message: expect.stringContaining('解压后超过 50 MB') });
    expect(result.milliseconds).toBeLessThan(1000);
  });

  it('refuses the 1.2 GB variant the same way', async () => {
    const result = await refusal(loadDocument(await makeZipBomb({ inflatedBytes: 1200 * megabyte }), 'bomb.docx'));
    expect(result).toMatchObject({ status: 413, message: expect.stringContaining('解压后超过') });
    expect(result.milliseconds).toBeLessThan(1000);
  });

  it('refuses a bomb whose central directory lies about its size while inflating it, keeping none of it', async () => {
    const lying = await makeZipBomb({ inflatedBytes: 300 * megabyte, declaredBytes: 1024 });
    const result = await refusal(loadDocument(lying, 'lying.docx'));
    expect(result.status).toBe(413);
    expect(result.message).toMatch(/超过 (16|50) MB/);
    expect(result.heapGrowth).toBeLessThan(50 * megabyte);
    // Without the markup limit in the way, the inflated-size limit stops it (a lying media entry).
    const generous = { ...defaultIngestLimits, maxMarkupBytes: Infinity, maxMarkupTags: Infinity, maxMarkupAttributes: Infinity };
    expect(await refusal(checkZipArchive(lying, generous))).toMatchObject({
      status: 413,
      message: expect.stringContaining('解压后超过 50 MB'),
    });
  });

  it('refuses an archive of 10,000 entries before inflating any', async () => {
    const many = await makeZipBomb({ inflatedBytes: 1024, extraEntries: 10_000 });
    expect(await refusal(loadDocument(many, 'many.docx'))).toMatchObject({
      status: 413,
      message: expect.stringContaining('压缩包内的部件超过 2,000 个'),
    });
  });

  it('refuses markup a converter would need hundreds of MB for, before converting it', async () => {
    // 40 MB of short articles: under the inflated-size limit, far over the tag limit.
    const articles = await makeZipBomb({ inflatedBytes: 40 * megabyte, shape: 'paragraphs' });
    const result = await refusal(loadDocument(articles, 'articles.docx'));
    expect(result).toMatchObject({ status: 413, message: expect.stringContaining('标签超过 100,000 个') });
    expect(result.milliseconds).toBeLessThan(2000);
  });

  it('refuses a document that converts to more chunks than allowed, and one with more text than allowed', async () => {
    const articles = await makeZipBomb({ inflatedBytes: 2_000 * 118, shape: 'paragraphs' });
    const limits = { ...defaultIngestLimits, maxChunks: 1_000, maxTextCharacters: 50_000 };
    expect(await refusal(loadDocument(articles, 'articles.docx', limits))).toMatchObject({
      status: 413,
      message: expect.stringContaining('文字超过 50,000 字'),
    });
  });

  it('lets real Word files through, stored or deflated', async () => {
    const docx = await makeDocx([
      { text: '宁德市公共租赁住房管理办法', heading: 1 },
      { text: '第六条 申请公共租赁住房，应当提交家庭收入证明。' },
    ]);
    await expect(checkZipArchive(docx, defaultIngestLimits)).resolves.toBeUndefined();
    const stored = await (await JSZip.loadAsync(docx)).generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    await expect(checkZipArchive(stored, defaultIngestLimits)).resolves.toBeUndefined();
    expect((await loadDocument(stored, 'stored.docx')).title).toBe('宁德市公共租赁住房管理办法');
  });

  it('refuses damaged or unusual archives with 422', async () => {
    const docx = await makeDocx([{ text: '办法', heading: 1 }]);
    const truncated = docx.subarray(0, docx.length - 30);
    const prefixed = Buffer.concat([Buffer.from('MZ padding'), docx]);
    for (const archive of [truncated, prefixed, Buffer.from('PK\u0003\u0004word/document.xml')]) {
      const result = await refusal(checkZipArchive(archive, defaultIngestLimits));
      expect(result).toMatchObject({ status: 422, message: expect.stringContaining('Word 文件已损坏') });
    }
  });
});
