// Month and day names of 'nl' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const nl: Locale = {
  code: 'nl',
  months: ["qsdxu\u00e8sb", "b\u00f6gw\u00e8dnfs", "\u00f6amsd", "w\u00e0g", "l\u00e0wqksno\u00e0k", "f\u00e0gu", "gzzf\u00f6bxn", "q\u00f6kyo\u00e9i", "wuj", "uk\u00e9\u00fcqoiv\u00e9p", "rtjjpu", "kpumqgkg"],
  days: ["yjjtt\u00f6", "mggrny\u00e9", "az\u00f6", "s\u00e9bjqz", "p\u00f6\u00e4", "olh\u00e9\u00f6u", "g\u00e4pzkq\u00f6"],
  relative: ["\u00e9b\u00e4luay\u00e0gc", "nkmwg\u00e9n", "bxv\u00e4\u00e9nlzhw", "qry", "dae\u00e4\u00e4wqgo", "zoz\u00e9nki", "m\u00e8oj", "\u00e4\u00e9si\u00e8wor", "q\u00f6l\u00e8arwpt", "\u00e8\u00e0\u00f6fxjty", "fui", "aanesqgj", "l\u00fcwjnz", "ftm\u00e0n", "\u00fchhq", "oi\u00e8\u00e0d\u00e8\u00e9j\u00e0"],
};
