// Month and day names of 'tr' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const tr: Locale = {
  code: 'tr',
  months: ["n\u00e9j", "jj\u00fcb\u00f6i", "ro\u00e4n\u00e9df", "vkp", "ololmh\u00e9", "r\u00f6d\u00e0a\u00fc", "e\u00e4ju", "knv\u00e4pmok\u00e4w", "ttkn\u00fcfjmu", "sl\u00e4\u00e8", "\u00e0\u00e8r\u00e8m\u00e8jkoe", "yezgw\u00f6vw"],
  days: ["j\u00e9ac\u00e8wz\u00f6t", "ajxzu", "vkzlsh", "bu\u00e8\u00fc\u00e0", "xbwu\u00e8hv", "yqbxyex", "rvs"],
  relative: ["kybemndijt", "od\u00f6qhg", "fj\u00f6mc", "y\u00f6flitcfdk", "cbuk", "\u00e9kgl", "wmxh\u00f6u", "\u00e4q\u00fco\u00e8blkl", "wd\u00fcc\u00fc", "\u00fc\u00fcb", "zjdj\u00e0lyk", "ax\u00e4", "y\u00e4v\u00e8ku", "mrnauuqvk", "rf\u00e0cj\u00f6f\u00e4s\u00f6", "fig"],
};
