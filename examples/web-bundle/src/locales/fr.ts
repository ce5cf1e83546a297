// Month and day names of 'fr' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const fr: Locale = {
  code: 'fr',
  months: ["d\u00e0rgn\u00e0ss\u00e9\u00e9", "hmtf\u00e8bs\u00e9e\u00fc", "ynnefjq", "irhxo\u00e0\u00e0z", "ka\u00e0", "ztj\u00e4wyuhva", "vzhmasqx", "zyex", "rdrgdsjpr", "umx\u00f6bznfd", "\u00fcis\u00e0dik\u00e8\u00e4", "stqqzpt\u00e8"],
  days: ["hkken\u00e0o\u00fcv", "\u00f6impflvfup", "qmb\u00e4y\u00e4ny", "vd\u00e0rxin", "rpyz", "\u00f6tbic\u00f6\u00e8\u00e0ae", "\u00e9\u00fcpgojjg\u00e9"],
  relative: ["caio", "tiq", "hgetmyqoa", "t\u00e9r", "p\u00e8ppb\u00e4td", "m\u00e0\u00e4", "qo\u00f6x", "\u00e0cv\u00e4xz", "asen\u00e0m", "mo\u00e9oqsg", "lo\u00e0\u00e4djzdnb", "\u00e4ddlz", "uhfkvml\u00e9ct", "xv\u00fckgafrf", "\u00e4hnywt\u00f6f", "\u00e8mx"],
};
