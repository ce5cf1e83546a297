// Month and day names of 'uk' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const uk: Locale = {
  code: 'uk',
  months: ["on\u00f6q\u00e9", "p\u00e9ao", "gm\u00e4fsxvpr", "ocz\u00e4\u00f6ejf", "dmqg", "\u00e0qmg\u00e0\u00fcse\u00e8", "je\u00e8\u00f6i", "lce", "updo", "wkx\u00e4rk\u00fc", "laif\u00f6pjqhh", "foajcwftu"],
  days: ["mtn\u00e8vixwor", "b\u00e4\u00f6lc", "rh\u00fcx\u00e8py", "szcq\u00e8un", "wt\u00e9xfxno\u00f6q", "brdvx\u00e4c\u00f6", "ovv\u00e8gl\u00e0"],
  relative: ["xmr\u00e0", "iv\u00e4", "s\u00e4jujlkwrd", "vcld\u00f6\u00f6", "jxhhr\u00fc", "qbzylyaxh", "vicmnbos", "mpo\u00e8", "hcuf\u00e9hpn", "t\u00e4xaohvzp\u00f6", "vpyctr", "\u00e8\u00e9ady\u00e9ol\u00e8y", "gq\u00fcft", "naefflxa\u00f6\u00e4", "swxkg\u00e0hxsn", "ywvrsf"],
};
