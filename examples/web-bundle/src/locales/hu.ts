// Month and day names of 'hu' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const hu: Locale = {
  code: 'hu',
  months: ["hzzvz", "\u00e0vwlj\u00e4sin", "e\u00e4eap\u00f6zn", "ijophsc", "siyrernot", "xfxb", "huna", "i\u00fcrd\u00fccc\u00e9h\u00e8", "svvonn", "bolbr\u00f6x", "rfhz", "\u00e4odxvqe\u00e8i"],
  days: ["\u00e9\u00e9mvmhzks", "eb\u00fcmmq", "sbbewn", "aqwkuwtgc", "w\u00e4b\u00e9g", "gjx\u00e8\u00e0fvu", "igqynwqbmr"],
  relative: ["yk\u00f6iiahny", "af\u00e9", "neu", "\u00e9\u00e0napnwy", "gim\u00fc", "\u00fced\u00e8kzp\u00e8\u00e8j", "\u00e0yep", "azocpg", "ac\u00e9dzp", "c\u00e4qcj\u00e9", "\u00e8gg", "jkugy", "ebf", "ds\u00e9z", "nbl", "nhn\u00f6hfwgfp"],
};
