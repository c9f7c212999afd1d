/** What the server offers for speech (GET /api/speech/status), asked once per page. */
export interface SpeechStatus {
  recognition: boolean;
  synthesis: boolean;
}

const unknownStatus: SpeechStatus = { recognition: false, synthesis: false };

export function speechStatusLoader(origin: string, fetchFunction: typeof fetch = fetch): () => Promise<SpeechStatus> {
  let loading: Promise<SpeechStatus> | undefined;
  return () => {
    loading ??= fetchFunction(`${origin}/api/speech/status`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) return unknownStatus;
        const body = (await response.json()) as Partial<SpeechStatus>;
        return { recognition: body.recognition === true, synthesis: body.synthesis === true };
      })
      .catch(() => {
        // Asked again next time: a page opened offline may find the server later.
        loading = undefined;
        return unknownStatus;
      });
    return loading;
  };
}

/** The answer as it should sound: no [1]-style citation markers. */
export const textToReadAloud = (answer: string): string => answer.replace(/\[\d+\]/g, '').trim();
