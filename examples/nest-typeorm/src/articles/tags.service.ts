import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Tag } from './tag.entity';

/** Which implementation finds or creates an article's tags: the fix, or the per-tag loop. */
export type TagsQuery = 'bulk' | 'one-by-one';

export const TAGS_QUERY = Symbol('TAGS_QUERY');

@Injectable()
export class TagsService {
  constructor(
    @InjectRepository(Tag) private readonly tags: Repository<Tag>,
    @Inject(TAGS_QUERY) private readonly tagsQuery: TagsQuery,
  ) {}

  /** The tags named in `names`, each created if it does not exist yet. */
  findOrCreate(names: readonly string[]): Promise<Tag[]> {
    const unique = [...new Set(names)];
    return this.tagsQuery === 'bulk' ? this.findOrCreateInBulk(unique) : this.findOrCreateOneByOne(unique);
  }

  /** The regression: a select per tag, and an insert per new one (2–4 statements per tag). */
  private async findOrCreateOneByOne(names: string[]): Promise<Tag[]> {
    const found: Tag[] = [];
    for (const name of names) {
      const tag = await this.tags.findOneBy({ name });
      found.push(tag ?? (await this.tags.save(this.tags.create({ name }))));
    }
    return found;
  }

  /** The fix: one select for every tag, one multi-row insert for the new ones. */
  private async findOrCreateInBulk(names: string[]): Promise<Tag[]> {
    if (names.length === 0) return [];
    const existing = await this.tags.findBy({ name: In(names) });
    const known = new Set(existing.map((tag) => tag.name));
    const created = names.filter((name) => !known.has(name)).map((name) => this.tags.create({ name }));
    // insert() writes the generated ids back into `created`.
    if (created.length > 0) await this.tags.insert(created);
    return [...existing, ...created];
  }
}
