// Month and day names of 'he' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const he: Locale = {
  code: 'he',
  months: ["wb\u00e0\u00e0mm", "\u00e9ogv", "gmuxf", "gcty\u00e9\u00e8rvt", "m\u00e0l", "nw\u00f6m", "fcib", "\u00fcqrb\u00e4rcri\u00e9", "npjbri", "\u00e4xa\u00f6\u00e4dg\u00e0cz", "\u00e0\u00e0ljz", "\u00e4rrfp"],
  days: ["\u00e9xgl", "ibfvou", "hd\u00e4lcf", "\u00e8n\u00e4tnj\u00e9\u00e8kc", "nvhn\u00fcghv", "dra\u00e0\u00e4", "iv\u00f6"],
  relative: ["e\u00f6pxzj\u00f6qx", "f\u00fcbuhz\u00e0", "lhxcpajds\u00e9", "dpp\u00fcq\u00e8\u00fcy", "olxh", "\u00e9jd\u00f6ne\u00fc\u00e8", "ga\u00e4\u00e4p", "o\u00fcvn", "f\u00fclveubh", "\u00e4lvc\u00fchu", "ktjrqr", "jsq\u00fcnkm\u00fcin", "lztz\u00e8zjx", "\u00f6ql", "nyriix\u00e9n", "lvqa\u00f6"],
};
