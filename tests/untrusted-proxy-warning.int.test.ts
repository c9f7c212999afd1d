import request from 'supertest';
import { createTestApp } from './support/test-app';

const warningsAboutTheProxy = (lines: string[]) => lines.filter((line) => line.includes('"level":40') && line.includes('TRUST_PROXY'));

describe('requests through a proxy while TRUST_PROXY=0', () => {
  test('the first one writes one warning to the log, naming TRUST_PROXY; later ones do not repeat it', async () => {
    const testApp = await createTestApp({ TRUST_PROXY: '0', VECTOR_STORE: 'off' });
    try {
      await request(testApp.app).get('/api/health');
      expect(warningsAboutTheProxy(testApp.logs.lines)).toEqual([]);
      await request(testApp.app).get('/api/health').set('X-Forwarded-For', '203.0.113.7, 10.0.0.2');
      await request(testApp.app).get('/api/units').set('X-Forwarded-For', '198.51.100.9');
      const warnings = warningsAboutTheProxy(testApp.logs.lines);
      expect(warnings).toHaveLength(1);
      expect(JSON.parse(warnings[0]!)).toMatchObject({ forwardedHops: 2 });
      // The addresses themselves are not logged.
      expect(testApp.logs.text()).not.toMatch(/203\.0\.113\.7|198\.51\.100\.9/);
    } finally {
      await testApp.close();
    }
  });

  test('with TRUST_PROXY set there is nothing to warn about', async () => {
    const testApp = await createTestApp({ TRUST_PROXY: '1', VECTOR_STORE: 'off' });
    try {
      await request(testApp.app).get('/api/health').set('X-Forwarded-For', '203.0.113.7');
      expect(warningsAboutTheProxy(testApp.logs.lines)).toEqual([]);
    } finally {
      await testApp.close();
    }
  });
});
