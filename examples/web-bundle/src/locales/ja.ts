// Month and day names of 'ja' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const ja: Locale = {
  code: 'ja',
  months: ["hxuivhvk", "bxozakm\u00fcx", "qol\u00e9kxdby", "uzc\u00e0\u00e8m", "ellqi", "usi\u00e8h", "rttmo", "uix\u00e0\u00fckdgfc", "relbb", "\u00fcf\u00e9plm", "vbivxeeb", "dksr"],
  days: ["fn\u00fcrads", "tf\u00e8jy\u00e9", "\u00e9morrpitz", "ogn", "x\u00e9w\u00e0bwznkw", "zkj\u00f6l\u00e8nmpw", "qrwh"],
  relative: ["synu\u00f6atqii", "sg\u00f6\u00e9\u00f6", "mgj\u00e4ljuo\u00f6", "rjglmk\u00e8m\u00fc", "gbm\u00fccg\u00f6nto", "wxg\u00e8e", "tjqgd", "mpn", "qqfq", "lqat\u00e9oxp\u00e4h", "ahvg\u00fc\u00e0", "onw", "uy\u00e4", "ot\u00e4e\u00fc\u00f6\u00e8rl", "\u00e4ndn\u00e9phfx", "aaq\u00e0km\u00e8it"],
};
