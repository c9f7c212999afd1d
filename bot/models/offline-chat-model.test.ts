import { composePolicyAnswer } from '../answers/compose-policy-answer';
import { createIntentRouter } from '../intents/intent-router';
import { createUnitFinder } from '../slots/unit-slots';
import { chatModelContract } from './chat-model.contract';
import { OfflineChatModel } from './offline-chat-model';

chatModelContract('offline', async () => ({
  model: new OfflineChatModel({
    router: createIntentRouter(),
    units: () => createUnitFinder([{ id: 'gjj', name: '宁德市住房公积金中心', aliases: ['公积金中心'] }]),
    composePolicy: composePolicyAnswer,
    segment: (text) => text.split(/\s+/),
  }),
}));
