/** The column's calls to the REST API (same origin, so the xn_voter cookie goes along), with errors in Chinese. */

export interface PreviewItem {
  id: string;
  unit: { id: string; name: string };
  startsAt: string;
  endsAt: string;
  leaderTitle: string;
  scope: string;
  howToJoin: string;
  channels: { channel: string; name: string }[];
}

export interface PollOption {
  unitId: string;
  unitName: string;
  votes: number;
}

export interface CurrentPoll {
  id: string;
  title: string;
  closesAt: string;
  options: PollOption[];
}

export interface Tally {
  pollId: string;
  options: { unitId: string; votes: number }[];
}

export interface VoteResult {
  pollId: string;
  unitId: string;
  tally: Tally;
  suggestions: string[];
}

export interface SubmissionReceipt {
  id: string;
  status: string;
  unitName: string;
}

/** A failed call: the HTTP status (0 when the network failed), the API's error code and a message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const networkMessage = '网络连接好像出了问题，请检查网络后再试一次。';
const unavailableMessage = '服务暂时不可用，请稍后再试。';

const errorOf = (body: unknown): { code: string; message: string } | undefined => {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
};

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export async function requestJson<T>(
  path: string,
  init: RequestInit = {},
  fetcher: Fetch = (input, options) => fetch(input, options),
): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(path, {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', networkMessage);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return body as T;
  const error = errorOf(body);
  throw new ApiFailure(response.status, error?.code ?? 'UNAVAILABLE', error?.message ?? unavailableMessage);
}

export const api = {
  previews: () => requestJson<{ items: PreviewItem[] }>('/api/previews').then((result) => result.items),
  preview: (id: string) => requestJson<PreviewItem>(`/api/previews/${encodeURIComponent(id)}`),
  currentPoll: () => requestJson<CurrentPoll>('/api/polls/current'),
  vote: (pollId: string, unitId: string) =>
    requestJson<VoteResult>(`/api/polls/${encodeURIComponent(pollId)}/votes`, { method: 'POST', body: JSON.stringify({ unitId }) }),
  submit: (input: { previewId: string; content: string; contact?: string }) =>
    requestJson<SubmissionReceipt>('/api/submissions', { method: 'POST', body: JSON.stringify(input) }),
};
