import { afterEach, describe, expect, it } from 'vitest';
import { buildSimulator, DEMO_UPSTREAM_ACCOUNT, DEMO_UPSTREAM_TOKEN } from './server.js';

const apps: Array<ReturnType<typeof buildSimulator>> = [];
function sim() {
  const app = buildSimulator({
    accounts: [{ name: DEMO_UPSTREAM_ACCOUNT, token: DEMO_UPSTREAM_TOKEN }],
    dailyThreshold: 100,
    now: () => new Date('2026-03-10T03:00:00Z'),
  });
  apps.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
const headers = { authorization: `Bearer ${DEMO_UPSTREAM_TOKEN}` };
const post = (app: ReturnType<typeof sim>, url: string, payload: object) =>
  app.inject({ method: 'POST', url, payload, headers });

describe('POST /v1/citizens/verify', () => {
  it('matches number, name and birth date of the record, the name in any case and spacing', async () => {
    const app = sim();
    const { citizen } = (await post(app, '/v1/citizens/lookup', { idNumber: '074085123456' })).json();
    const res = await post(app, '/v1/citizens/verify', {
      idNumber: citizen.idNumber,
      fullName: `  ${String(citizen.fullName).toUpperCase().normalize('NFD').split(' ').join('   ')} `,
      dateOfBirth: citizen.dateOfBirth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ match: { idNumber: true, fullName: true, dateOfBirth: true } });
  });

  it('discloses only booleans, with each wrong field false', async () => {
    const res = await post(sim(), '/v1/citizens/verify', {
      idNumber: '074085123456', fullName: 'Người Khác', dateOfBirth: '1985-01-01',
    });
    expect(res.json()).toEqual({ match: { idNumber: true, fullName: false, dateOfBirth: false } });
  });

  it('matches nothing for a number that belongs to nobody', async () => {
    const res = await post(sim(), '/v1/citizens/verify', {
      idNumber: '079227000001', fullName: 'Ai Đó', dateOfBirth: '2027-01-01',
    });
    expect(res.json()).toEqual({ match: { idNumber: false, fullName: false, dateOfBirth: false } });
  });

  it.each([
    ['a missing name', { idNumber: '074085123456', dateOfBirth: '1985-01-01' }],
    ['an empty name', { idNumber: '074085123456', fullName: '', dateOfBirth: '1985-01-01' }],
    ['a date in another format', { idNumber: '074085123456', fullName: 'A', dateOfBirth: '01/01/1985' }],
    ['a malformed number', { idNumber: '7408512345', fullName: 'A', dateOfBirth: '1985-01-01' }],
  ])('answers 400 INVALID_REQUEST for %s', async (_label, payload) => {
    const res = await post(sim(), '/v1/citizens/verify', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'INVALID_REQUEST' });
  });
});
