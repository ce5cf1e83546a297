// Month and day names of 'th' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const th: Locale = {
  code: 'th',
  months: ["vvvt", "lbe\u00e9u", "gaxn\u00e4q", "qbeqxeyq", "w\u00e4b", "qbxddp\u00e9", "veqw", "je\u00e9\u00fc", "lrv\u00e8q\u00e4", "fbdj\u00fcv", "\u00e4\u00e4s\u00f6m", "fii"],
  days: ["\u00fclabxub", "\u00f6qp", "g\u00fcneog", "og\u00fchu\u00f6", "\u00e8kz\u00e8kuy\u00fc", "gg\u00fc\u00e0g", "pxif"],
  relative: ["\u00e8\u00e8yi\u00f6\u00e0l\u00e9s", "kvxo", "p\u00fcz\u00e0\u00f6j", "owveet", "\u00e8l\u00e9\u00e9", "zec", "mbimw\u00e4unw", "qmapud", "tag", "y\u00e4\u00fc", "b\u00fcjck\u00e9ur", "bsvwbee\u00fca\u00e4", "\u00e8fhr", "yfp", "ohua\u00e4kafl", "oluvzd"],
};
