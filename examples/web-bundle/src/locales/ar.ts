// Month and day names of 'ar' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const ar: Locale = {
  code: 'ar',
  months: ["u\u00fc\u00e9s\u00e8il", "b\u00e4br\u00e0xn", "b\u00e9\u00e4mffoty", "\u00e4x\u00e9\u00f6xy", "oeth", "\u00e4w\u00e4kp\u00f6vqyu", "\u00fcc\u00e0ndkdwtf", "p\u00e0t\u00fc\u00e4e", "eln", "yjtx", "ju\u00f6o", "cf\u00e0u"],
  days: ["zrx", "orl\u00e9lk\u00e9wiz", "mtxr", "gvyoua", "\u00fc\u00f6x", "\u00e0ootnw\u00e8", "yfabyu\u00e0n"],
  relative: ["n\u00e0c\u00e8nu\u00e8aq", "i\u00fcns\u00e0lm", "zvbgswm", "l\u00e4shx", "gtq\u00e4r", "svqaovoum\u00f6", "vbtsari", "xhxvhl", "qf\u00fc\u00e0txcv\u00e4", "l\u00e8\u00e0vipq", "pppc", "pi\u00e0w\u00e0x", "mo\u00f6", "mcvcfrwh\u00e0j", "gjyit", "v\u00e8f\u00e8vz"],
};
