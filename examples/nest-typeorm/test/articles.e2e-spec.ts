import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AppModule } from '../src/app.module';
import type { TagsQuery } from '../src/articles/tags.service';
import { openTestDatabase, type TestDatabase } from './support/database';

// `npm run demo` sets this to find or create each tag with queries of its own (the per-tag loop).
const tagsQuery = (process.env.PERFGATE_DEMO_TAGS ?? 'bulk') as TagsQuery;

let database: TestDatabase;
let app: INestApplication<App>;

beforeAll(async () => {
  database = await openTestDatabase();
  const moduleFixture = await Test.createTestingModule({ imports: [AppModule.register({ database: database.options, tagsQuery })] }).compile();
  app = moduleFixture.createNestApplication({ logger: false });
  await app.init();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const article = (title: string, tagList: string[]) => ({ article: { title, description: 'About it', body: 'It happened.', tagList } });

describe('POST /articles', () => {
  it('creates an article with six new tags in at most 6 queries', async () => {
    const req = request(app.getHttpServer()).post('/articles').send(article('Six new tags', ['nest', 'typeorm', 'postgres', 'jest', 'n+1', 'perfgate']));
    await expect(req).toIssueAtMost(6);

    const res = await req;
    expect(res.status).toBe(201);
    expect(res.body.article).toMatchObject({ slug: 'six-new-tags', tagList: ['jest', 'n+1', 'nest', 'perfgate', 'postgres', 'typeorm'] });
  });

  // No matcher here: perfgate's N+1 gate judges every request a test sends.
  it('reuses the tags that exist and creates the others', async () => {
    const res = await request(app.getHttpServer()).post('/articles').send(article('Old and new', ['nest', 'typeorm', 'orm', 'sql', 'testing']));

    expect(res.status).toBe(201);
    expect(res.body.article.tagList).toEqual(['nest', 'orm', 'sql', 'testing', 'typeorm']);
  });
});
