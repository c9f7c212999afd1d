import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, createRateLimiter, notFound } from '../../common';
import type { PreviewsRepository, Submission, SubmissionStatus, SubmissionsRepository, UnitsRepository } from '../../storage';
import type { Voter } from '../polls/voting';
import { voterIdOf } from '../polls/voting';
import { submissionView, type SubmissionView } from './submission-views';

export const submissionContentLimits = { min: 10, max: 500 };
export const submissionContactMaxLength = 50;
/** The note an official leaves when marking a question 已回复: a line or two, not a letter. */
export const answerNoteLimits = { min: 2, max: 200 };

export interface SubmitQuestion {
  /** The session asked about; its unit is the one that will see the question. */
  previewId?: string | undefined;
  /** A unit without a particular session. */
  unitId?: string | undefined;
  content: string;
  contact?: string | undefined;
  voter: Voter;
}

export interface QuestionSubmissionsDependencies {
  submissions: SubmissionsRepository;
  previews: Pick<PreviewsRepository, 'get'>;
  units: Pick<UnitsRepository, 'get' | 'list'>;
  /** Questions per voter per hour (0 disables). Default 5. */
  perVoterPerHour?: number;
  /** Questions per network address per hour (0 disables). Default 30: shared mobile-carrier addresses. */
  perAddressPerHour?: number;
  addressSalt?: string;
  now?: () => Date;
}

const characterCount = (text: string) => [...text].length;

/** Why a question's text cannot be taken, in words for the person who wrote it; undefined when it can. */
export function contentProblem(content: string): string | undefined {
  const count = characterCount(content.trim());
  if (count === 0) return '请填写留言内容。';
  if (count < submissionContentLimits.min) return `留言内容太短了，请至少写 ${submissionContentLimits.min} 个字，把问题说清楚。`;
  if (count > submissionContentLimits.max) return `留言内容太长了，请控制在 ${submissionContentLimits.max} 字以内（现在 ${count} 字）。`;
  return undefined;
}

const hourlyLimiter = (limit: number, now: () => Date) =>
  limit > 0 ? createRateLimiter({ limit, windowMs: 60 * 60 * 1000, now: () => now().getTime() }) : undefined;

/**
 * 征集提交: a citizen's question for a coming session. Stored as received (content and contact), pending until
 * an administrator publishes or rejects it; published ones are read by the unit's officials. Every view masks
 * personal data.
 */
