import path from 'node:path';
import type { AppealType } from '../../hotline/intelligence/type/appeal-types';
import { readJsonLines, repositoryRoot } from './shared-data';

export interface TypedAppeal {
  id: string;
  source: string;
  title: string;
  content: string;
  type: AppealType;
}

/** Real appeals from the shared data with the type assigned by reading them (see the fixtures README). */
export const typeFixtureFile = path.join(repositoryRoot, 'hotline/intelligence/fixtures/appeal-types.jsonl');

export const readTypeFixture = (): TypedAppeal[] => readJsonLines<TypedAppeal>(typeFixtureFile);

/** Messages written for the project: urgent ones and ones that mention danger without being urgent. */
export const emergencyMessagesFile = path.join(repositoryRoot, 'hotline/intelligence/fixtures/emergency-messages.jsonl');
