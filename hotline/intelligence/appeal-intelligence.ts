import { AppError } from '../../common';
import type { Tokenizer } from '../../text';
import { createCategoryClassifier } from './category/category-classifier';
import { readCategoryModel, type CategoryModel } from './category/category-model';
import { createHotTopicFinder, type HotTopic, type HotTopicOptions, type PeriodAppeal } from './hot-topics/hot-topics';
import type { DutyUnit } from './hot-topics/duty-matcher';
import { maskPersonalData } from './privacy/mask-personal-data';
import { createSimilarAppealIndex } from './similar/similar-appeal-index';
import { createAppealSummariser } from './summary/summarise-appeal';
import { readAppealTopics, type AppealTopic } from './tags/appeal-topics';
import { createTopicTagger } from './tags/topic-tagger';
import { cleanAppealText } from './text/clean-appeal-text';
import { isTopicalKeyword } from './text/letter-words';
import { appealTypes, type AppealType } from './type/appeal-types';
import { classifyAppealType } from './type/classify-appeal-type';

export interface AppealText {
  title?: string | null;
  content: string;
}

export interface AppealAnalysis {
  /** One of the column's categories. */
  category: string;
  type: AppealType;
  /** One to three level-3 topics of the appeal taxonomy (none when no topic word occurs). */
  tags: string[];
  /** TF-IDF keywords of the appeal. */
  keywords: string[];
  /** One sentence of at most 60 characters, personal data masked (it is shown to the public). */
  summary: string;
  /** The classifier's calibrated probability for `category`, 0–1. */
  confidence: number;
}

export interface AppealIntelligenceDependencies {
  tokenizer: Tokenizer;
  categoryModel: CategoryModel;
  topics: readonly AppealTopic[];
  /** Overrides the measured similar-appeal threshold. */
  similarityThreshold?: number;
}

/** How many keywords follow the topics in the stored and returned `tags`. */
const taggedKeywordCount = 3;

/** The `tags` stored in appeal_insights and returned by `classify`: the topics first, then keywords. */
export const tagsOf = (analysis: Pick<AppealAnalysis, 'tags' | 'keywords'>): string[] => [
  ...new Set([...analysis.tags, ...analysis.keywords.slice(0, taggedKeywordCount)]),
];

/** Bumped when the pipeline around the model changes what it stores (appeal_insights.model). */
const pipelineVersion = 'appeal-intelligence-1';

const keywordCount = 5;

/**
 * Appeal intelligence without a network: category from the trained model, type from textual cues, topic
 * tags and keywords, an extractive summary, similar past appeals and hot topics for a unit. Pure: it
 * reads nothing and stores nothing; the caller owns the appeals and where insights go.
 */
export function createAppealIntelligence(deps: AppealIntelligenceDependencies) {
  const classifier = createCategoryClassifier({ model: deps.categoryModel, tokenizer: deps.tokenizer });
  const tagger = createTopicTagger({ topics: deps.topics });
  const summarise = createAppealSummariser({ tokenizer: deps.tokenizer });
  const findHotTopics = createHotTopicFinder({ tokenizer: deps.tokenizer, tagger });
  const model = `${pipelineVersion}/${deps.categoryModel.version}/${deps.categoryModel.trainedOn.sha256.slice(0, 12)}`;

  const analyse = (input: AppealText): AppealAnalysis => {
    if (typeof input.content !== 'string' || input.content.trim() === '') {
      throw new AppError('VALIDATION_FAILED', '诉求内容不能为空。');
    }
    const category = classifier.classifyCategory(input);
    const tags = tagger.tag(input).map((tag) => tag.topic);
    const text = cleanAppealText(`${input.title ?? ''}\n${input.content}`);
    return {
      category: category.category,
      type: classifyAppealType(input).type,
      tags,
      keywords: deps.tokenizer
        .keywords(text, keywordCount + tags.length + 5)
        .filter((keyword) => isTopicalKeyword(keyword) && !tags.includes(keyword))
        .slice(0, keywordCount),
      summary: maskPersonalData(summarise(input)),
      confidence: Math.round(category.confidence * 1000) / 1000,
    };
  };

  return {
    /** For appeal_insights.model: the pipeline, the category model and the data it was trained on. */
    model,
    categories: deps.categoryModel.categories,
    /** The categories the model was trained on and can answer with (the labelled data has seven of them). */
    trainedCategories: deps.categoryModel.classes,
    types: appealTypes,
    analyse,
    /**
     * With a chat model configured, its category may replace the local one, but only if it is one of the
     * column's categories; anything else leaves the local classifier's answer standing.
     */
    acceptAdvisedCategory(analysis: AppealAnalysis, advised: unknown): AppealAnalysis {
      const category = typeof advised === 'string' ? advised.trim() : '';
      return deps.categoryModel.categories.includes(category) && category !== analysis.category ? { ...analysis, category } : analysis;
    },
    /** A new, empty index of past appeals; add the appeals to compare against, then search. */
    createSimilarIndex: () => createSimilarAppealIndex({ tokenizer: deps.tokenizer, threshold: deps.similarityThreshold }),
    hotTopics: (appeals: readonly PeriodAppeal[], unit: DutyUnit, options?: HotTopicOptions): HotTopic[] =>
      findHotTopics(appeals, unit, options),
    maskPersonalData,
  };
}

export type AppealIntelligence = ReturnType<typeof createAppealIntelligence>;

/** Reads the committed model and the service's topic list, then builds the facade. */
export function loadAppealIntelligence(options: {
  tokenizer: Tokenizer;
  modelFile?: string;
  topicsFile?: string;
  similarityThreshold?: number;
}) {
  return createAppealIntelligence({
    tokenizer: options.tokenizer,
    categoryModel: readCategoryModel(options.modelFile),
    topics: readAppealTopics(options.topicsFile),
    similarityThreshold: options.similarityThreshold,
  });
}
