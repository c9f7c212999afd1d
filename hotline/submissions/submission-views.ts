import type { Submission } from '../../storage';
import { maskPersonalData } from '../intelligence/privacy/mask-personal-data';

/** A contact shown to staff without giving it away: 138****1111 for a phone, the first character otherwise. */
export function maskContact(contact: string): string {
  const digits = contact.replace(/[\s-]/g, '');
  if (/^\+?\d{7,}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const characters = [...contact.trim()];
  return characters.length <= 1 ? '***' : `${characters[0]}***`;
}

/** A submission as every view shows it (moderation and the unit's officials alike): personal data masked. */
export function submissionView(
  submission: Submission,
  unit: { id: string; name: string } | undefined,
  preview: { id: string; startsAt: Date } | undefined,
) {
  return {
    id: submission.id,
    unit: { id: submission.unitId, name: unit?.name ?? submission.unitId },
    preview: preview ? { id: preview.id, startsAt: preview.startsAt.toISOString() } : null,
    content: maskPersonalData(submission.content),
    contact: submission.contact ? maskContact(submission.contact) : null,
    status: submission.status,
    createdAt: submission.createdAt.toISOString(),
    moderatedBy: submission.moderatedBy,
    moderatedAt: submission.moderatedAt ? submission.moderatedAt.toISOString() : null,
    /** 不予采用: the moderator's reason (staff only; the citizen's question is never public). */
    rejectionReason: submission.status === 'rejected' ? submission.rejectionReason : null,
    /** 已回复: who answered, when, and the note (masked like the question). */
    answer:
      submission.status === 'answered' && submission.answeredAt
        ? {
            note: maskPersonalData(submission.answerNote ?? ''),
            by: submission.answeredBy ?? '',
            at: submission.answeredAt.toISOString(),
          }
        : null,
  };
}

export type SubmissionView = ReturnType<typeof submissionView>;
