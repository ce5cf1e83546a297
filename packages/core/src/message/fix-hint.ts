import type { RepeatFinding } from '../analysis/n-plus-one.js';
import type { Orm } from '../analysis/query-origin.js';

/** A name as the statement wrote it (`"order_id"`, `` `order_id` ``) and bare, for an ORM's API (`order_id`). */
interface Name {
  readonly sql: string;
  readonly bare: string;
}

const QUALIFIED = String.raw`(?:[\w"\`]+\.)*([\w"\`]+)`;
/** The column each run compares: `col = ?`, `col IN (...)` (one list per row) or `col = ANY(…)`, however qualified, brackets skipped. */
const COMPARED = new RegExp(String.raw`\bWHERE\s+(?:\(\s*)*${QUALIFIED} (?:= \?|IN \(|= ANY\()`);
const TABLE = new RegExp(String.raw`\b(?:FROM|UPDATE|INTO)\s+${QUALIFIED}`);

function nameOf(match: RegExpExecArray | null): Name | undefined {
  const sql = match?.[1];
  return sql === undefined ? undefined : { sql, bare: sql.replace(/["`]/g, '') };
}

interface Parts {
  readonly kind: RepeatFinding['kind'];
  readonly column: Name;
  readonly table: string;
  /** Prisma's model, from the operation's label (`Book.findMany`). */
  readonly model: string | undefined;
  /** `WHERE order_id = ANY($1)`, or `IN (?)` in MySQL. */
  readonly batched: string;
}

type Hints = Readonly<Record<'select' | 'insert' | 'write', (parts: Parts) => string>>;

const SQL: Hints = {
  select: ({ batched }) => `load them in one query (${batched}) or JOIN them to the query before; in resolvers, batch with a DataLoader`,
  insert: () => 'insert the rows in one statement (multi-row VALUES, or unnest/COPY)',
  write: ({ kind, batched }) => `${kind} the rows in one statement (${batched})`,
};

/** Each ORM's own words for the same fixes. */
const BY_ORM: Readonly<Record<Orm, Hints>> = {
  knex: {
    select: ({ column }) => `load them in one query (.whereIn('${column.bare}', ids)) or join them to the query before; in resolvers, batch with a DataLoader`,
    insert: ({ table }) => `insert the rows in one call (knex('${table}').insert([row, …]))`,
    write: ({ kind, column, table }) => `${kind} the rows in one call (knex('${table}').whereIn('${column.bare}', ids).${kind === 'delete' ? 'del()' : 'update(…)'})`,
  },
  prisma: {
    select: ({ column, model }) => `load them with the query before (include: { … }) or in one ${model ?? 'model'}.findMany({ where: { <field of ${column.bare}>: { in: ids } } })`,
    insert: ({ model }) => `create the rows in one ${model ?? 'model'}.createMany({ data: [ … ] }), and attach existing rows with one connect: [{ id }, …]`,
    write: ({ kind, column, model }) => `${kind} the rows in one ${model ?? 'model'}.${kind}Many({ where: { <field of ${column.bare}>: { in: ids } } })`,
  },
  drizzle: {
    select: ({ column, table }) => `load them in one query (.where(inArray(${table}.${column.bare}, ids))) or with the query before (db.query … with: { … })`,
    insert: ({ table }) => `insert the rows in one statement (db.insert(${table}).values([row, …]))`,
    write: ({ kind, column, table }) => `${kind} the rows in one statement (db.${kind}(${table}).where(inArray(${table}.${column.bare}, ids)))`,
  },
  typeorm: {
    select: ({ column }) => `load them in one query (find({ where: { ${column.bare}: In(ids) } })) or with the query before (relations, or leftJoinAndSelect)`,
    insert: () => 'save the rows in one call (repository.save([entity, …]) or insert().values([ … ]))',
    write: ({ kind, column }) => `${kind} the rows in one call (repository.${kind}({ ${column.bare}: In(ids) }${kind === 'update' ? ', changes' : ''}))`,
  },
};

/**
 * A fix for the loop, from what the statement does, naming the column it
 * compares per row and in the words of the ORM that sent it when perfgate
 * knows which (its adapter, or its frames in a sampled stack).
 */
export function fixHint(finding: RepeatFinding): string {
  const column = nameOf(COMPARED.exec(finding.shape)) ?? { sql: 'id', bare: 'id' };
  const table = nameOf(TABLE.exec(finding.shape))?.bare ?? 'table';
  const model = finding.orm === 'prisma' ? finding.first?.label?.split('.')[0] : undefined;
  const batched = finding.dialect === 'mysql' ? `WHERE ${column.sql} IN (?)` : `WHERE ${column.sql} = ANY($1)`;
  const hints = (finding.orm === undefined ? undefined : BY_ORM[finding.orm]) ?? SQL;
  const parts: Parts = { kind: finding.kind, column, table, model, batched };
  switch (finding.kind) {
    case 'select':
      return hints.select(parts);
    case 'insert':
      return hints.insert(parts);
    case 'update':
    case 'delete':
      return hints.write(parts);
    default:
      return 'run the statement once for the whole set';
  }
}
