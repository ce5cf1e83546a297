// Month and day names of 'ru' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const ru: Locale = {
  code: 'ru',
  months: ["rh\u00f6\u00fcqf\u00fcxg", "\u00e0tn", "qrxn", "r\u00e9uz\u00e8hcjs", "iwy", "qc\u00fc\u00e8bf", "cn\u00e9\u00e8", "svli", "lqvk", "o\u00e8oqq", "okt", "y\u00fcng"],
  days: ["\u00e8udyo\u00e9\u00e8mq", "huzki", "\u00e8\u00e0rxg\u00e0vkvg", "yhi\u00e0svyl", "bun\u00e9hs\u00e9x", "\u00e8mlxmmts", "e\u00e4anen"],
  relative: ["phsg", "ard\u00f6fr", "a\u00e4wlamlo", "nhru", "zbe\u00f6hrj\u00f6x", "bd\u00f6", "kxxiwxqjk", "jjhhk", "g\u00e0\u00e4\u00e9adp", "ipapwpf\u00e8y", "v\u00e8cod\u00fcpcl", "eqfvfv", "\u00f6te\u00fc", "jlt\u00f6ug", "kc\u00e0hkdscv", "gmz"],
};
