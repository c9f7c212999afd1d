import type http from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { Voting } from '../../hotline';
import type { Logger } from '../logger';
import { createTallyBroadcaster } from './tally-broadcaster';

export interface RealtimeDependencies {
  voting: Voting;
  logger: Logger;
  /** Channels that live on the same socket.io server (the web chat's `/chat` namespace). */
  channels?: { attach(io: Server): void }[];
  /** Other sites' origins allowed to connect with their visitors' cookies (the embedded chat widget). */
  allowedOrigins?: string[];
  /** socket.io's Redis adapter when several processes serve the same clients (see shared-state-connection.ts). */
  adapter?: ServerOptions['adapter'];
}

/** Browsers send Origin; requests without one (other servers, tests) are not a cross-site risk. */
function originAllowed(request: http.IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * socket.io on the app's HTTP server. Namespace `/polls`: a client gets the current poll's tally on
 * connecting (event `tally`, `{pollId, options: [{unitId, votes}]}`) and every change after a vote. The
 * channels given attach their own namespaces (see channels/web).
 */
export function createRealtimeServer(deps: RealtimeDependencies) {
  let io: Server | undefined;
  const broadcaster = createTallyBroadcaster(
    (pollId) => deps.voting.tallyOf(pollId),
    (tally) => io?.of('/polls').emit('tally', tally),
    (error) => deps.logger.error({ err: error }, 'tally broadcast failed'),
  );

  return {
    /** Called by the voting module after each accepted vote. */
    voteAccepted: (pollId: string) => broadcaster.notify(pollId),

    attach(server: http.Server): Server {
      const allowedOrigins = deps.allowedOrigins ?? [];
      io = new Server(server, {
        serveClient: false,
        cors: allowedOrigins.length > 0 ? { origin: allowedOrigins, credentials: true } : { origin: false },
        // CORS does not cover WebSocket upgrades: a page of another site must not chat with its visitor's cookie.
        allowRequest: (request, callback) => callback(null, originAllowed(request, allowedOrigins)),
        // Chat messages are a few hundred characters; anything near this size is not a question.
        maxHttpBufferSize: 64 * 1024,
        ...(deps.adapter ? { adapter: deps.adapter } : {}),
      });
      io.of('/polls').on('connection', (socket) => {
        deps.voting
          .current()
          .then((poll) => {
            if (poll) socket.emit('tally', { pollId: poll.id, options: poll.options.map(({ unitId, votes }) => ({ unitId, votes })) });
          })
          .catch((error: unknown) => deps.logger.error({ err: error }, 'initial tally failed'));
      });
      for (const channel of deps.channels ?? []) channel.attach(io);
      return io;
    },

    async close(): Promise<void> {
      if (!io) return;
      const closing = io;
      io = undefined;
      // Disconnect clients and stop listening for upgrades; the HTTP server itself is closed by its owner.
      closing.disconnectSockets(true);
      closing.engine.close();
    },
  };
}

export type RealtimeServer = ReturnType<typeof createRealtimeServer>;
