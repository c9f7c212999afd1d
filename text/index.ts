/** What the text layer offers the layers above it; they import it from here, never from its files. */
export { isAddressedToAssistant, withoutInstructions } from './addressed-to-assistant';
export { createBm25Postings, defaultBm25Parameters, type Bm25Parameters } from './bm25-postings';
export { characterPairCounts, characterPairs } from './character-pairs';
export { splitClauses, splitSentences, withoutEndMarks } from './split-sentences';
export { stripQuestionWords, textCharacterPairs, type TermAnalyser } from './term-analysers';
export { createTokenizer, type Tokenizer } from './tokenizer';
export { everydayWordsByTopic } from './topic-aliases';
export { createThesaurus, readEverydayTerms, withoutFillers, type Thesaurus, type ThesaurusEntry } from './everyday-terms';
export { createAppealAssociations, createQuestionCues } from './appeal-associations';
