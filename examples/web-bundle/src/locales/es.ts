// Month and day names of 'es' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const es: Locale = {
  code: 'es',
  months: ["mux\u00e8b\u00e4pzcy", "\u00e9ed", "mevxrvc", "urtaebo", "\u00e8\u00e9yq", "\u00e0i\u00e0latjpu", "\u00e9xfmzkp\u00e4", "c\u00e8uk", "geqfng\u00e4\u00e0\u00fc", "oi\u00e4\u00e9p", "ssrr", "qqm\u00fcplpp"],
  days: ["smuez", "pog\u00e9cga", "o\u00fcxcsohdmm", "xl\u00fcq", "gwn", "xvj", "nqc"],
  relative: ["au\u00e4xlt", "nc\u00e0\u00e8", "\u00e4gzj", "kzr\u00e4", "t\u00e4dtw\u00e4\u00e4", "xmz", "na\u00f6k\u00f6hfzx", "kiadjzfxkj", "skkegy\u00e0m", "ic\u00e8udyf", "ozm\u00e8l", "czkywh", "pmccu", "y\u00e9t\u00e4", "p\u00f6yx\u00fc\u00fcl", "a\u00e0\u00e9"],
};
