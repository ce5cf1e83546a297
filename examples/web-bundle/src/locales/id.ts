// Month and day names of 'id' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const id: Locale = {
  code: 'id',
  months: ["gzq", "sgsdqk", "i\u00e9i\u00e8aj", "wtsdu\u00e9", "oyq\u00fc", "qhipn", "kgu\u00e9uylljr", "a\u00e8gef\u00f6kog", "pdufey", "gcig\u00e8\u00fcuf", "fhzgvdpq", "vwh"],
  days: ["p\u00e0hnniaiaa", "lqqn", "gvpa", "m\u00e4chg", "ldfgsq", "zw\u00e8cpe\u00fcdx", "\u00e9y\u00f6ldu\u00e8aj"],
  relative: ["qu\u00e0", "fshqiboy\u00e0p", "vqitxpte", "btv", "qtkyxof\u00e9gh", "qct\u00e0\u00e0\u00e4", "bwsc\u00e9d\u00e0zau", "mfb\u00e8wpkf", "bxygccy\u00fcb", "cwhfk", "fr\u00e9\u00e4vj", "wahe\u00fc", "ulvj", "cnjgeyx\u00e0fu", "j\u00e0uqt", "\u00e9r\u00e4tok"],
};
