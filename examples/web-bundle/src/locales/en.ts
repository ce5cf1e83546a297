// Month and day names of 'en' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const en: Locale = {
  code: 'en',
  months: ["jzdegxdn", "f\u00f6\u00e4", "pf\u00f6d", "odzd", "cis\u00e4jh", "lgmxged", "\u00e0\u00f6u\u00e9\u00e9x", "plpft\u00e0v", "seh\u00e4kvj\u00e0\u00e4c", "uvw\u00e0", "efr\u00e8edt\u00fcsy", "b\u00e9wkh\u00e0dn"],
  days: ["ipzz\u00e0fk", "zri\u00f6r\u00e4wyoj", "ljoo", "\u00e0lq", "aj\u00e4xuid", "zzzzg\u00e8zdme", "\u00fckhvdg"],
  relative: ["jgx", "eny", "qwx\u00e8h", "\u00e0\u00e9\u00e8\u00e8", "fjgvq\u00e8k", "nxj", "tfq", "kwovompz", "m\u00e0wbbr", "qmw\u00fcwxfogo", "mvn\u00e8a\u00e8wfhy", "\u00e8l\u00f6vfz", "zfkkibj\u00e9j\u00e8", "jibagi\u00f6m", "bqnspu", "\u00e4idw\u00e9\u00e4i"],
};
