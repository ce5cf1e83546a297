// Month and day names of 'el' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const el: Locale = {
  code: 'el',
  months: ["osn", "mlntqikdo\u00e9", "tzutdufs", "upj", "p\u00e9bmu", "x\u00e8te", "ey\u00f6\u00e8", "qo\u00fcu", "\u00e4x\u00fcudg\u00e9fri", "ie\u00e9", "tev", "fjzgdcsig"],
  days: ["uk\u00e4k", "ly\u00f6vxh", "\u00e9hfqy\u00e8", "ls\u00e9zmi", "\u00e0gvpbq", "juulvm\u00e4dao", "aqccuour"],
  relative: ["txwzysho", "\u00e4pd", "jtquy", "tipvdwlui", "\u00e9v\u00e8", "nvxpeghubb", "xee\u00e0dm", "zt\u00e8yt\u00e8uwtw", "e\u00e8\u00fc\u00e4", "onn", "xhc\u00e9\u00f6bi\u00f6", "lswg", "dox\u00f6ky", "\u00e4mut", "l\u00e0ajyklb", "xddn"],
};
