/** The voice channel's public surface; the channels layer re-exports what the server needs. */
export { createSpeechServices, type SpeechServices, type SpeechSettings } from './create-speech';
export { createVoiceStreams, type VoiceStreams } from './voice-streams';
export { notConfiguredError, speechTexts } from './speech-errors';
export type { SpeechToText, TextToSpeech, SynthesisedAudio } from './speech-types';
export { maxUtteranceBytes, maxUtteranceSeconds } from './voice-limits';
export { createAudioTranscoder, type AudioTranscoder } from './transcode-audio';
export { transcribeRecording } from './transcribe-recording';
export { bytesPerSecond, speechPcmFromWav, wavFromPcm } from './wav';
