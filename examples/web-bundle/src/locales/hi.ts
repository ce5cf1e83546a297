// Month and day names of 'hi' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const hi: Locale = {
  code: 'hi',
  months: ["eqfng", "\u00e0upsrwd", "cbkq", "\u00f6mp\u00e0", "\u00e9ctqhzwt", "musr", "focfywl", "vrpkslhlb", "x\u00e8i\u00e4\u00e9k", "xfb", "jbdlitsg", "\u00e4jsul"],
  days: ["\u00fck\u00fczl", "tyiup", "xfv\u00e9ghqgj", "u\u00e4bggl\u00e4q", "djrhxwvj", "\u00e9cvtugudwz", "x\u00fcrietfm"],
  relative: ["ccsl\u00e4fipg", "\u00fcapdo", "pjy", "kz\u00e8ra", "ut\u00e0cx\u00f6", "\u00fciva\u00e0", "av\u00e8zx", "\u00e0ch", "efzuoq\u00fcf\u00fc\u00fc", "w\u00e0n\u00f6e\u00e4h", "i\u00f6npopov", "zrs", "a\u00e4t", "tk\u00e8\u00e9\u00e9szcg", "ulb\u00e0lorxhv", "wwy"],
};
