import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import express, { type NextFunction, type Request, type Response, type RequestHandler } from 'express';
import { z } from 'zod';
import { controlCharacterError, findControlCharacter } from '../common';
import { validationError } from './errors';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDefinition<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Express-style path, e.g. `/api/units/:id`. */
  path: string;
  summary: string;
  tags: string[];
  params?: Params & z.ZodObject;
  query?: Query & z.ZodObject;
  body?: Body;
  /** How the body is sent; multipart bodies are parsed by a guard (e.g. an upload middleware) first. */
  bodyContentType?: 'application/json' | 'multipart/form-data';
  /** Middleware run before validation (authentication, roles, CSRF). */
  guards?: RequestHandler[];
  /** Shown in the OpenAPI document: who may call the route. */
  access?: 'public' | 'authenticated' | 'official' | 'admin';
  responseStatus?: number;
  response: z.ZodType;
  errors?: number[];
}

export interface ValidatedInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  request: Request;
  response: Response;
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const errorDescriptions: Record<number, string> = {
  400: '请求参数不正确',
  401: '未登录或登录已过期',
  403: '没有权限或缺少 CSRF 令牌',
  404: '没有找到',
  409: '与当前状态冲突',
  413: '内容太大',
  422: '内容无法处理',
  429: '请求太频繁',
};

/**
 * Routes declared once: the same zod schemas validate requests and describe them in /api/openapi.json,
 * so the document cannot drift from what the server accepts.
 */
export function createApiRouter() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'xn_session' });
  const router = express.Router();

  function add<Params extends z.ZodType, Query extends z.ZodType, Body extends z.ZodType>(
    definition: RouteDefinition<Params, Query, Body>,
    handler: (input: ValidatedInput<z.infer<Params>, z.infer<Query>, z.infer<Body>>) => Promise<unknown> | unknown,
  ): void {
    const statusCodes = new Set([400, 429, ...(definition.errors ?? [])]);
    if (definition.access && definition.access !== 'public') {
      statusCodes.add(401);
      statusCodes.add(403);
    }
    registry.registerPath({
      method: definition.method,
      path: openApiPath(definition.path),
      summary: definition.summary,
      tags: definition.tags,
      ...(definition.access && definition.access !== 'public' ? { security: [{ sessionCookie: [] }] } : {}),
      request: {
        ...(definition.params ? { params: definition.params } : {}),
        ...(definition.query ? { query: definition.query } : {}),
        ...(definition.body
          ? { body: { content: { [definition.bodyContentType ?? 'application/json']: { schema: definition.body } } } }
          : {}),
      },
      responses: {
        [definition.responseStatus ?? 200]: {
          description: 'OK',
          content: { 'application/json': { schema: definition.response } },
        },
        ...Object.fromEntries(
          [...statusCodes].map((status) => [
            status,
            { description: errorDescriptions[status] ?? '错误', content: { 'application/json': { schema: errorSchema } } },
          ]),
        ),
      },
    });

    const validateAndHandle = async (request: Request, response: Response, next: NextFunction) => {
      try {
        const parse = <T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> => {
          if (!schema) return undefined as z.infer<T>;
          const result = schema.safeParse(value);
          if (!result.success) throw validationError(result.error, where);
          return result.data;
        };
        // The app checks JSON bodies before routing; a guard may have parsed another kind (multipart) since.
        const unreadable = findControlCharacter(request.body, 'body');
        if (unreadable) throw controlCharacterError(unreadable);
        const params = parse(definition.params, request.params, 'params');
        const query = parse(definition.query, request.query, 'query');
        const body = parse(definition.body, request.body ?? {}, 'body');
        const result = await handler({ params, query, body, request, response });
        if (response.headersSent) return;
        response.status(definition.responseStatus ?? 200).json(result);
      } catch (error) {
        next(error);
      }
    };
    router[definition.method](definition.path, ...(definition.guards ?? []), validateAndHandle);
  }

  function document() {
    return new OpenApiGeneratorV3(registry.definitions).generateDocument({
      openapi: '3.0.3',
      info: {
        title: '小宁 Xiaoning API',
        version: '1.0.0',
        description: '宁德 12345 领导接线栏目的智能助手“小宁”的接口。错误统一为 {error: {code, message}}。',
      },
    });
  }

  return { router, add, document };
}

export type ApiRouter = ReturnType<typeof createApiRouter>;
