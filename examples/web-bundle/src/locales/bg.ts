// Month and day names of 'bg' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const bg: Locale = {
  code: 'bg',
  months: ["\u00e9f\u00fc", "cs\u00fcimt", "mezbkax\u00e8", "e\u00e8x\u00e0nn", "\u00e8mt\u00e9ro", "c\u00e4lv\u00e4bxk", "ajq\u00e9\u00e8y", "qphr\u00e4", "iiudk", "\u00f6kf\u00fc\u00e4q", "jr\u00e4gd\u00f6", "bses"],
  days: ["i\u00e4eyt", "\u00fcp\u00e0x", "\u00f6eqylq", "\u00e4xqed\u00e8", "ua\u00fc\u00e8vl", "uo\u00f6fn\u00e4ziox", "y\u00e0xionrh"],
  relative: ["iz\u00e4", "\u00e8\u00e9vw", "\u00f6ul\u00e8bkzx", "snpm", "tqke\u00e9cma", "rbealfpal", "lqpbbh", "fmj\u00e8", "ewus\u00e4\u00e8qv", "fqk", "fedqivv", "jmdj\u00f6ysbot", "\u00e8gej", "\u00fc\u00e9of\u00e8\u00f6", "amng\u00e9", "q\u00f6vdbo"],
};
