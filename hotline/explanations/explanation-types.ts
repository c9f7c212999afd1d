import type { PolicyReference } from '../appeals/appeal-views';

/** Where a point of an explanation comes from: the official reply, or a related policy passage. */
export type ExplanationSource = { kind: 'reply'; unit: string | null } | ({ kind: 'policy' } & PolicyReference);

export type ExplanationPointKind = 'decision' | 'next-step' | 'basis';

/** One point of AI详解: what it says for the citizen, and the exact words of the source it rests on. */
export interface ExplanationPoint {
  kind: ExplanationPointKind;
  /** 办理结果 / 您接下来可以 / 依据 */
  heading: string;
  text: string;
  /** Verbatim from `source` (the masked reply, or the passage's excerpt): the point can be checked against it. */
  quote: string;
  source: ExplanationSource;
}

export interface AppealExplanation {
  appealId: string;
  title: string;
  points: ExplanationPoint[];
  /** offline: sentences picked from the sources and framed by fixed phrases; model: worded by the chat model, each sentence checked against the source it cites. */
  writtenBy: 'offline' | 'model';
  /** Said under every explanation: what it is built from and what counts. */
  notice: string;
}

/** What an explanation is built from: the published reply (masked) and the passages that cleared the threshold. */
export interface ExplanationMaterial {
  appealId: string;
  title: string;
  content: string;
  reply: string;
  replyUnit: string | null;
  policies: PolicyReference[];
}

export const pointHeadings: Record<ExplanationPointKind, string> = {
  decision: '办理结果',
  'next-step': '您接下来可以',
  basis: '依据',
};

export const explanationNotice = '以上解读只摘自官方答复和相关政策原文，每一条都注明出处；以答复原文为准。';
