import { createApp } from './app.js';
import prisma from './prisma.js';

/** The app as a server entry builds it: on the shared client of src/prisma.ts. */
export const app = createApp(prisma);
