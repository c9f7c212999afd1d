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

/**
 * A local server on 127.0.0.1 that speaks OpenAI's `/v1/embeddings` protocol. Its embeddings are
 * deterministic functions of the text (character codes folded into 8 dimensions), so equal texts get
 * equal vectors and different texts different ones.
 */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: FakeOpenAiServer['requests'] = [];
  const failures: number[] = [];
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
