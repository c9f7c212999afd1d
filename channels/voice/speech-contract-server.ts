/**
 * What the contract suites need from a provider's fake server, whichever protocol it speaks: the script it
 * answers, how it misbehaves, and what audio it received.
 */
export interface SpeechContractServer {
  transcript: string;
  /** `refuse`: 401; `busy`: 429; `silent`: never answers; `close`: drops the connection mid-stream. */
  mode: 'normal' | 'refuse' | 'busy' | 'silent' | 'close';
  received(): { sampleRate: number; channels: number; bitsPerSample: number; loud: boolean }[];
  close(): Promise<void>;
}
