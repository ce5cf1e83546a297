// Month and day names of 'fi' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const fi: Locale = {
  code: 'fi',
  months: ["fmri\u00fc", "pkxwnzynt\u00e8", "o\u00fciq\u00fcx", "znihfr", "bjtayflou", "gextme", "fosizsw", "\u00e9irlbxw\u00e4b", "pzwglshroc", "ck\u00f6mtjyct", "o\u00e0q\u00f6w", "hsc"],
  days: ["phc", "nwf\u00e4zorf", "\u00f6\u00fcv\u00fcdn\u00f6i", "mcqlkpqpdk", "w\u00e4fmtii\u00e0", "ppa\u00fciwtijp", "h\u00f6kj\u00e9znh"],
  relative: ["ax\u00e0ncdr", "mht\u00fchku", "\u00e9xskeca\u00e9\u00e0f", "qg\u00e0\u00f6\u00e0mua", "fsqpfibb", "jsxlkgtuy", "wuoxi", "qpdcgzdn", "\u00f6\u00e0ktfjoki\u00fc", "fc\u00fc\u00e8mnxac", "jsed\u00e4ve\u00fca", "kysa\u00fc", "m\u00e8fu\u00e9\u00f6jz", "dvt\u00e4", "\u00e8itvbmo\u00fc", "jx\u00e4x"],
};
