// Month and day names of 'de' (invented words: only their size matters here).
import type { Locale } from './locale.js';

export const de: Locale = {
  code: 'de',
  months: ["b\u00fclaj", "j\u00e8hdu", "gdpmrcg\u00fcbe", "umr\u00fc\u00e8pqm\u00fci", "hz\u00fcuep\u00f6en", "hjxjqi\u00e9", "gz\u00e0kok", "zv\u00e4mwufxb", "\u00e9\u00fcbyvseh", "gfqrcl", "i\u00f6qzj\u00e0u", "rdl\u00f6"],
  days: ["rbfq", "oeqh", "av\u00e4ricphkq", "lmt", "ns\u00fclrwb", "cabm\u00e8p\u00fc", "\u00f6\u00e0zt"],
  relative: ["ovmizw", "iae", "\u00f6kdfysp", "c\u00e9lkr\u00fca", "xvupctn", "lavyf\u00e8rm", "afqfjz", "zbt", "ofjyu\u00e0j", "jc\u00f6ibof", "cix", "y\u00fcdb", "\u00e0qa\u00e9ef", "\u00e8qeq", "no\u00e9\u00e0ye", "scmejvqtia"],
};
