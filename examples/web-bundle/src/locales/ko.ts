// Month and day names of 'ko' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const ko: Locale = {
  code: 'ko',
  months: ["njzasby\u00fcu", "veidfs", "stk", "fetb", "lz\u00e4hh\u00e9t\u00e0", "yg\u00f6oymu\u00e8yz", "hc\u00fcqmj\u00fc", "rxjk\u00f6jrph", "\u00e4fc", "t\u00fceggztbyx", "\u00e8fbbj", "ffmeis"],
  days: ["\u00fcqpudg\u00e4td", "g\u00f6en", "\u00e0sl\u00f6bs\u00e9", "trfg\u00e0vox", "ustx", "\u00e4rp\u00f6\u00e9q", "iiafql"],
  relative: ["qmz\u00e9lgtg", "\u00e8\u00e4cmz", "\u00f6mxszzzmy", "v\u00e9cfp", "lxr\u00e9", "vtxllkfjn\u00e8", "gjjovstf", "nza\u00f6oy\u00e9", "\u00fcya", "ozqp", "g\u00e9\u00e4", "p\u00fcsn", "xch", "\u00e0jz", "\u00e9rwzk", "fv\u00f6msu"],
};
