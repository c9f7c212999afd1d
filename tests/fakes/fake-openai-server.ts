import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAiServer {
  baseUrl: string;
  /** Bodies of the requests received, in order. */
  requests: { path: string; body: unknown; authorization: string | undefined }[];
  /** Status codes to answer with before answering normally (e.g. [503, 429]). */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

interface ChatRequest {
  model: string;
  stream?: boolean;
  tools?: { type: 'function'; function: { name: string } }[];
  messages: { role: string; content: string | null }[];
}

/**
 * Chat completions as a tool-calling model behaves: the first turn calls a tool (search_policies when
 * offered) with the user's words; after a tool result it answers in text that quotes the result and cites
 * [1]. With `stream: true` the answer comes as server-sent events, a few characters per chunk.
 */
function answerChat(body: ChatRequest, response: http.ServerResponse, completionId: string) {
  const last = body.messages.at(-1);
  const userText = [...body.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const toolNames = (body.tools ?? []).map((tool) => tool.function.name);
  const callTool = last?.role !== 'tool' && toolNames.length > 0;
  const toolName = toolNames.includes('search_policies') ? 'search_policies' : toolNames[0];
  const content = callTool ? '' : `根据查到的资料：${String(last?.content ?? '').slice(0, 30)}[1]`;
  const toolCall = { id: 'call_fake_1', type: 'function', function: { name: toolName, arguments: JSON.stringify({ query: userText }) } };
  // Every completion has its own id, as real servers do (LangChain merges messages that share an id).
  const base = { id: completionId, created: 0, model: body.model };
  if (!body.stream) {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: callTool ? null : content, ...(callTool ? { tool_calls: [toolCall] } : {}) },
            finish_reason: callTool ? 'tool_calls' : 'stop',
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  const send = (delta: object, finish: string | null = null) =>
    response.write(
      `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  if (callTool) {
    send({ role: 'assistant', content: null, tool_calls: [{ index: 0, ...toolCall }] });
    send({}, 'tool_calls');
  } else {
    send({ role: 'assistant', content: '' });
    for (const piece of content.match(/[\s\S]{1,5}/g) ?? []) send({ content: piece });
    send({}, 'stop');
  }
  response.end('data: [DONE]\n\n');
}

/**
 * A local server on 127.0.0.1 that speaks OpenAI's `/v1/embeddings` and `/v1/chat/completions` protocols. Its embeddings are
 * deterministic functions of the text (character codes folded into 8 dimensions), so equal texts get
 * equal vectors and different texts different ones.
 */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: FakeOpenAiServer['requests'] = [];
  const failures: number[] = [];
  let completions = 0;
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const body = raw === '' ? undefined : (JSON.parse(raw) as { model?: string; input?: string | string[] });
      requests.push({ path: request.url ?? '', body, authorization: request.headers.authorization });
      const failure = failures.shift();
      if (failure !== undefined) {
        response
          .writeHead(failure, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'temporarily unavailable' } }));
        return;
      }
      if (request.method === 'POST' && request.url === '/v1/chat/completions' && body) {
        completions += 1;
        answerChat(body as unknown as ChatRequest, response, `chatcmpl-fake-${completions}`);
        return;
      }
      if (request.method === 'POST' && request.url === '/v1/embeddings' && body) {
        const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
        const data = inputs.map((text, index) => {
          const embedding = new Array<number>(8).fill(0);
          for (const [position, character] of [...text].entries()) embedding[position % 8]! += (character.codePointAt(0)! % 97) / 97;
          return { object: 'embedding', index, embedding };
        });
        // Real servers may answer out of order; the index says which input each vector belongs to.
        response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: 0, total_tokens: 0 } }));
        return;
      }
      response.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext: (...statuses) => failures.push(...statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
