/**
 * Decodes HTML character references. Enough of the named set for what posts
 * (and tweet embeds) write, plus every numeric form; `&colon;` and `&Tab;`
 * matter because attackers spell `javascript:` with them.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  middot: '·', bull: '•', eacute: 'é', egrave: 'è', euro: '€', pound: '£', times: '×', deg: '°',
  colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/', num: '#', period: '.', comma: ',',
  excl: '!', quest: '?', semi: ';', equals: '=', plus: '+', lowbar: '_', percnt: '%', commat: '@',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    const named = NAMED[name!] ?? NAMED[name!.toLowerCase()];
    return named ?? whole;
  });
}
