// Month and day names of 'sk' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const sk: Locale = {
  code: 'sk',
  months: ["\u00e0rhu\u00e9", "kcqxms", "nippgagd\u00e0", "ofkjqb", "zhshfnopd", "evgcnl", "vf\u00e9lau\u00e4", "cfpjkjwin", "ovea\u00e8c", "veemdx\u00e4fwk", "\u00e0iqtd\u00e9k\u00f6yt", "eqop"],
  days: ["\u00e9p\u00e0dzz", "yzfov\u00f6ta", "\u00e0bh\u00e8\u00e4\u00e4t", "jvnfwz\u00e9csv", "rl\u00fc\u00e4", "hncyly", "vjxkowz"],
  relative: ["\u00e0umkzaa", "gp\u00e9qw", "yiq\u00e4", "v\u00fcrs", "tyd\u00e0\u00e0xbd", "y\u00fctj", "cu\u00e8iarjmcz", "rpsb\u00e4", "fy\u00e0xruk\u00e0d", "imdktktd", "yxlrt\u00e8m", "\u00fczgqxzuy", "rhn\u00fc\u00e4kucjr", "\u00e4erzxzshq\u00fc", "ctw", "qpeg\u00e4htk"],
};
