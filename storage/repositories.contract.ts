import type { DatabaseHandle } from './database';
import { createRepositories, type Repositories } from './repositories';

/**
 * One suite for the repositories, run against every driver (PGlite and a PostgreSQL server):
 * the same code must behave the same on both.
 */
export function repositoryContract(open: () => Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }>) {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let repositories: Repositories;

  beforeAll(async () => {
    ({ handle, dispose } = await open());
    repositories = createRepositories(handle.db);
    await repositories.units.insertMissing([
      { id: 'zjj', name: '宁德市住房和城乡建设局', aliases: ['住建局'], kind: 'municipal', duties: '物业', dutyTopics: ['物业管理'] },
      { id: 'gjj', name: '宁德市住房公积金中心', aliases: [], kind: 'municipal', duties: '公积金', dutyTopics: ['住房公积金'] },
      { id: 'xpx', name: '霞浦县人民政府', aliases: ['霞浦'], kind: 'county', duties: '县域事务', dutyTopics: [] },
    ]);
  });
  afterAll(async () => {
    await dispose();
  });

  test('units: insertMissing keeps existing rows and lists every unit', async () => {
    const again = await repositories.units.insertMissing([
      { id: 'zjj', name: '宁德市住房和城乡建设局', aliases: [], kind: 'municipal', duties: '改过的', dutyTopics: [] },
    ]);
    expect(again).toBe(0);
    expect((await repositories.units.get('zjj'))?.duties).toBe('物业');
    expect((await repositories.units.list()).map((unit) => unit.id)).toEqual(['gjj', 'zjj', 'xpx']);
    expect(await repositories.units.get('nope')).toBeUndefined();
    expect(await repositories.units.count()).toBe(3);
  });

  test('previews: filtered by time window, unit and publication, ordered by start', async () => {
    const day = (offset: number) => new Date(Date.UTC(2026, 10, 24 + offset, 7));
    await repositories.previews.insertMissing([
      {
        id: 'p2',
        unitId: 'zjj',
        startsAt: day(7),
        endsAt: day(7.1),
        leaderTitle: '局长',
        scope: '物业',
        howToJoin: '拨打12345',
        published: true,
      },
      {
        id: 'p1',
        unitId: 'xpx',
        startsAt: day(-7),
        endsAt: day(-6.9),
        leaderTitle: '县长',
        scope: '县域',
        howToJoin: '拨打12345',
        published: true,
      },
      {
        id: 'p3',
        unitId: 'zjj',
        startsAt: day(14),
        endsAt: day(14.1),
        leaderTitle: '局长',
        scope: '物业',
        howToJoin: '拨打12345',
        published: false,
      },
    ]);
    expect((await repositories.previews.list()).map((preview) => preview.id)).toEqual(['p1', 'p2', 'p3']);
    expect((await repositories.previews.list({ from: day(0), publishedOnly: true })).map((p) => p.id)).toEqual(['p2']);
    expect((await repositories.previews.list({ unitId: 'zjj', to: day(10) })).map((p) => p.id)).toEqual(['p2']);
    const updated = await repositories.previews.update('p3', { published: true });
    expect(updated?.published).toBe(true);
    expect(await repositories.previews.remove('p3')).toBe(true);
    expect(await repositories.previews.remove('p3')).toBe(false);
    expect(await repositories.previews.get('p3')).toBeUndefined();
  });

  test('polls: one vote per voter is enforced by the database, also for concurrent votes', async () => {
    const now = new Date();
    await repositories.polls.create(
      {
        id: 'poll-1',
        title: '征集',
        opensAt: new Date(now.getTime() - 86_400_000),
        closesAt: new Date(now.getTime() + 86_400_000),
        status: 'open',
      },
      ['zjj', 'gjj', 'xpx'],
    );
    expect((await repositories.polls.findCurrent(now))?.id).toBe('poll-1');
    expect(await repositories.polls.findCurrent(new Date(now.getTime() + 2 * 86_400_000))).toBeUndefined();
    expect(await repositories.polls.optionUnitIds('poll-1')).toEqual(['gjj', 'xpx', 'zjj']);

    const attempts = await Promise.all(
      ['zjj', 'gjj', 'xpx', 'zjj'].map((unitId) =>
        repositories.polls.castVote({ pollId: 'poll-1', voterId: 'voter-a', unitId, channel: 'web', ipHash: 'h' }),
      ),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await repositories.polls.castVote({ pollId: 'poll-1', voterId: 'voter-b', unitId: 'xpx', channel: 'wechat' })).toBe(true);
    expect(await repositories.polls.castVote({ pollId: 'poll-1', voterId: 'voter-c', unitId: 'xpx', channel: 'web' })).toBe(true);

    // Several votes in one statement: each decided by the same index, a voter twice by the first occurrence.
    expect(
      await repositories.polls.castVotes([
        { pollId: 'poll-1', voterId: 'voter-d', unitId: 'zjj', channel: 'web' },
        { pollId: 'poll-1', voterId: 'voter-b', unitId: 'zjj', channel: 'web' },
        { pollId: 'poll-1', voterId: 'voter-e', unitId: 'xpx', channel: 'web' },
        { pollId: 'poll-1', voterId: 'voter-d', unitId: 'gjj', channel: 'web' },
      ]),
    ).toEqual([true, false, true, false]);
    expect(await repositories.polls.castVotes([])).toEqual([]);
    const tally = await repositories.polls.tally('poll-1');
    expect(tally.reduce((sum, option) => sum + option.votes, 0)).toBe(5);
    expect(tally[0]).toEqual({ unitId: 'xpx', unitName: '霞浦县人民政府', votes: expect.any(Number) });
    expect(tally[0]!.votes).toBeGreaterThanOrEqual(2);
    expect(tally).toHaveLength(3);

    await repositories.polls.setStatus('poll-1', 'closed');
    expect(await repositories.polls.findCurrent(now)).toBeUndefined();
    // A closed poll is still the latest one (下期建议 after the vote); a draft never is.
    expect((await repositories.polls.latest())?.id).toBe('poll-1');
    await repositories.polls.create(
      {
        id: 'poll-draft',
        title: '草稿',
        opensAt: new Date(now.getTime() + 86_400_000),
        closesAt: new Date(now.getTime() + 2 * 86_400_000),
        status: 'draft',
      },
      ['zjj'],
    );
    expect((await repositories.polls.latest())?.id).toBe('poll-1');
    expect((await repositories.polls.list()).map((poll) => poll.id)).toEqual(['poll-draft', 'poll-1']);
  });

  test('appeals and insights: filters, paging, literal search, per-day counts', async () => {
    const base = Date.UTC(2026, 9, 1, 2);
    const rows = Array.from({ length: 25 }, (_, index) => ({
      id: `appeal-${String(index).padStart(2, '0')}`,
      unitId: index % 2 === 0 ? 'zjj' : 'gjj',
      receivedAt: new Date(base + index * 86_400_000),
      title: index === 3 ? '小区物业乱收费100%' : `诉求${index}`,
      content: index % 5 === 0 ? '公积金提取问题' : '物业服务问题',
      category: '城乡建设',
      type: index % 3 === 0 ? '投诉' : '咨询',
      status: '已办结',
      source: 'test',
    }));
    expect(await repositories.appeals.insertMissing(rows)).toBe(25);
    expect(await repositories.appeals.insertMissing(rows.slice(0, 5))).toBe(0);

    const firstPage = await repositories.appeals.list({ unitId: 'zjj' }, { page: 1, pageSize: 5 });
    expect(firstPage.total).toBe(13);
    expect(firstPage.items.map((appeal) => appeal.id)).toEqual(['appeal-24', 'appeal-22', 'appeal-20', 'appeal-18', 'appeal-16']);
    const lastPage = await repositories.appeals.list({ unitId: 'zjj' }, { page: 3, pageSize: 5 });
    expect(lastPage.items.map((appeal) => appeal.id)).toEqual(['appeal-04', 'appeal-02', 'appeal-00']);

    expect((await repositories.appeals.list({ query: '公积金' }, { page: 1, pageSize: 50 })).total).toBe(5);
    expect((await repositories.appeals.list({ query: '100%' }, { page: 1, pageSize: 50 })).items.map((a) => a.id)).toEqual(['appeal-03']);
    expect((await repositories.appeals.list({ query: '%' }, { page: 1, pageSize: 50 })).total).toBe(1);
    expect(await repositories.appeals.count({ type: '投诉', from: new Date(base), to: new Date(base + 10 * 86_400_000) })).toBe(4);

    const days = await repositories.appeals.countByDay({ unitId: 'gjj', from: new Date(base), to: new Date(base + 4 * 86_400_000) });
    expect(days).toEqual([
      { day: '2026-10-02', count: 1 },
      { day: '2026-10-04', count: 1 },
    ]);

    await repositories.appeals.saveInsight({
      appealId: 'appeal-03',
      category: '城乡建设',
      type: '投诉',
      tags: ['物业管理'],
      summary: '物业乱收费',
      model: 'test-1',
    });
    await repositories.appeals.saveInsight({
      appealId: 'appeal-03',
      category: '城乡建设',
      type: '投诉',
      tags: ['物业管理', '收费'],
      summary: '物业乱收费',
      model: 'test-2',
    });
    const insight = await repositories.appeals.getInsight('appeal-03');
    expect(insight).toMatchObject({ tags: ['物业管理', '收费'], model: 'test-2', policyRefs: [], similarIds: [] });
    expect(await repositories.appeals.getMany(['appeal-01', 'missing'])).toHaveLength(1);
  });

  test('documents and chunks: saving a new version replaces every chunk; deleting cascades', async () => {
    const document = {
      id: 'doc-1',
      source: 'laws/物业管理条例.md',
      title: '物业管理条例',
      mime: 'text/markdown',
      sha256: 'a',
      status: 'indexed' as const,
    };
    await repositories.documents.saveWithChunks(document, [
      { id: 'doc-1#0', ordinal: 0, text: '第一条', headingPath: ['物业管理条例', '第一章 总则', '第一条'] },
      { id: 'doc-1#1', ordinal: 1, text: '第二条', headingPath: ['物业管理条例', '第一章 总则', '第二条'] },
    ]);
    const saved = await repositories.documents.saveWithChunks({ ...document, sha256: 'b' }, [
      { id: 'doc-1#0', ordinal: 0, text: '新的第一条', headingPath: ['物业管理条例'] },
    ]);
    expect(saved).toMatchObject({ sha256: 'b', chunkCount: 1 });
    expect((await repositories.documents.chunksOf('doc-1')).map((chunk) => chunk.text)).toEqual(['新的第一条']);
    expect((await repositories.documents.findBySource('laws/物业管理条例.md'))?.id).toBe('doc-1');
    expect(await repositories.documents.list()).toHaveLength(1);
    await repositories.documents.saveWithChunks({ ...document, id: 'doc-2', source: 'laws/other.md' }, [
      { id: 'doc-2#0', ordinal: 0, text: '另一份', headingPath: ['另一份'] },
    ]);
    expect((await repositories.documents.allChunks()).map((chunk) => chunk.id)).toEqual(['doc-1#0', 'doc-2#0']);
    // The chunks of a document left out are not read at all (a document over the chunk limit, at start).
    expect((await repositories.documents.allChunks(['doc-1'])).map((chunk) => chunk.id)).toEqual(['doc-2#0']);
    expect(await repositories.documents.remove('doc-2')).toBe(true);
    expect(await repositories.documents.remove('doc-1')).toBe(true);
    expect(await repositories.documents.allChunks()).toEqual([]);
  });

  test('ingestion jobs: bytes kept until the job ends, unfinished ones in upload order, running ones not removable', async () => {
    const jobs = repositories.ingestionJobs;
    const bytes = new Uint8Array([0x23, 0x20, 0xe6, 0xa0, 0x87, 0x00, 0xff]);
    const first = await jobs.add({
      id: 'job-1',
      source: 'uploads/a.md',
      fileName: 'a.md',
      sizeBytes: 7,
      content: bytes,
      tags: [],
      uploadedBy: 'admin',
    });
    expect(first).toMatchObject({ status: 'queued', failureReason: null, documentId: null });
    await jobs.add({
      id: 'job-2',
      source: 'uploads/b.md',
      fileName: 'b.md',
      sizeBytes: 1,
      content: new Uint8Array([1]),
      tags: ['t'],
      uploadedBy: 'admin',
    });
    expect([...(await jobs.contentOf('job-1'))!]).toEqual([...bytes]);
    await jobs.setStatus('job-1', 'parsing');
    expect((await jobs.unfinished()).map((job) => [job.id, job.status])).toEqual([
      ['job-1', 'parsing'],
      ['job-2', 'queued'],
    ]);
    expect(await jobs.removeIdle('job-1')).toBe(false);
    await jobs.finish('job-1', { status: 'indexed', documentId: 'doc-a' });
    await jobs.finish('job-2', { status: 'failed', reason: '文件中没有可用的文字内容。' });
    expect(await jobs.contentOf('job-1')).toBeUndefined();
    expect(await jobs.unfinished()).toEqual([]);
    expect((await jobs.listOpen()).map((job) => [job.id, job.status, job.failureReason])).toEqual([
      ['job-2', 'failed', '文件中没有可用的文字内容。'],
    ]);
    expect(await jobs.removeIdle('job-2')).toBe(true);
    expect(await jobs.get('job-2')).toBeUndefined();
  });

  test('ingestion jobs: one claim wins; a running job is taken over only once its claim is stale', async () => {
    const jobs = repositories.ingestionJobs;
    const add = (id: string) =>
      jobs.add({
        id,
        source: `uploads/${id}.md`,
        fileName: `${id}.md`,
        sizeBytes: 1,
        content: new Uint8Array([1]),
        tags: [],
        uploadedBy: 'admin',
      });
    await add('claim-1');
    const before = new Date(Date.now() - 1000);
    const staleBefore = new Date(Date.now() - 60_000);
    // Two processes reach for the same queued job at once: exactly one gets it.
    const outcomes = await Promise.all([jobs.claim('claim-1', staleBefore), jobs.claim('claim-1', staleBefore)]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await jobs.get('claim-1'))!.status).toBe('parsing');
    // Its claim is fresh: nobody else takes it; once older than the limit, another process may.
    expect(await jobs.claim('claim-1', staleBefore)).toBe(false);
    await jobs.renew('claim-1');
    expect(await jobs.claim('claim-1', new Date(Date.now() + 1000))).toBe(true);
    expect(await jobs.claim('no-such-job', new Date(Date.now() + 1000))).toBe(false);
    expect((await jobs.changedSince(before)).map((job) => job.id)).toContain('claim-1');
    await jobs.finish('claim-1', { status: 'indexed', documentId: 'doc-c' });
    expect(await jobs.claim('claim-1', new Date(Date.now() + 1000))).toBe(false);
    expect((await jobs.changedSince(new Date(Date.now() + 1000))).map((job) => job.id)).toEqual([]);
  });

  test('conversations: ownership by channel and user; last messages oldest first', async () => {
    const conversation = await repositories.conversations.create('web', 'visitor-1');
    for (const content of ['你好', '有什么可以帮您？', '下周谁接线？']) {
      await repositories.conversations.append(conversation.id, {
        role: content.endsWith('？') && content !== '下周谁接线？' ? 'assistant' : 'user',
        content,
      });
    }
    await repositories.conversations.append(conversation.id, {
      role: 'assistant',
      content: '住建局',
      toolCalls: [{ name: 'get_hotline_previews' }],
    });
    const last = await repositories.conversations.lastMessages(conversation.id, 2);
    expect(last.map((message) => message.content)).toEqual(['下周谁接线？', '住建局']);
    expect(last[1]!.toolCalls).toEqual([{ name: 'get_hotline_previews' }]);
    expect(await repositories.conversations.findOwned(conversation.id, 'web', 'visitor-2')).toBeUndefined();
    expect((await repositories.conversations.findOwned(conversation.id, 'web', 'visitor-1'))?.id).toBe(conversation.id);
    expect((await repositories.conversations.latestOf('web', 'visitor-1'))?.id).toBe(conversation.id);
    const owned = await repositories.conversations.ownedWithLastMessages(conversation.id, 'web', 'visitor-1', 2);
    expect(owned?.conversation.id).toBe(conversation.id);
    expect(owned?.messages).toEqual(last);
    expect(await repositories.conversations.ownedWithLastMessages(conversation.id, 'web', 'visitor-2', 2)).toBeUndefined();
    expect(await repositories.conversations.ownedWithLastMessages(conversation.id, 'wechat', 'visitor-1', 2)).toBeUndefined();
    const empty = await repositories.conversations.create('web', 'visitor-1');
    expect(await repositories.conversations.ownedWithLastMessages(empty.id, 'web', 'visitor-1', 9)).toEqual({
      conversation: empty,
      messages: [],
    });
  });

  test('conversations: the turns of several conversations in one statement, each in order after its earlier messages', async () => {
    const first = await repositories.conversations.create('web', 'visitor-turns-1');
    const second = await repositories.conversations.create('web', 'visitor-turns-2');
    await repositories.conversations.append(first.id, { role: 'user', content: '你好' });
    await repositories.conversations.appendTurns([
      {
        conversationId: first.id,
        messages: [
          { role: 'user', content: '失业金怎么领？' },
          { role: 'assistant', content: '可以申请失业保险金。' },
        ],
      },
      {
        conversationId: second.id,
        messages: [
          { role: 'user', content: '下一期谁接线' },
          { role: 'assistant', content: '下一期是霞浦县。' },
        ],
      },
      { conversationId: first.id, messages: [] },
    ]);
    await repositories.conversations.appendTurns([]);
    expect((await repositories.conversations.lastMessages(first.id, 10)).map((message) => message.content)).toEqual([
      '你好',
      '失业金怎么领？',
      '可以申请失业保险金。',
    ]);
    expect((await repositories.conversations.lastMessages(second.id, 10)).map((message) => message.content)).toEqual([
      '下一期谁接线',
      '下一期是霞浦县。',
    ]);
  });

  test('conversations: a turn appended in one statement keeps its order after earlier messages', async () => {
    const conversation = await repositories.conversations.create('wechat', 'visitor-3');
    await repositories.conversations.append(conversation.id, { role: 'user', content: '你好' });
    const added = await repositories.conversations.appendAll(conversation.id, [
      { role: 'user', content: '失业金怎么领？' },
      { role: 'assistant', content: '可以申请失业保险金。', toolCalls: [{ name: 'search_policies' }] },
      { role: 'tool', content: '{"pendingVote":true}' },
    ]);
    expect(added.map((message) => message.content)).toEqual(['失业金怎么领？', '可以申请失业保险金。', '{"pendingVote":true}']);
    expect(await repositories.conversations.appendAll(conversation.id, [])).toEqual([]);
    const last = await repositories.conversations.lastMessages(conversation.id, 10);
    expect(last.map((message) => message.role)).toEqual(['user', 'user', 'assistant', 'tool']);
    expect(last[2]!.toolCalls).toEqual([{ name: 'search_policies' }]);
  });

  test('users and sessions: unique usernames, expiry, password change ends sessions', async () => {
    const user = await repositories.users.create({ username: 'official-1', passwordHash: 'scrypt$x', role: 'official', unitId: 'zjj' });
    await expect(repositories.users.create({ username: 'official-1', passwordHash: 'y', role: 'citizen' })).rejects.toThrow();
    expect((await repositories.users.list()).map((listed) => listed)).toEqual([
      expect.not.objectContaining({ passwordHash: expect.anything() }),
    ]);

    const now = new Date();
    await repositories.users.createSession({
      tokenHash: 'live',
      userId: user.id,
      csrfToken: 'c',
      expiresAt: new Date(now.getTime() + 60_000),
    });
    await repositories.users.createSession({
      tokenHash: 'old',
      userId: user.id,
      csrfToken: 'c',
      expiresAt: new Date(now.getTime() - 60_000),
    });
    expect((await repositories.users.findSession('live', now))?.user.username).toBe('official-1');
    expect(await repositories.users.findSession('old', now)).toBeUndefined();
    expect(await repositories.users.deleteExpiredSessions(now)).toBe(1);
    await repositories.users.setPasswordHash(user.id, 'scrypt$new');
    expect(await repositories.users.findSession('live', now)).toBeUndefined();
    expect((await repositories.users.findByUsername('official-1'))?.passwordHash).toBe('scrypt$new');

    // Disabling ends the sessions and no session of a disabled account is found; enabling lets it log in again.
    await repositories.users.createSession({
      tokenHash: 'again',
      userId: user.id,
      csrfToken: 'c',
      expiresAt: new Date(now.getTime() + 60_000),
    });
    expect((await repositories.users.setDisabled(user.id, now))?.disabledAt).toEqual(now);
    expect(await repositories.users.findSession('again', now)).toBeUndefined();
    await repositories.users.createSession({
      tokenHash: 'later',
      userId: user.id,
      csrfToken: 'c',
      expiresAt: new Date(now.getTime() + 60_000),
    });
    expect(await repositories.users.findSession('later', now)).toBeUndefined();
    expect((await repositories.users.setDisabled(user.id, null))?.disabledAt).toBeNull();
    expect((await repositories.users.findSession('later', now))?.user.username).toBe('official-1');
    expect((await repositories.users.setUnit(user.id, 'gjj'))?.unitId).toBe('gjj');
  });

  test('submissions: stored pending, listed newest first by status and unit, moderated; a deleted session keeps its questions', async () => {
    const { submissions } = repositories;
    await repositories.previews.create({
      id: 'p-sub',
      unitId: 'zjj',
      startsAt: new Date(Date.UTC(2026, 11, 1, 7)),
      endsAt: new Date(Date.UTC(2026, 11, 1, 9)),
      leaderTitle: '局长',
      scope: '物业',
      howToJoin: '拨打12345',
    });
    const first = await submissions.create({
      id: 's1',
      previewId: 'p-sub',
      unitId: 'zjj',
      voterId: 'web:v_a',
      content: '小区电梯坏了半年没人修',
      contact: '13800001111',
      createdAt: new Date(Date.UTC(2026, 10, 20)),
    });
    expect(first).toMatchObject({ status: 'pending', moderatedBy: null, moderatedAt: null, ipHash: null });
    await submissions.create({
      id: 's2',
      unitId: 'gjj',
      voterId: 'web:v_b',
      content: '公积金提取要多久到账',
      createdAt: new Date(Date.UTC(2026, 10, 21)),
    });
    await submissions.create({
      id: 's3',
      previewId: 'p-sub',
      unitId: 'zjj',
      voterId: 'web:v_c',
      content: '物业乱收费怎么办才好',
      createdAt: new Date(Date.UTC(2026, 10, 22)),
    });
    expect((await submissions.list()).map((row) => row.id)).toEqual(['s3', 's2', 's1']);
    expect((await submissions.list({ unitId: 'zjj' })).map((row) => row.id)).toEqual(['s3', 's1']);

    const moderatedAt = new Date(Date.UTC(2026, 10, 23));
    const published = await submissions.moderate('s1', { status: 'published', moderatedBy: 'admin', moderatedAt });
    expect(published).toMatchObject({ status: 'published', moderatedBy: 'admin', moderatedAt });
    await submissions.moderate('s3', { status: 'rejected', moderatedBy: 'admin', moderatedAt });
    expect(await submissions.moderate('nope', { status: 'published', moderatedBy: 'admin', moderatedAt })).toBeUndefined();
    expect((await submissions.list({ status: 'published', unitId: 'zjj' })).map((row) => row.id)).toEqual(['s1']);
    expect((await submissions.list({ status: 'pending' })).map((row) => row.id)).toEqual(['s2']);

    const answeredAt = new Date(Date.UTC(2026, 10, 24));
    const answered = await submissions.markAnswered('s1', { answeredBy: 'official-zjj', answeredAt, answerNote: '已在接线中答复' });
    expect(answered).toMatchObject({ status: 'answered', answeredBy: 'official-zjj', answeredAt, answerNote: '已在接线中答复' });
    expect(await submissions.markAnswered('nope', { answeredBy: 'x', answeredAt, answerNote: 'x' })).toBeUndefined();
    expect((await submissions.list({ status: ['published', 'answered'], unitId: 'zjj' })).map((row) => row.id)).toEqual(['s1']);
    expect((await submissions.list({ status: ['pending', 'rejected'] })).map((row) => row.id)).toEqual(['s3', 's2']);

    await repositories.previews.remove('p-sub');
    expect(await submissions.get('s1')).toMatchObject({ previewId: null, unitId: 'zjj', content: '小区电梯坏了半年没人修' });
    expect(await submissions.get('nope')).toBeUndefined();
  });

  test('audit log and app meta', async () => {
    await repositories.auditLog.record({ who: 'admin', what: 'user.create', target: 'official-1', after: { role: 'official' } });
    await repositories.auditLog.record({
      who: 'admin',
      what: 'preview.update',
      target: 'p2',
      before: { published: false },
      after: { published: true },
    });
    const entries = await repositories.auditLog.list(10);
    expect(entries.map((entry) => entry.what)).toEqual(['preview.update', 'user.create']);
    expect(entries[0]).toMatchObject({ before: { published: false }, after: { published: true } });
    expect((await repositories.auditLog.list(10, 0, { what: 'preview.' })).map((entry) => entry.target)).toEqual(['p2']);
    expect(await repositories.auditLog.count({ who: 'admin', target: 'official-1' })).toBe(1);
    expect(await repositories.auditLog.count({ what: 'user%' })).toBe(0);
    expect(await repositories.auditLog.count({ from: new Date(Date.now() + 60_000) })).toBe(0);
    expect((await repositories.auditLog.distinctActors()).what).toEqual(expect.arrayContaining(['preview.update', 'user.create']));

    expect(await repositories.appMeta.getOrInsert('secret', 'first')).toBe('first');
    expect(await repositories.appMeta.getOrInsert('secret', 'second')).toBe('first');
    await repositories.appMeta.set('secret', 'third');
    expect(await repositories.appMeta.get('secret')).toBe('third');
  });

  test('a failed transaction leaves nothing behind', async () => {
    await expect(
      handle.db.transaction(async (transaction) => {
        const inside = createRepositories(transaction);
        await inside.auditLog.record({ who: 'test', what: 'inside-transaction' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await repositories.auditLog.list(50)).map((entry) => entry.what)).not.toContain('inside-transaction');
  });
}
