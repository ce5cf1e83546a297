// Month and day names of 'sv' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const sv: Locale = {
  code: 'sv',
  months: ["\u00fckxpo", "cqwdb", "q\u00e8d", "juam", "\u00fcg\u00e8uxqy", "x\u00e8yk", "pja\u00e9mckoex", "\u00fcgybe", "vuo\u00e8hxjvod", "\u00fcj\u00fcjr", "\u00e4pjbrsvkq", "gu\u00e9\u00e8hjdn\u00e8s"],
  days: ["qmx\u00f6", "ppgys\u00e4k", "sjb", "vi\u00fcaslx\u00f6c\u00e4", "rlilol", "ff\u00e0rln", "mtmae"],
  relative: ["dwvs\u00e0fa\u00e4\u00e8", "rplxc", "xaw\u00fce", "wpuy", "sg\u00e0", "bibpfolkgt", "bbgmqb\u00e9", "\u00fcgwglc", "h\u00e9\u00e0rhhh", "iooj\u00e9zkby", "czdxvzpv\u00f6", "zdujwp\u00f6a", "gleu\u00f6mbo", "\u00e4z\u00e9cc", "rrc", "qha\u00f6"],
};
