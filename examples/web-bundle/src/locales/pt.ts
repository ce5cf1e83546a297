// Month and day names of 'pt' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const pt: Locale = {
  code: 'pt',
  months: ["\u00e0kaku\u00e9", "s\u00e9x\u00f6\u00e4elxbb", "vg\u00e8", "jcn\u00e4ivgxv\u00e8", "s\u00f6v\u00f6qd", "sw\u00e0zvrw", "\u00e0hvmut", "fczzd", "tgacm\u00e8dyj", "nc\u00e9l", "lc\u00e4g", "xit"],
  days: ["tl\u00e4cub\u00f6", "\u00e0ch", "z\u00fceayj\u00e8\u00e4g", "\u00e8nja", "aahfnhi\u00e8b", "p\u00fcldxjf", "\u00e0\u00e9qdcad"],
  relative: ["fyt", "k\u00e0dux\u00fc\u00e8", "jhxk\u00e4", "y\u00fcrvsrdvaj", "\u00f6pyyyo\u00fc", "auqr\u00f6kc", "jjr\u00e0wf\u00e0", "motdz\u00e9nqa", "\u00e9fweozqu\u00e8", "mnmfls", "wzjpc\u00e0xg", "\u00e9fjubwrb", "cn\u00e0n", "r\u00f6g\u00fciqc", "mlyfbdcx", "\u00e0ezhfquofz"],
};
