import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import { stdSerializers } from 'pino';
import { AppError } from '../common';
import { serializeError } from './error-log-serializer';
import { createLogger } from './logger';

const citizenMessage = '我的电话13812345678，身份证350902199001011234';

/** What pg and PGlite throw: an Error with PostgreSQL's fields on it. */
function databaseError(message: string, fields: { code: string; detail?: string; constraint?: string }) {
  return Object.assign(new Error(message), { severity: 'ERROR', ...fields });
}

function failedInsert(): DrizzleQueryError {
  return new DrizzleQueryError(
    'insert into "messages" ("conversation_id", "role", "content") values ($1, $2, $3)',
    ['c1', 'user', citizenMessage],
    databaseError('invalid byte sequence for encoding "UTF8": 0x00', { code: '22021' }),
  );
}

function loggedLine(log: (logger: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  log(createLogger('info', stream));
  return lines.join('');
}

describe('errors in the log never carry query parameters or values the database echoes', () => {
  test('a failed Drizzle query keeps its SQL, cause and stack but not its parameters', () => {
    const line = loggedLine((logger) => logger.error({ err: failedInsert() }, 'request failed'));
    expect(line).not.toMatch(/13812345678|350902199001011234|params/);
    const { err } = JSON.parse(line) as { err: { type: string; message: string; stack: string; query: string } };
    expect(err.type).toBe('DrizzleQueryError');
    expect(err.message).toBe(
      'Failed query: insert into "messages" ("conversation_id", "role", "content") values ($1, $2, $3): invalid byte sequence for encoding "UTF8": 0x00',
    );
    expect(err.query).toContain('insert into "messages"');
    expect(err.stack).toMatch(/^Error: Failed query: insert into[^\n]*\n {4}at /);
    expect(err.stack).toMatch(/caused by: Error: invalid byte sequence/);
  });

  test('the same inside an AppError, and as pino-http serializes it (its serializer is wrapped)', () => {
    const wrapped = new AppError('INTERNAL', '服务暂时出现问题', { cause: failedInsert() });
    expect(loggedLine((logger) => logger.error({ err: wrapped }, 'failed'))).not.toMatch(/13812345678/);
    const throughPinoHttp = stdSerializers.wrapErrorSerializer(serializeError as (error: ReturnType<typeof stdSerializers.err>) => never);
    expect(JSON.stringify(throughPinoHttp(failedInsert()))).not.toMatch(/13812345678/);
  });

  test("a database error's detail and echoed values are left out; its code stays", () => {
    const duplicate = databaseError('duplicate key value violates unique constraint "users_username_unique"', {
      code: '23505',
      detail: 'Key (username)=(13812345678) already exists.',
      constraint: 'users_username_unique',
    });
    const badNumber = databaseError('invalid input syntax for type integer: "13812345678"', { code: '22P02' });
    for (const error of [duplicate, badNumber]) {
      const line = loggedLine((logger) => logger.error({ err: error }, 'failed'));
      expect(line).not.toContain('13812345678');
      expect(JSON.parse(line).err.code).toBe(error.code);
    }
    expect(JSON.parse(loggedLine((logger) => logger.error({ err: badNumber }, 'failed'))).err.message).toBe(
      'invalid input syntax for type integer: [redacted]',
    );
  });

  test('other errors are serialized as pino does', () => {
    const error = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    expect(serializeError(error)).toEqual(stdSerializers.err(error));
    expect(serializeError('not an error')).toBe('not an error');
  });
});
