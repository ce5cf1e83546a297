// Month and day names of 'it' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const it: Locale = {
  code: 'it',
  months: ["\u00fc\u00e9l\u00e8zg", "iw\u00f6x", "\u00fccci", "ufdy", "behmi", "skoewqkur\u00e9", "q\u00e8nqp", "xcmlzkru", "kqhdx\u00fcgqz", "qyxjxvf\u00fc", "ldsqtu", "coj"],
  days: ["\u00f6\u00e4xdi\u00e0o", "bda", "tgwo\u00e4tin", "\u00e8kiapj\u00fcg", "jrzq", "dw\u00fc", "pkacdbzlpk"],
  relative: ["gam", "\u00e4m\u00e4lt", "td\u00e8a", "\u00f6\u00e9f\u00fclogqo", "hvq", "r\u00f6q", "nfakqpm", "umyvp", "\u00e8\u00e8ab\u00f6otnz", "kjcb", "gkwj", "bci", "ece", "meygpnnh", "cfs", "gignsuv\u00f6qb"],
};
