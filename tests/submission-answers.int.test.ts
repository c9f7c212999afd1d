import request from 'supertest';
import { createUserAccount } from '../server/auth/user-accounts';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

/** 群众留言 on the console: marking a question 已回复 with a note (POST /api/units/:id/submissions/:submissionId/answer). */
describe('answering citizens’ questions', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  const password = 'answers-secret-pass-7';
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    testApp = await createTestApp({}, { demoData: true });
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'zjj-answers', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'admin-answers', password, role: 'admin' }, 'test');
    for (const [id, unitId, status] of [
      ['q-published', 'zjj', 'published'],
      ['q-pending', 'zjj', 'pending'],
      ['q-other-unit', 'gjj', 'published'],
    ] as const) {
      await repositories.submissions.create({
        id,
        unitId,
        voterId: `web:${id}`,
        content: '小区电梯坏了很久了，请问怎么办？我的电话13800001111',
      });
      if (status === 'published')
        await repositories.submissions.moderate(id, { status, moderatedBy: 'admin-answers', moderatedAt: new Date() });
    }
    for (const username of ['zjj-answers', 'admin-answers']) {
      const response = await request(testApp.app).post('/api/auth/login').send({ username, password }).expect(200);
      sessions[username] = {
        cookie: /xn_session=[^;]+/.exec(String(response.headers['set-cookie']))![0],
        csrf: (response.body as { csrfToken: string }).csrfToken,
      };
    }
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const answer = (username: string, unitId: string, id: string, note: unknown) =>
    request(testApp.app)
      .post(`/api/units/${unitId}/submissions/${id}/answer`)
      .set('Cookie', sessions[username]!.cookie)
      .set('X-CSRF-Token', sessions[username]!.csrf)
      .send({ note });

  it('marks a published question 已回复 with the note, masked, listed with it and audited', async () => {
    const response = await answer('zjj-answers', 'zjj', 'q-published', '已在接线中答复，联系13800001111的业主').expect(200);
    expect(response.body).toMatchObject({ id: 'q-published', status: 'answered', answer: { by: 'zjj-answers' } });
    expect(response.body.answer.note).toContain('已在接线中答复');
    expect(response.body.answer.note).not.toContain('13800001111');
    const listed = await request(testApp.app).get('/api/units/zjj/submissions').set('Cookie', sessions['zjj-answers']!.cookie).expect(200);
    expect((listed.body.items as { id: string; status: string }[]).map((item) => [item.id, item.status])).toEqual([
      ['q-published', 'answered'],
    ]);
    const audit = await testApp.services.repositories.auditLog.list(10);
    expect(audit.find((entry) => entry.what === 'submission.answer')).toMatchObject({
      who: 'zjj-answers',
      target: 'q-published',
      before: { status: 'published', answer: null },
      after: { status: 'answered' },
    });
  });

  it('refuses in Chinese: a question not yet published, an empty or over-long note, another unit’s question', async () => {
    const pending = await answer('zjj-answers', 'zjj', 'q-pending', '已答复').expect(409);
    expect(pending.body.error.message).toContain('还没有通过审核');
    expect((await answer('zjj-answers', 'zjj', 'q-published', ' ').expect(400)).body.error.message).toContain('请简要写一下');
    expect((await answer('zjj-answers', 'zjj', 'q-published', '答'.repeat(201)).expect(400)).body.error.message).toContain('200 字以内');
    // Another unit's question under one's own unit is not found; under the other unit it is forbidden.
    await answer('zjj-answers', 'zjj', 'q-other-unit', '已答复').expect(404);
    await answer('zjj-answers', 'gjj', 'q-other-unit', '已答复').expect(403);
    await request(testApp.app)
      .post('/api/units/zjj/submissions/q-published/answer')
      .set('Cookie', sessions['zjj-answers']!.cookie)
      .send({ note: '没有令牌' })
      .expect(403);
    await request(testApp.app).post('/api/units/zjj/submissions/q-published/answer').send({ note: '未登录' }).expect(401);
  });

  it('an administrator answers for any unit', async () => {
    await answer('admin-answers', 'gjj', 'q-other-unit', '管理员代为登记：已电话答复').expect(200);
  });
});
