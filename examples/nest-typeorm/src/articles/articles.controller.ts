import { Body, Controller, Post } from '@nestjs/common';
import { ArticlesService, type ArticleView, type NewArticle } from './articles.service';

@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  async create(@Body('article') article: NewArticle): Promise<{ article: ArticleView }> {
    return { article: await this.articles.create(article) };
  }
}
