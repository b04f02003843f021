/** The throwaway PostgreSQL server from global setup is real and hands out isolated databases. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from './postgres.js';

describe('throwaway PostgreSQL server', () => {
  let client: pg.Client;
  let url: string;

  beforeAll(async () => {
    url = await createTestDatabase(inject('pgUrl'), 'support_postgres');
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
  });

  it('serves a fresh database with a unique name on 127.0.0.1', async () => {
    expect(url).toMatch(/^postgres:\/\/dancu@127\.0\.0\.1:\d+\/support_postgres_\d+_[0-9a-f]{8}$/);
    const { rows } = await client.query<{ version: string; db: string }>('select version(), current_database() as db');
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
    expect(url.endsWith(`/${rows[0]?.db}`)).toBe(true);
  });

  it('gives each call its own database', async () => {
    const other = await createTestDatabase(inject('pgUrl'), 'support_postgres');
    expect(other).not.toBe(url);
  });

  it('round-trips a table through create, insert and select', async () => {
    await client.query('create table citizen (id serial primary key, full_name text not null)');
    await client.query('insert into citizen (full_name) values ($1), ($2)', ['Nguyễn Văn An', 'Trần Thị Bình']);
    const { rows } = await client.query<{ full_name: string }>('select full_name from citizen order by id');
    expect(rows.map((r) => r.full_name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('folds Vietnamese case, so the server runs with a UTF-8 aware locale', async () => {
    const { rows } = await client.query<{ u: string }>("select upper('đường') as u");
    expect(rows[0]?.u).toBe('ĐƯỜNG');
  });
});
