import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStorage, startGateway, startSimulator, type SimulatorHandle, type TestGateway } from '../../test/support/harness.js';

describe('the gateway skeleton', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await gw.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await gw.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('serves an OpenAPI document built from the route schemas', async () => {
    const doc = (await gw.app.inject({ url: '/api/docs' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/lookups', '/api/v1/verifications', '/healthz']));
  });

  it('answers an unknown route with a JSON NOT_FOUND error in Vietnamese', async () => {
    const r = await gw.app.inject({ url: '/api/v1/no/such/route' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy' });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const r = await gw.app.inject({ url: '/api/nope', headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } });
    expect(r.json().error.message).toBe('Not found');
  });

  it('refuses malformed JSON with INVALID_REQUEST and no stack trace', async () => {
    const r = await gw.app.inject({ method: 'POST', url: '/api/v1/lookups', headers: { 'content-type': 'application/json' }, payload: '{"idNumber": ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('INVALID_REQUEST');
    expect(r.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses an oversized body with PAYLOAD_TOO_LARGE', async () => {
    const r = await gw.app.inject({ method: 'POST', url: '/api/v1/lookups', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ purpose: 'x'.repeat(100_000) }) });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const ok = await gw.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const bad = await gw.app.inject({ url: '/api/nope', headers: { 'x-request-id': 'a b<script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.json().error.requestId).toBe(bad.headers['x-request-id']);
  });

  it('sends security headers and no-store on API responses', async () => {
    const r = await gw.app.inject({ url: '/api/docs' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses a lookup without credentials as UNAUTHENTICATED', async () => {
    const r = await gw.app.inject({ method: 'POST', url: '/api/v1/lookups', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect([400, 401]).toContain(r.statusCode);
    const r2 = await gw.app.inject({ method: 'POST', url: '/api/v1/lookups', payload: { idNumber: '001085000001', procedureCode: 'x', dossierCode: 'x', purpose: 'x' } });
    expect(r2.statusCode).toBe(401);
    expect(r2.json().error.code).toBe('UNAUTHENTICATED');
  });
});
