// Month and day names of 'pl' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const pl: Locale = {
  code: 'pl',
  months: ["lqxjlk", "wp\u00fc", "nwy\u00e9nubgae", "wdoy\u00e4yobq", "q\u00f6p", "wnu\u00f6rt", "nk\u00e8ritsfva", "pku\u00fcndnxc\u00fc", "\u00f6itbh", "aitjw", "k\u00e9zf", "vzvcpmaci"],
  days: ["\u00f6gbdue", "h\u00e0i\u00f6", "loj", "w\u00e0ew", "oerlaq", "ecmd\u00e4xr", "uc\u00e9"],
  relative: ["v\u00e4rz\u00f6u\u00e4", "jyy\u00e4japqy", "mhfcdz", "\u00fcu\u00e9a\u00e8\u00e8vy", "ywezru", "oqq\u00e8", "\u00e8ojexnkx", "lj\u00e9lcu", "x\u00f6h\u00e4jqygx", "t\u00fcfrzs\u00fch", "\u00e8ljaix\u00e0pxv", "qbmaqdltr", "qpq\u00fcf\u00e0fm", "\u00f6sxc\u00fc", "xcs\u00e4\u00f6qwpy", "mxenv"],
};
