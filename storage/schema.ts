import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  aliases: text('aliases')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  kind: text('kind', { enum: ['municipal', 'county'] }).notNull(),
  duties: text('duties').notNull(),
  dutyTopics: text('duty_topics')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

export const previews = pgTable(
  'previews',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    leaderTitle: text('leader_title').notNull(),
    scope: text('scope').notNull(),
    howToJoin: text('how_to_join').notNull(),
    published: boolean('published').notNull().default(false),
    channels: text('channels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [index('previews_starts_at_idx').on(table.startsAt)],
);

export const polls = pgTable('polls', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
});

export const pollOptions = pgTable(
  'poll_options',
  {
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (table) => [primaryKey({ columns: [table.pollId, table.unitId] })],
);

export const votes = pgTable(
  'votes',
  {
    id: serial('id').primaryKey(),
    pollId: text('poll_id').notNull(),
    voterId: text('voter_id').notNull(),
    unitId: text('unit_id').notNull(),
    channel: text('channel').notNull(),
    createdAt: createdAt(),
    ipHash: text('ip_hash'),
  },
  (table) => [
    // One vote per voter per poll is the database's job, never a read-then-write check.
    uniqueIndex('votes_poll_voter_unique').on(table.pollId, table.voterId),
    index('votes_poll_unit_idx').on(table.pollId, table.unitId),
  ],
);

export const appeals = pgTable(
  'appeals',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id').references(() => units.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    sessionId: text('session_id').references(() => previews.id),
    title: text('title').notNull().default(''),
    content: text('content').notNull(),
    category: text('category'),
    type: text('type'),
    status: text('status').notNull(),
    reply: text('reply'),
    replyUnit: text('reply_unit'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    citizenLabel: text('citizen_label'),
    source: text('source').notNull(),
    // When the row was stored (not when the citizen wrote): lets a paged list ignore appeals added after it began.
    createdAt: createdAt(),
  },
  (table) => [index('appeals_unit_received_idx').on(table.unitId, table.receivedAt), index('appeals_session_idx').on(table.sessionId)],
);

export const appealInsights = pgTable('appeal_insights', {
  appealId: text('appeal_id')
    .primaryKey()
    .references(() => appeals.id, { onDelete: 'cascade' }),
  category: text('category'),
  type: text('type'),
  tags: text('tags')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  summary: text('summary'),
  policyRefs: jsonb('policy_refs')
    .notNull()
    .default(sql`'[]'::jsonb`),
  similarIds: text('similar_ids')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  model: text('model').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const documents = pgTable('documents', {
  id: text('id').primaryKey(),
  source: text('source').notNull().unique(),
  title: text('title').notNull(),
  mime: text('mime').notNull(),
  sha256: text('sha256').notNull(),
  status: text('status', { enum: ['pending', 'indexed', 'failed'] }).notNull(),
  chunkCount: integer('chunk_count').notNull().default(0),
  tags: text('tags')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const chunks = pgTable(
  'chunks',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    text: text('text').notNull(),
    headingPath: text('heading_path')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [uniqueIndex('chunks_document_ordinal_unique').on(table.documentId, table.ordinal)],
);

/** Raw bytes (PostgreSQL bytea); both drivers hand back a Uint8Array (pg a Buffer, which is one). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Files an administrator uploaded that wait for, or went through, background ingestion. The row is the
 * queue's persisted state: after a restart every queued or half-parsed job is taken up again. The file's
 * bytes are kept only until the job ends (then `content` is null); a failed job keeps its reason.
 */
export const ingestionJobs = pgTable(
  'ingestion_jobs',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytes('content'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: ['queued', 'parsing', 'indexed', 'failed'] }).notNull(),
    failureReason: text('failure_reason'),
    documentId: text('document_id'),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ingestion_jobs_status_idx').on(table.status, table.createdAt)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    channel: text('channel').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('conversations_user_idx').on(table.channel, table.userId)],
);

export const messages = pgTable(
  'messages',
  {
    id: serial('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant', 'tool', 'system'] }).notNull(),
    content: text('content').notNull(),
    toolCalls: jsonb('tool_calls'),
    createdAt: createdAt(),
  },
  (table) => [index('messages_conversation_idx').on(table.conversationId, table.id)],
);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['citizen', 'official', 'admin'] }).notNull(),
  unitId: text('unit_id').references(() => units.id),
  createdAt: createdAt(),
  // Set when an administrator disables the account: it can no longer log in and its sessions are gone.
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** Login sessions: only a hash of the token is stored, so a database leak does not leak live sessions. */
export const authSessions = pgTable('auth_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    who: text('who').notNull(),
    what: text('what').notNull(),
    target: text('target'),
    when: timestamp('when', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [index('audit_log_when_idx').on(table.when)],
);

/** Small key/value facts about the installation itself (demo-data marker, generated secrets). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Questions citizens leave for a coming session (征集提交); moderated before the unit's officials see them. */
export const submissions = pgTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    // The session asked about; a session deleted later leaves the question with its unit.
    previewId: text('preview_id').references(() => previews.id, { onDelete: 'set null' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    voterId: text('voter_id').notNull(),
    content: text('content').notNull(),
    // Never shown publicly; every view masks it.
    contact: text('contact'),
    status: text('status', { enum: ['pending', 'published', 'rejected', 'answered'] })
      .notNull()
      .default('pending'),
    ipHash: text('ip_hash'),
    createdAt: createdAt(),
    moderatedBy: text('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    // 已回复: the unit's official who answered the question in a session, and a short note of the answer.
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerNote: text('answer_note'),
    // Why a question was not accepted (不予采用), written by the moderator.
    rejectionReason: text('rejection_reason'),
  },
  (table) => [
    index('submissions_status_created_idx').on(table.status, table.createdAt),
    index('submissions_unit_status_idx').on(table.unitId, table.status),
  ],
);
