import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base.ts';

export default defineConfig(packageBuild({ pg: 'src/pg.ts', pglite: 'src/pglite.ts', knex: 'src/knex.ts', mysql2: 'src/mysql2.ts', mysql: 'src/mysql.ts', prisma: 'src/prisma.ts', auto: 'src/auto.ts' }));
