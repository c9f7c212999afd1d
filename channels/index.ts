/** What the channels layer offers the layers above it; they import it from here, never from its files. */
export { answerWithXiaoning } from './answer-with-xiaoning';
export { createWebChatAdapter } from './web/web-chat-adapter';
export { createWechatChannel } from './wechat/create-wechat-channel';
export {
  createSpeechServices,
  createVoiceStreams,
  transcribeRecording,
  maxUtteranceBytes,
  maxUtteranceSeconds,
  notConfiguredError,
  speechPcmFromWav,
  speechTexts,
  type SpeechServices,
  type SpeechSettings,
  type SynthesisedAudio,
  type VoiceStreams,
} from './voice';
export {
  columnMenu,
  createWechatPublisher,
  previewPushText,
  type PushedPreview,
  type WechatOutcome,
  type WechatPublisher,
} from './wechat/wechat-publisher';
export { describeWechatError } from './wechat/wechat-error-codes';
