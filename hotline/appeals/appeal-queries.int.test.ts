import { AppError } from '../../common';
import { openDatabase, type DatabaseHandle } from '../../storage';
import { createRepositories } from '../../storage';
import { createAppealQueries, type AppealQueries } from './appeal-queries';

let database: DatabaseHandle;
let appeals: AppealQueries;

const appeal = (id: string, content: string) => ({
  id,
  receivedAt: new Date('2026-03-02T02:00:00Z'),
  title: '小区停水',
  content,
  status: '已办结',
  source: 'test',
});

beforeAll(async () => {
  database = await openDatabase({});
  const repositories = createRepositories(database.db);
  await repositories.appeals.insertMissing([
    appeal('with-phone', '小区停水三天了，我的电话13812345678，身份证350902199001011234，请尽快处理。'),
    appeal('with-full-width-phone', '小区停水三天了，联系电话１３９ ５９３１ ２２２２。'),
    appeal('with-hotline', '小区停水三天了，2016-10-31我打了12345热线。'),
  ]);
  appeals = createAppealQueries({ repositories });
}, 60_000);
afterAll(() => database.close());

const idsFound = async (q: string) => (await appeals.list({ q, page: 1, pageSize: 20 })).items.map((item) => item.id).sort();

describe('searching past appeals never looks a person up by a personal number', () => {
  test.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '１３８１２３４５６７８',
    '138　1234　5678',
    '138  1234 5678',
    '350902 19900101 1234',
    '0591-12345678',
  ])('a phone or ID number is refused however it is written: %s', async (q) => {
    const refused = await appeals.list({ q, page: 1, pageSize: 20 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('不能按电话号码') });
  });

  test('a fragment of a personal number finds nothing; several fragments in one search are refused as a number', async () => {
    for (const q of ['138', '5678', '3812', '2222', '１３９', '停水 138']) expect(await idsFound(q)).toEqual([]);
    await expect(appeals.list({ q: '1234 5678', page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test('words, dates and the 12345 hotline are still found', async () => {
    expect(await idsFound('停水')).toEqual(['with-full-width-phone', 'with-hotline', 'with-phone']);
    expect(await idsFound('12345')).toEqual(['with-hotline']);
    expect(await idsFound('2016-10-31')).toEqual(['with-hotline']);
    expect(await idsFound('停水 热线')).toEqual(['with-hotline']);
  });
});
