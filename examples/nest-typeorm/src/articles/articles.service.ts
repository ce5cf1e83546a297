import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';
import { TagsService } from './tags.service';

export interface NewArticle {
  title: string;
  description: string;
  body: string;
  tagList?: string[];
}

/** An article as the RealWorld API answers it. */
export interface ArticleView {
  slug: string;
  title: string;
  description: string;
  body: string;
  tagList: string[];
  createdAt: string;
}

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    private readonly tags: TagsService,
  ) {}

  async create(input: NewArticle): Promise<ArticleView> {
    const tags = await this.tags.findOrCreate(input.tagList ?? []);
    const article = await this.articles.save(
      this.articles.create({ slug: slugify(input.title), title: input.title, description: input.description, body: input.body, tags }),
    );
    return {
      slug: article.slug,
      title: article.title,
      description: article.description,
      body: article.body,
      tagList: tags.map((tag) => tag.name).sort(),
      createdAt: article.createdAt.toISOString(),
    };
  }
}

function slugify(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
