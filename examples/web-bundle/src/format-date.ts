import * as everyLocale from './locales/index.js';
import { en } from './locales/en.js';
import type { Locale } from './locales/locale.js';

/**
 * The regression the demo seeds (PERFGATE_DEMO_BUNDLE=all-locales): the
 * formatter reaches for the whole locale table instead of the one locale the
 * page uses, and every locale ships to the browser. esbuild replaces the
 * constant at build time, so the unused branch and its imports drop out.
 */
declare const __ALL_LOCALES__: boolean;

const locales: Record<string, Locale> = __ALL_LOCALES__ ? everyLocale : { en };

export function formatDate(date: Date, code = 'en'): string {
  const locale = locales[code] ?? en;
  return `${locale.days[date.getUTCDay()]} ${date.getUTCDate()} ${locale.months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
