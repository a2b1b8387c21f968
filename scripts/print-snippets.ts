// Prints generated snippets, or parts of them, for scripts/verify-snippets.sh and for reading.
//   npx tsx scripts/print-snippets.ts [--product postfix] [--version 3.7] [--lang en|zh] [--sample]
//   npx tsx scripts/print-snippets.ts --lines postconf --product postfix --version 3.7   (command lines only)
//   npx tsx scripts/print-snippets.ts --exim-sections --version 4.96                      (config fragments by section)
//   npx tsx scripts/print-snippets.ts --sendmail-mc --version 8.17                         (mc fragments)
//   npx tsx scripts/print-snippets.ts --table postfix                                      (name<TAB>since<TAB>until)
// --test-values replaces the placeholders a user must choose (<new-limit>, ...) by plausible values; --empty uses no user values.
import { PRODUCT_IDS, isProductId, type ProductId } from '../src/engine/products.ts';
import { SNIPPET_IDS } from '../src/engine/snippets/ids.ts';
import { generateSnippets } from '../src/engine/snippets/registry.ts';
import type { ParamTable } from '../src/engine/snippets/gate.ts';
import { POSTFIX_PARAMS } from '../src/engine/snippets/params/postfix.ts';
import { EXIM_OPTIONS } from '../src/engine/snippets/params/exim.ts';
import { SENDMAIL_OPTIONS } from '../src/engine/snippets/params/sendmail.ts';
import { EXCHANGE_PARAMS } from '../src/engine/snippets/params/exchange.ts';
import type { Lang, Snippet, SnippetParams } from '../src/engine/snippets/types.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** Realistic filled-in values (documentation ranges), so the filled paths are exercised too. */
const SAMPLE: SnippetParams = { hostname: 'mx1.example.com', ip: '192.0.2.10', limit: '20', destination: 'example.net', smtpHost: 'smtp.example.com', region: 'eu-west-1' };

function snippets(product: ProductId, version: string | undefined, lang: Lang, params: SnippetParams): Snippet[] {
  return generateSnippets(SNIPPET_IDS, { product, version, lang, params });
}

const TABLES: Record<string, ParamTable> = { postfix: POSTFIX_PARAMS, exim: EXIM_OPTIONS, sendmail: SENDMAIL_OPTIONS, exchange: EXCHANGE_PARAMS };

/** Test values for the placeholders a user must choose, so real binaries can parse the lines. */
const TEST_VALUES: Record<string, string> = {
  '<new-limit>': '50', '<per-host-limit>': '10', '<reserved-slots>': '5', '<queue-only-above>': '10', '<load-average>': '8',
  '<timeout, e.g. 10m>': '10m', '<timeout>': '30m', '<messages-per-connection>': '100', '<errors>': '3', '<commands>': '3',
  '<rejected-rcpts>': '5', '<connections-per-second>': '10', '<queue-runners>': '4', '<cached-connections>': '2',
  '<screening-limit>': '100', '<smtpd-limit>': '100', '<bytes-per-second>': '200', '<reuse-count>': '10', '<action>': 'tempfail',
  '<filter-name>': 'testfilter', '<milter-socket>': 'inet:8891@localhost', '<warning-delay>': '24h', '<queue-lifetime>': '5d',
};
function fillPlaceholders(text: string): string {
  return text.replace(/<[a-z][a-z0-9 ,.-]*>/g, (m) => TEST_VALUES[m] ?? m);
}
const out = (text: string): void => console.log(flag('test-values') ? fillPlaceholders(text) : text);

const table = arg('table');
const lang: Lang = arg('lang') === 'zh' ? 'zh' : 'en';
const version = arg('version');
const params = flag('empty') ? {} : SAMPLE;

if (table !== undefined) {
  const t = TABLES[table];
  if (!t) throw new Error(`no table ${table}`);
  for (const [name, spec] of Object.entries(t)) console.log(`${name}\t${spec.since ?? ''}\t${spec.until ?? ''}`);
} else if (arg('lines') !== undefined) {
  const prefix = `${arg('lines') ?? ''} `;
  const product = arg('product') ?? 'postfix';
  if (!isProductId(product)) throw new Error(`unknown product ${product}`);
  for (const s of snippets(product, version, lang, params)) {
    if (s.language !== 'shell') continue;
    for (const line of s.code.split('\n')) if (line.startsWith(prefix)) out(`${s.id}\t${line}`);
  }
} else if (flag('exim-sections')) {
  // One block per section: "### <section> <snippet id>" then the fragment's lines.
  for (const s of snippets('exim', version, lang, params)) {
    if (s.language !== 'exim') continue;
    let section = 'main';
    let block: string[] = [];
    const flush = (): void => {
      const statements = block.filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      if (statements.length === 0) {
        block = [];
        return;
      }
      // An ACL fragment meant for the top of an existing ACL (no `name:` line of its own) is checked
      // inside a stand-in ACL that ends like the user's would.
      const insert = section === 'acl' && !/^\S[^:]*:\s*$/.test(statements[0] ?? '');
      const lines = insert ? ['acl_fragment_check:', ...block, '  accept'] : block;
      out(`### ${section} ${s.id}\n${lines.join('\n')}`);
      block = [];
    };
    for (const line of s.code.split('\n')) {
      const m = /^# === (\w+) ===/.exec(line);
      if (m?.[1]) {
        flush();
        section = m[1];
      } else block.push(line);
    }
    flush();
  }
} else if (flag('sendmail-mc')) {
  for (const s of snippets('sendmail', version, lang, params)) if (s.language === 'sendmail-mc') out(`dnl ### ${s.id}\n${s.code}`);
} else {
  const only = arg('product');
  const products = only === undefined ? PRODUCT_IDS : PRODUCT_IDS.filter((p) => p === only);
  for (const product of products) {
    for (const s of snippets(product, version, lang, params)) {
      console.log(`===== ${s.id} [${s.language}] ${lang === 'zh' ? s.title.zh : s.title.en}`);
      console.log(s.code);
      for (const n of s.notes) console.log(`  NOTE: ${lang === 'zh' ? n.zh : n.en}`);
    }
  }
}
