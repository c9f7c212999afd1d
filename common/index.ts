/** What the common layer offers the layers above it; they import it from here, never from its files. */
export {
  chatNamespace,
  speechAudioFormat,
  type AudioStart,
  type AudioText,
  type ChatAnswerDone,
  type ChatClientEvents,
  type ChatDelta,
  type ChatError,
  type ChatMessage,
  type ChatReady,
  type ChatServerEvents,
  type ChatSource,
  type ChatTurn,
} from './chat-protocol';
export { chinaClock, chinaDateTime } from './china-time';
export { containsControlCharacter, controlCharacterError, findControlCharacter } from './control-characters';
export { AppError, isAppError, notFound, type ErrorCode } from './errors';
export { messageForPerson, somethingWentWrong, type PersonMessage } from './person-message';
export { createRateLimiter } from './rate-limiter';
export { createWriteBatcher } from './write-batcher';
export {
  isVoterId,
  newVoterId,
  voterCookieMaxAgeMs,
  voterCookieName,
  voterIdFromCookieHeader,
  voterSetCookieHeader,
} from './voter-identity';
export {
  createDictation,
  microphoneRefused,
  speechChannelOfSocket,
  type Dictation,
  type DictationCallbacks,
  type DictationState,
  type SpeechChannel,
  type SpeechSocket,
} from './dictation';
export {
  browserMicrophone,
  microphoneSupported,
  startMicrophoneCapture,
  type BrowserGlobals,
  type MicrophoneDevices,
} from './microphone-capture';
export { pcmCaptureWorkletPath, pcmCaptureWorkletSource } from './pcm-capture-worklet';
export type { CounterWindow, SharedState } from './shared-state/shared-state';
export { createMemorySharedState } from './shared-state/memory-shared-state';
export { createSharedRateLimiter, type SharedRateLimiter, type SharedRateLimitResult } from './shared-state/shared-rate-limiter';
