// Month and day names of 'nb' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const nb: Locale = {
  code: 'nb',
  months: ["\u00fczqhol", "hoqgmq", "o\u00e9ohf\u00e4e\u00fcih", "\u00e9zkm", "fixdzpdxca", "\u00e9thi\u00f6f", "hwkxva", "hpxw\u00e0cw", "wuhc", "qwm\u00fcb\u00fc", "b\u00e0he", "ljsyjqr"],
  days: ["abvj\u00e0\u00e8ccel", "\u00e8k\u00fczoexvn", "icnkx\u00e9v", "ywuav\u00e8vobp", "cjjryreqwi", "gm\u00f6", "xspj"],
  relative: ["tvxp", "zvdvu\u00e8xp", "wjina\u00e9", "\u00fcztkejttq", "emfltw\u00e9w", "e\u00e0ulrqbkr", "bndz\u00fcm", "gmpdidf", "viam", "aubnuub", "zvld\u00e4cfv\u00e0z", "\u00e9abuud\u00e4", "kfbjnjfw", "\u00f6wjvoq\u00e8c", "\u00e9rxriqa", "gxjozfbihd"],
};
