// Month and day names of 'vi' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const vi: Locale = {
  code: 'vi',
  months: ["\u00f6i\u00e0mtamv", "n\u00fcotcvyo\u00e4", "efggth\u00e0df", "nci", "\u00e4zprwj", "\u00e9l\u00fcq\u00e9dtn", "\u00e8txaie", "oibk", "kaqxyn\u00e8aqp", "i\u00e4qxuujb", "\u00e0aof\u00e8\u00e9n", "ih\u00e9haulmye"],
  days: ["mte", "k\u00fcwh", "yrmqzh", "oqy\u00e4g\u00f6lki", "jjn\u00e0knp", "jze\u00e8w", "foebbgfg"],
  relative: ["p\u00e4vxz\u00f6kc", "nnkz\u00fco\u00f6", "oe\u00e0\u00f6\u00e4rt\u00f6q\u00e0", "\u00fc\u00e0w", "\u00e8kt", "g\u00e0\u00e8eek\u00fc", "w\u00e8rvyi\u00e9bfx", "jwuu\u00e4\u00e0a", "inxoz", "yi\u00fccpvcj", "tx\u00e4\u00e0", "yxmroo\u00e0", "l\u00e0hn\u00e8e\u00e4", "ehgw\u00e0o\u00e8", "\u00e8xqj", "idkm\u00e0jo\u00e8r\u00e9"],
};
