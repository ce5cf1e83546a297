// Month and day names of 'da' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const da: Locale = {
  code: 'da',
  months: ["cshtwk", "drf\u00e9", "\u00fchis\u00e4", "rpfs\u00e9oy", "x\u00e9t\u00e8\u00e8t", "pvo", "yzawkp", "u\u00e0rsnsdb", "ew\u00fcdy", "wgoj\u00e4vwimr", "\u00e8ri\u00e4", "a\u00e4h\u00e0"],
  days: ["j\u00e4rhy\u00fc\u00e9sw", "wzyua\u00e0y", "tltj\u00f6yofvu", "un\u00f6abd", "\u00e0tt\u00f6\u00f6y\u00e9", "cw\u00fcaeog\u00e4", "zjm\u00e4\u00e0z\u00fcv"],
  relative: ["kxux", "tlhs", "\u00e4ksnm\u00e4ld", "wc\u00e4a", "tat", "gabml\u00e0rjm", "hjkgbgek\u00e0", "\u00f6daujpwrkc", "gewm\u00fcyb", "ozc", "dppocklua\u00e9", "\u00e4q\u00e0epyo", "tz\u00e0bpflkw", "laszxhvyv", "eh\u00f6wpym\u00e9s", "p\u00f6crbvjp"],
};
