import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { Article } from './articles/article.entity';
import { ArticlesModule } from './articles/articles.module';
import { Tag } from './articles/tag.entity';
import { TAGS_QUERY, type TagsQuery } from './articles/tags.service';

export interface AppOptions {
  /** Where TypeORM connects: a PostgreSQL URL, or host and port (PGlite behind a socket in the tests). */
  readonly database: Pick<DataSourceOptions & { type: 'postgres' }, 'url' | 'host' | 'port' | 'username' | 'database' | 'extra'>;
  /** Which implementation finds an article's tags: the fix (default), or the per-tag loop. */
  readonly tagsQuery?: TagsQuery;
}

@Global()
@Module({})
export class AppModule {
  static register({ database, tagsQuery = 'bulk' }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot({ type: 'postgres', ...database, entities: [Article, Tag], synchronize: true }), ArticlesModule],
      providers: [{ provide: TAGS_QUERY, useValue: tagsQuery }],
      exports: [TAGS_QUERY],
    };
  }
}
