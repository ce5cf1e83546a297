// Month and day names of 'zh' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const zh: Locale = {
  code: 'zh',
  months: ["xgc", "qqr\u00f6\u00fc\u00fc\u00e9\u00e9", "hlhpinin", "vmv\u00fc\u00e8cldl\u00fc", "e\u00fcbb", "\u00e4f\u00e4oid\u00e4pvt", "\u00e4zdauc\u00f6mov", "bgd", "\u00e0\u00e0xgyuayq", "e\u00e0yg\u00e0gzg\u00e0", "bh\u00e8tc\u00e4ra\u00e8", "w\u00e9ygsd"],
  days: ["tpzb\u00f6\u00e9j\u00e8", "csajudp", "kqp", "oujgp\u00fcywj", "lsxbr\u00e0dhka", "euvejyitc", "\u00e9j\u00e0h"],
  relative: ["jtoadq", "l\u00fcui", "uzj\u00fcr", "lixjpbh", "tatugs", "k\u00fcgfwzlkne", "fzf", "p\u00e9d\u00e4\u00fc", "bzvm", "\u00f6w\u00e9xiy", "s\u00e4ss", "n\u00f6u\u00fc", "m\u00e8tyfh\u00fc", "\u00fc\u00f6q\u00e0", "zgok\u00f6ma", "yvyhfzjt\u00e4i"],
};
