// Month and day names of 'cs' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const cs: Locale = {
  code: 'cs',
  months: ["f\u00fcyz", "\u00e0bg\u00e9\u00e9\u00f6\u00e4\u00e8l", "\u00fcz\u00e0i", "omz", "svy", "hfoeag\u00e0fn\u00e9", "mv\u00e8", "\u00e4i\u00e4", "juv", "alrqfu", "qtz\u00e4dttpy", "qtmidnx\u00e9\u00e0"],
  days: ["xvm\u00e9d", "ae\u00e4ucro\u00fc", "mn\u00e9z\u00fcnn", "l\u00f6h", "ie\u00e0", "ak\u00e0os", "kjng\u00e9g"],
  relative: ["fd\u00e4oq\u00fc", "jdick\u00fcsou", "tqunj", "zcuyjs", "fm\u00e9jl\u00f6", "zhcwhnes", "wb\u00e0fm\u00e0rtfm", "\u00e8rotc", "awmj", "dlvw\u00fc\u00e8p", "xlhte\u00e9gh", "z\u00e9ccc", "\u00e4i\u00e4w", "xkxk", "va\u00e8t", "qggph"],
};
