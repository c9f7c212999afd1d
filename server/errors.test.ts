import express from 'express';
import request from 'supertest';
import { AppError } from '../common';
import { errorHandler, notFoundHandler } from './errors';

describe('the error handler', () => {
  const app = express();
  app.get('/internal', () => {
    throw new Error('connection to 10.0.0.5:5432 refused; password=hunter2');
  });
  app.get('/known', () => {
    throw new AppError('CONFLICT', '您已参与本期投票。', { details: { pollId: 'p1' } });
  });
  app.use(notFoundHandler);
  app.use(errorHandler);

  test('an unexpected error becomes a generic 500 in Chinese with no internals', async () => {
    const response = await request(app).get('/internal').expect(500);
    expect(response.body).toEqual({ error: { code: 'INTERNAL', message: expect.stringContaining('12345') } });
    expect(response.text).not.toMatch(/10\.0\.0\.5|hunter2|Error|at /);
  });

  test('a known error keeps its status, code and message but not its details', async () => {
    const response = await request(app).get('/known').expect(409);
    expect(response.body).toEqual({ error: { code: 'CONFLICT', message: '您已参与本期投票。' } });
  });

  test('an unknown path is a 404 in the same shape', async () => {
    const response = await request(app).get('/nowhere').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});