export function createQuestionSubmissions(deps: QuestionSubmissionsDependencies) {
  const now = deps.now ?? (() => new Date());
  const perVoter = hourlyLimiter(deps.perVoterPerHour ?? 5, now);
  const perAddress = hourlyLimiter(deps.perAddressPerHour ?? 30, now);
  const salt = deps.addressSalt ?? randomBytes(32).toString('base64url');
  const addressHash = (address: string) => createHash('sha256').update(`submission:${salt}:${address}`).digest('hex').slice(0, 32);

  const viewsOf = async (rows: Submission[]): Promise<SubmissionView[]> => {
    const unitById = new Map((await deps.units.list()).map((unit) => [unit.id, unit]));
    const previewIds = [...new Set(rows.flatMap((row) => (row.previewId ? [row.previewId] : [])))];
    const previewById = new Map(
      (await Promise.all(previewIds.map((id) => deps.previews.get(id)))).flatMap((preview) => (preview ? [[preview.id, preview]] : [])),
    );
    return rows.map((row) => submissionView(row, unitById.get(row.unitId), row.previewId ? previewById.get(row.previewId) : undefined));
  };

  const checkLimits = (voter: Voter) => {
    for (const [limiter, key] of [
      [perVoter, `voter:${voterIdOf(voter)}`],
      [perAddress, voter.address !== undefined ? `address:${voter.address}` : undefined],
    ] as const) {
      if (!limiter || key === undefined) continue;
      const result = limiter.hit(key);
      if (!result.allowed)
        throw new AppError('RATE_LIMITED', '留言太频繁了，请过一会儿再试。', { retryAfterSeconds: result.retryAfterSeconds });
    }
  };

  return {
    async submit(question: SubmitQuestion): Promise<{ id: string; status: SubmissionStatus; unitName: string; previewId: string | null }> {
      const { voter } = question;
      if (!voter.established || voter.userId === '') {
        throw new AppError('BAD_REQUEST', '为了防止重复提交，请先允许浏览器保存 Cookie，然后再提交一次。');
      }
      const content = question.content.trim();
      const problem = contentProblem(content);
      if (problem) throw new AppError('VALIDATION_FAILED', problem);
      if (!question.previewId && !question.unitId) throw new AppError('VALIDATION_FAILED', '请选择要留言的接线场次。');
      const contact = question.contact?.trim() || null;
      if (contact && characterCount(contact) > submissionContactMaxLength) {
        throw new AppError('VALIDATION_FAILED', `联系方式最多 ${submissionContactMaxLength} 个字。`);
      }
      checkLimits(voter);

      let unitId = question.unitId;
      let previewId: string | null = null;
      if (question.previewId) {
        const preview = await deps.previews.get(question.previewId);
        if (!preview?.published) throw notFound('这场接线');
        if (preview.endsAt <= now()) throw new AppError('CONFLICT', '这场接线已经结束了，请选择近期的场次留言。');
        unitId = preview.unitId;
        previewId = preview.id;
      }
      const unit = unitId ? await deps.units.get(unitId) : undefined;
      if (!unit) throw new AppError('UNPROCESSABLE', '请选择要留言的接线场次或单位。');

      const created = await deps.submissions.create({
        id: `submission-${randomUUID()}`,
        previewId,
        unitId: unit.id,
        voterId: voterIdOf(voter),
        content,
        contact,
        ipHash: voter.address !== undefined ? addressHash(voter.address) : null,
      });
      return { id: created.id, status: created.status, unitName: unit.name, previewId };
    },

    /** For moderation: every submission (or those of one status), newest first. */
    async list(filter: { status?: SubmissionStatus | undefined; unitId?: string | undefined } = {}) {
      return viewsOf(await deps.submissions.list(filter));
    },

    /** What a unit's officials see: published questions for that unit, those already answered marked, newest first. */
    async publishedFor(unitId: string) {
      if (!(await deps.units.get(unitId))) throw notFound('这个单位');
      return viewsOf(await deps.submissions.list({ status: ['published', 'answered'], unitId }));
    },

    /**
     * 已回复: an official of the question's unit (or an administrator) notes that it was answered and how. Only a
     * published question can be answered; answering again replaces the note. Returns the view before and after
     * for the audit log.
     */
    async markAnswered(input: { id: string; unitId: string; note: string; answeredBy: string }) {
      const before = await deps.submissions.get(input.id);
      // Another unit's question is "not found" for this unit: its existence is not this unit's business.
      if (!before || before.unitId !== input.unitId) throw notFound('这条留言');
      if (before.status !== 'published' && before.status !== 'answered') {
        throw new AppError('CONFLICT', '这条留言还没有通过审核，不能标记为已回复。');
      }
      const note = input.note.trim();
      const length = characterCount(note);
      if (length < answerNoteLimits.min) throw new AppError('VALIDATION_FAILED', '请简要写一下是怎么回复的。');
      if (length > answerNoteLimits.max) {
        throw new AppError('VALIDATION_FAILED', `回复说明请控制在 ${answerNoteLimits.max} 字以内（现在 ${length} 字）。`);
      }
      const after = await deps.submissions.markAnswered(input.id, { answeredBy: input.answeredBy, answeredAt: now(), answerNote: note });
      const [beforeView, afterView] = await viewsOf([before, after!]);
      return { before: beforeView!, after: afterView! };
    },

    /** Publishes or rejects (with the moderator's reason); returns the view before and after for the audit log. */
    async moderate(id: string, status: 'published' | 'rejected', moderatedBy: string, rejectionReason?: string) {
      const before = await deps.submissions.get(id);
      if (!before) throw notFound('这条留言');
      const reason = status === 'rejected' ? rejectionReason?.trim() || null : null;
      const after = await deps.submissions.moderate(id, { status, moderatedBy, moderatedAt: now(), rejectionReason: reason });
      const [beforeView, afterView] = await viewsOf([before, after!]);
      return { before: beforeView!, after: afterView! };
    },
  };
}

export type QuestionSubmissions = ReturnType<typeof createQuestionSubmissions>;
