import type { StructuredToolInterface } from '@langchain/core/tools';
import { tool } from 'langchain';
import type { z } from 'zod';
import { AppError, somethingWentWrong } from '../../common';
import type { ToolIntent } from '../intents/intents';
import { asToolResult, contextOf, type ToolContext, type ToolDependencies } from './tool-context';

/** What the offline model knows of a turn when it fills a tool's arguments (DESIGN.md §4 slots). */
export interface TurnSlots {
  /** The message itself. */
  text: string;
  /** The message, or for a follow-up (那霞浦县呢？) the previous question with the new detail. */
  slotText: string;
  unit?: { id: string; name: string; aliases: string[] } | undefined;
  period: { from?: string; to?: string };
  /** The words that named the period (上个月), to be left out of keywords. */
  dateText?: string | undefined;
  /** Words of a text (jieba). */
  segment: (text: string) => string[];
}

/** The function that turns policy passages into a short cited answer (bot/answers). */
export type PolicyAnswerComposer = (
  question: string,
  passages: { title: string; headingPath: string[]; text: string }[],
) => { answer: string; cited: number[] };

/** A page of the column that shows more of what a data tool answered (往期回顾, 诉求数据分析), as a relative path. */
export interface ColumnPage {
  label: string;
  path: string;
}

export interface RenderTurn {
  question: string;
  composePolicy: PolicyAnswerComposer;
}

/** One tool, whole: its name and description, input and output schemas, the call, offline planning and rendering. */
export interface ToolUnitDefinition<Input extends z.ZodObject, Output extends z.ZodType> {
  name: ToolIntent;
  description: string;
  input: Input;
  output: Output;
  /** Data tools answer from the column's records; the policy tool answers from passages and may refuse. */
  kind: 'data' | 'policy';
  call(input: z.output<Input>, deps: ToolDependencies, context: ToolContext): Promise<z.input<Output>>;
  /** The offline model's arguments for this tool, from the slots of the turn. */
  plan(slots: TurnSlots): z.input<Input>;
  /** The offline model's answer, written from the tool's result alone. */
  render(output: z.output<Output>, turn: RenderTurn): string;
  /** Questions offered after an answer of this tool. */
  suggestions: readonly string[];
  /** The column's page for the same question, from the tool's arguments (and its result, when one came back). */
  columnPage?(input: z.output<Input>, output: z.output<Output> | undefined): ColumnPage | undefined;
}

/** A tool unit with its types closed over, so the registry can hold different tools side by side. */
export interface ToolUnit {
  name: ToolIntent;
  description: string;
  kind: 'data' | 'policy';
  suggestions: readonly string[];
  createTool(deps: ToolDependencies): StructuredToolInterface;
  /**
   * The same call without LangChain's tool wrapper (the offline turn, bot/offline-turn.ts): the arguments are
   * checked against the input schema, the result against the output schema, as the LangChain tool does.
   */
  createRunner(deps: ToolDependencies): ToolRunner;
  plan(slots: TurnSlots): Record<string, unknown>;
  /** The result as the output schema reads it, or undefined when it does not match. */
  readResult(content: string): unknown;
  /** The answer for a result, or undefined when the result does not match the output schema. */
  renderResult(content: string, turn: RenderTurn): string | undefined;
  /** The column's page for a call's arguments and result, or undefined (no page, or arguments that break the input schema). */
  columnPageFor(args: unknown, resultContent?: string): ColumnPage | undefined;
}

/** A tool's call: the arguments as a model wrote them, the turn's context; the result as JSON text. */
export type ToolRunner = (args: unknown, context: ToolContext) => Promise<string>;

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

export function defineToolUnit<Input extends z.ZodObject, Output extends z.ZodType>(
  definition: ToolUnitDefinition<Input, Output>,
): ToolUnit {
  const readResult = (content: string) => {
    const parsed = definition.output.safeParse(parseJson(content));
    return parsed.success ? parsed.data : undefined;
  };
  const call = async (input: z.output<Input>, deps: ToolDependencies, context: ToolContext) => {
    const result = asToolResult(await definition.call(input, deps, context));
    // Tool results are what models read: one that breaks its own schema is a bug, not an answer.
    if (readResult(result) === undefined) throw new AppError('INTERNAL', somethingWentWrong, { details: { tool: definition.name } });
    return result;
  };
  return {
    name: definition.name,
    description: definition.description,
    kind: definition.kind,
    suggestions: definition.suggestions,
    createTool: (deps) =>
      tool(async (input: z.output<Input>, runtime: unknown) => call(input, deps, contextOf(runtime)), {
        name: definition.name,
        description: definition.description,
        schema: definition.input,
      }),
    createRunner: (deps) => async (args, context) => call(definition.input.parse(args), deps, context),
    plan: (slots) => definition.plan(slots) as Record<string, unknown>,
    readResult,
    columnPageFor(args, resultContent) {
      if (!definition.columnPage) return undefined;
      const input = definition.input.safeParse(args);
      const output = resultContent === undefined ? undefined : (readResult(resultContent) as z.output<Output> | undefined);
      return input.success ? definition.columnPage(input.data, output) : undefined;
    },
    renderResult(content, turn) {
      const output = readResult(content);
      return output === undefined ? undefined : definition.render(output as z.output<Output>, turn);
    },
  };
}
