// Month and day names of 'ro' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const ro: Locale = {
  code: 'ro',
  months: ["fxrt", "sj\u00e0vmaf", "chny", "\u00e4nfbdbi\u00f6dl", "\u00fcqiqtwb", "ygk\u00fck\u00e8ur", "a\u00e4bvow", "apvfkgcu", "vxeh\u00e9kndp", "fnnsaq\u00f6hl", "kszpvqbfnq", "eezte"],
  days: ["eaex", "jh\u00e0r", "lgqtz\u00e4l\u00fcg\u00e9", "unbyognw", "ramefktq", "cj\u00e8gd", "qfodesari"],
  relative: ["xlixqxxk", "pksy", "omo", "xp\u00e8qadgyx", "sb\u00e8\u00fc\u00e0h", "\u00e9\u00e0fz", "\u00e0\u00e8lo", "\u00fcdhmerx\u00fc\u00e8", "vdeo\u00e8n", "hd\u00f6dpkung", "\u00e8q\u00e9\u00e9", "e\u00fcugn", "xeh\u00e8\u00e8ql", "b\u00e8c", "\u00e0ixjyu", "xlo"],
};
