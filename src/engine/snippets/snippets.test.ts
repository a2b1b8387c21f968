// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PRODUCT_IDS, PRODUCTS, type ProductId } from '../products.ts';
import { atLeast, Gate, resolveVersion } from './gate.ts';
import { SNIPPET_IDS } from './ids.ts';
import { EXCHANGE_PARAMS } from './params/exchange.ts';
import { EXIM_OPTIONS } from './params/exim.ts';
import { POSTFIX_FEATURES, POSTFIX_PARAMS } from './params/postfix.ts';
import { SENDMAIL_OPTIONS } from './params/sendmail.ts';
import { generateSnippets, registeredSnippetIds, snippetGenerator } from './registry.ts';
import type { Lang, Snippet, SnippetParams } from './types.ts';
import { parseVersion } from '../version.ts';

const SAMPLE: SnippetParams = { hostname: 'mx1.example.com', ip: '192.0.2.10', limit: '20', destination: 'example.net', smtpHost: 'smtp.example.com', region: 'eu-west-1' };

function gen(id: string, product: ProductId, version?: string, params: SnippetParams = {}, lang: Lang = 'en'): Snippet[] {
  const g = snippetGenerator(id);
  if (!g) throw new Error(`no generator ${id}`);
  return g.generate({ product, version, params, lang });
}

const code = (snippets: readonly Snippet[]): string => snippets.map((s) => s.code).join('\n');
const notes = (snippets: readonly Snippet[]): string => snippets.flatMap((s) => s.notes.map((n) => `${n.en}\n${n.zh}`)).join('\n');

/** Every (generator, product, version) combination, versions = unknown + each offered one. */
function* everyCase(): Generator<{ id: string; product: ProductId; version: string | undefined }> {
  for (const id of SNIPPET_IDS) {
    for (const product of snippetGenerator(id)?.products ?? []) {
      const versions = PRODUCTS.find((p) => p.id === product)?.versions ?? [];
      for (const version of [undefined, ...versions]) yield { id, product, version };
    }
  }
}

describe('registry', () => {
  it('has a generator for every id, registered under its own id', () => {
    expect(registeredSnippetIds()).toEqual([...SNIPPET_IDS]);
    for (const id of SNIPPET_IDS) expect(snippetGenerator(id)?.id).toBe(id);
  });

  it('yields at least one snippet for each listed product and none for the others', () => {
    for (const id of SNIPPET_IDS) {
      const g = snippetGenerator(id);
      expect(g?.products.length, id).toBeGreaterThan(0);
      for (const product of PRODUCT_IDS) {
        for (const lang of ['en', 'zh'] as const) {
          const out = gen(id, product, undefined, {}, lang);
          if (g?.products.includes(product)) expect(out.length, `${id}/${product}`).toBeGreaterThan(0);
          else expect(out, `${id}/${product}`).toEqual([]);
        }
      }
    }
  });

  it('gives stable, unique ids and non-empty code, titles and notes', () => {
    for (const { id, product, version } of everyCase()) {
      const out = gen(id, product, version, SAMPLE);
      const ids = out.map((s) => s.id);
      expect(new Set(ids).size, `${id}/${product}@${version}`).toBe(ids.length);
      for (const s of out) {
        expect(s.id.startsWith(`${id}/${product}`)).toBe(true);
        expect(s.product).toBe(product);
        expect(s.code.trim().length).toBeGreaterThan(0);
        expect(s.title.en.length * s.title.zh.length).toBeGreaterThan(0);
        for (const n of s.notes) expect(n.en.length * n.zh.length).toBeGreaterThan(0);
      }
    }
  });

  it('generateSnippets concatenates and skips unknown ids', () => {
    const out = generateSnippets(['dns-ptr-check', 'no-such-id', 'ses-quota'], { product: 'postfix', version: '3.7', params: {}, lang: 'en' });
    expect(out.map((s) => s.id)).toEqual(['dns-ptr-check/postfix', 'ses-quota/postfix']);
  });
});

describe('Postfix version gating', () => {
  it('offers smtpd_client_ipv4/ipv6_prefix_length only from 3.8', () => {
    expect(code(gen('connection-count-limit', 'postfix', '3.7'))).not.toMatch(/smtpd_client_ipv[46]_prefix_length/);
    expect(notes(gen('connection-count-limit', 'postfix', '3.7'))).toMatch(/smtpd_client_ipv4_prefix_length needs Postfix 3\.8/);
    expect(code(gen('connection-count-limit', 'postfix', '3.8'))).toMatch(/smtpd_client_ipv6_prefix_length=128/);
    expect(code(gen('connection-count-limit', 'postfix', undefined))).not.toMatch(/prefix_length/);
  });

  it('offers smtpd_per_request_deadline and smtpd_min_data_rate only from 3.7', () => {
    for (const v of ['2.11', '3.3', '3.6']) {
      const c = code(gen('server-timeouts', 'postfix', v));
      expect(c, v).not.toContain('smtpd_per_request_deadline');
      expect(c, v).not.toContain('smtpd_min_data_rate');
    }
    expect(code(gen('server-timeouts', 'postfix', '3.6'))).toContain("postconf -e 'smtpd_per_record_deadline=no'");
    const v37 = code(gen('server-timeouts', 'postfix', '3.7'));
    expect(v37).toContain("postconf -e 'smtpd_per_request_deadline=no'");
    expect(v37).toContain('smtpd_min_data_rate=');
    expect(v37).not.toContain('smtpd_per_record_deadline');
  });

  it('uses postconf -F / -M service/type only from 2.11', () => {
    for (const id of ['process-limit', 'sender-destination-throttle']) {
      const old = gen(id, 'postfix', '2.10');
      expect(code(old), id).not.toMatch(/postconf -[FMP]/);
      expect(code(gen(id, 'postfix', '2.11')), id).toMatch(/postconf -[FM] /);
    }
    expect(code(gen('process-limit', 'postfix', '3.7'))).toContain("postconf -F 'smtp/inet/process_limit=<new-limit>'");
    const old = gen('sender-destination-throttle', 'postfix', '2.10');
    expect(old.find((s) => s.language === 'postfix-master')?.code).toMatch(/^slow +unix/m);
  });

  it('has no postscreen settings before 2.8, only a note', () => {
    const out = gen('postscreen-limits', 'postfix', '2.7');
    expect(code(out)).not.toMatch(/postconf|postscreen_/);
    expect(`${code(out)}\n${notes(out)}`).toMatch(/2\.8/);
  });

  it('names the postscreen deny-list action by version', () => {
    expect(code(gen('postscreen-limits', 'postfix', '3.5'))).toContain('postconf postscreen_blacklist_action');
    expect(code(gen('postscreen-limits', 'postfix', '3.5'))).not.toContain('denylist');
    expect(code(gen('postscreen-limits', 'postfix', '3.6'))).toContain('postconf postscreen_denylist_action');
    expect(code(gen('postscreen-limits', 'postfix', '3.6'))).not.toContain('blacklist');
  });

  it('writes the stress syntax the version understands', () => {
    expect(code(gen('server-timeouts', 'postfix', '3.7'))).toContain("smtpd_timeout=${stress?{10}:{300}}s'");
    expect(code(gen('server-timeouts', 'postfix', '2.11'))).toContain("smtpd_timeout=${stress?10}${stress:300}s'");
    expect(code(gen('server-timeouts', 'postfix', '2.11'))).not.toContain('${stress?{');
    expect(code(gen('server-timeouts', 'postfix', '2.5'))).not.toContain('stress');
    expect(code(gen('error-limits', 'postfix', '3.0'))).toContain('smtpd_hard_error_limit=${stress?{1}:{20}}');
  });

  it('treats an unknown version as the oldest offered one and says so', () => {
    const out = gen('server-timeouts', 'postfix', undefined);
    expect(code(out)).not.toContain('smtpd_per_request_deadline');
    expect(notes(out)).toMatch(/No Postfix version was given/);
    expect(resolveVersion({ product: 'postfix', version: 'not-a-version' })).toMatchObject({ known: false, version: '2.11' });
  });

  it('writes only parameters from the table (transport-prefixed ones via their template)', () => {
    for (const { id, product, version } of everyCase()) {
      if (product !== 'postfix') continue;
      for (const m of code(gen(id, product, version, SAMPLE)).matchAll(/postconf -e '([a-z0-9_]+)=/g)) {
        const name = (m[1] ?? '').replace(/^slow_/, 'transport_');
        expect(Object.keys(POSTFIX_PARAMS), `${id}@${version}: ${m[1]}`).toContain(name);
        const spec = POSTFIX_PARAMS[name];
        expect(atLeast(resolveVersion({ product: 'postfix', version }), spec?.since), `${name}@${version}`).toBe(true);
      }
    }
  });
});

describe('other products', () => {
  it('Exim: connect-ACL rate limit counts connections (per_conn), message limit uses per_mail', () => {
    const c = code(gen('connection-rate-limit', 'exim', '4.96', SAMPLE));
    expect(c).toMatch(/ratelimit += <new-limit> \/ 1m \/ per_conn \/ strict/);
    expect(c).toContain('acl_smtp_connect = acl_check_connect');
    expect(c).not.toMatch(/ratelimit .*readonly/);
    expect(code(gen('message-rate-limit', 'exim', '4.96', SAMPLE))).toMatch(/ratelimit += <new-limit> \/ 1h \/ per_mail/);
  });

  it('Exim: writes only options from the table', () => {
    const structural = new Set(['driver', 'domains', 'transport', 'message', 'log_message']);
    for (const { id, product, version } of everyCase()) {
      if (product !== 'exim') continue;
      for (const s of gen(id, product, version, SAMPLE)) {
        if (s.language !== 'exim') continue;
        for (const m of s.code.matchAll(/^\s*([a-z_]+) = /gm)) {
          const name = m[1] ?? '';
          if (!structural.has(name)) expect(Object.keys(EXIM_OPTIONS), `${s.id}: ${name}`).toContain(name);
        }
      }
    }
  });

  it('Exim: remote_max_parallel default follows the version', () => {
    expect(code(gen('sender-destination-throttle', 'exim', '4.96'))).toContain('# remote_max_parallel = 2');
    expect(code(gen('sender-destination-throttle', 'exim', '4.97'))).toContain('# remote_max_parallel = 4');
  });

  it('Sendmail: defines only macros from the table', () => {
    for (const { id, product, version } of everyCase()) {
      if (product !== 'sendmail') continue;
      for (const m of code(gen(id, product, version, SAMPLE)).matchAll(/define\(`(conf[A-Z_]+)'/g)) {
        expect(Object.keys(SENDMAIL_OPTIONS), `${id}: ${m[1]}`).toContain(m[1]);
      }
    }
    expect(code(gen('connection-count-limit', 'sendmail', '8.17', SAMPLE))).toContain("FEATURE(`conncontrol', `nodelay', `terminate')dnl");
    expect(code(gen('connection-count-limit', 'sendmail', '8.17', SAMPLE))).toContain("printf 'ClientConn:%s\\t%s\\n' '192.0.2.10' '0'");
  });

  it('Exchange: uses only parameters from the table, and version SE counts as newest', () => {
    for (const { id, product, version } of everyCase()) {
      if (product !== 'exchange') continue;
      for (const m of code(gen(id, product, version, SAMPLE)).matchAll(/^(Set-[A-Za-z]+) .*$/gm)) {
        for (const p of (m[0] ?? '').matchAll(/ -([A-Z][A-Za-z]+) /g)) {
          if (p[1] === 'Identity') continue;
          expect(Object.keys(EXCHANGE_PARAMS), `${id}: ${m[1]} -${p[1]}`).toContain(`${m[1]} -${p[1]}`);
        }
      }
    }
    expect(resolveVersion({ product: 'exchange', version: 'SE' })).toMatchObject({ known: true, parsed: [2025] });
  });

  it('nodemailer: isTransientError only from 10.1 (a note for plain "10"), never below 10', () => {
    for (const v of ['6', '7', '8', '9', undefined]) {
      const out = gen('client-backoff', 'nodemailer', v);
      expect(`${code(out)}\n${notes(out)}`, String(v)).not.toContain('isTransientError');
      expect(code(out)).toContain("typeof err.responseCode === 'number'");
    }
    expect(code(gen('client-backoff', 'nodemailer', '10'))).not.toContain('isTransientError');
    expect(notes(gen('client-backoff', 'nodemailer', '10'))).toContain('isTransientError');
    expect(code(gen('client-backoff', 'nodemailer', '10.1'))).toContain("import { isTransientError } from 'nodemailer/lib/errors';");
  });

  it('Jakarta Mail: SMTP exception package follows the version', () => {
    expect(code(gen('client-backoff', 'jakarta-mail', '2.0'))).toContain('import com.sun.mail.smtp.SMTPSendFailedException;');
    expect(code(gen('client-backoff', 'jakarta-mail', '2.1'))).toContain('import org.eclipse.angus.mail.smtp.SMTPSendFailedException;');
  });

  it('PHPMailer: explains the pre-6.3 421 handling', () => {
    expect(notes(gen('client-backoff', 'phpmailer', '6.2'))).toMatch(/Before PHPMailer 6\.3/);
    expect(notes(gen('client-backoff', 'phpmailer', '6.3'))).not.toMatch(/Before PHPMailer 6\.3/);
    expect(code(gen('client-backoff', 'phpmailer', '6.9'))).toContain("getSMTPInstance()->getError()['smtp_code']");
  });
});

describe('parameters and placeholders', () => {
  it('fills the user\'s values', () => {
    expect(code(gen('find-flooding-client', 'postfix', '3.7', SAMPLE))).toContain("grep -F '[192.0.2.10]'");
    expect(code(gen('dns-ptr-check', 'postfix', '3.7', SAMPLE))).toContain("dig +short -x '192.0.2.10'");
    expect(code(gen('dns-ptr-check', 'postfix', '3.7', SAMPLE))).toContain("dig +short A 'mx1.example.com'");
    expect(code(gen('sender-destination-throttle', 'postfix', '3.7', SAMPLE))).toContain("printf '%s\\t%s\\n' 'example.net' 'slow:'");
    expect(code(gen('ses-quota', 'nodemailer', '10', SAMPLE))).toContain("--region 'eu-west-1'");
    expect(code(gen('client-tls12', 'python-smtplib', '3.12', SAMPLE))).toContain('smtplib.SMTP("smtp.example.com", 587');
    expect(code(gen('connection-count-limit', 'postfix', '3.7', { ip: '2001:db8::5' }))).toContain('$mynetworks [2001:db8::5]');
  });

  it('uses placeholders, never invented addresses, when values are absent', () => {
    for (const { id, product, version } of everyCase()) {
      const c = code(gen(id, product, version, {}));
      const ips = [...c.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)].map((m) => m[0]).filter((ip) => ip !== '127.0.0.1');
      expect(ips, `${id}/${product}@${version}`).toEqual([]);
      expect(c).not.toMatch(/example\.(com|net|org)/);
    }
    expect(code(gen('find-flooding-client', 'postfix', '3.7', {}))).toContain("grep -F '[<client-ip>]'");
    expect(code(gen('dns-ptr-check', 'exim', '4.96', {}))).toContain("dig +short -x '<client-ip>'");
    expect(code(gen('ses-quota', 'postfix', '3.7', {}))).toContain("--region '<region>'");
    expect(code(gen('sender-require-tls', 'postfix', '3.7', {}))).toContain("'<destination-domain>'");
  });

  it('replaces values that do not look right (no shell injection)', () => {
    const bad: SnippetParams = { ip: "1.2.3.4'; rm -rf /", hostname: 'a b', destination: '$(reboot)', region: 'eu west', limit: '10; halt' };
    for (const { id, product, version } of everyCase()) {
      const c = code(gen(id, product, version, bad));
      expect(c).not.toMatch(/rm -rf|reboot|halt|eu west/);
    }
  });

  it('comments follow the language: zh differs from en and is Chinese', () => {
    for (const { id, product, version } of everyCase()) {
      const en = gen(id, product, version, SAMPLE, 'en');
      const zh = gen(id, product, version, SAMPLE, 'zh');
      expect(zh.length).toBe(en.length);
      zh.forEach((s, i) => {
        expect(s.code, s.id).not.toBe(en[i]?.code);
        expect(s.code, s.id).toMatch(/[\u4e00-\u9fff]/);
        expect(en[i]?.code, s.id).not.toMatch(/[\u4e00-\u9fff]/);
      });
    }
  });
});

describe('parameter tables', () => {
  const tables = { POSTFIX_PARAMS, POSTFIX_FEATURES, EXIM_OPTIONS, SENDMAIL_OPTIONS, EXCHANGE_PARAMS };
  it('have readable versions and a source for every entry', () => {
    for (const [tname, t] of Object.entries(tables)) {
      for (const [name, spec] of Object.entries(t)) {
        expect(spec.source.length, `${tname}.${name}`).toBeGreaterThan(5);
        if (spec.since) expect(parseVersion(spec.since), `${tname}.${name}`).toBeDefined();
        if (spec.until) expect(parseVersion(spec.until), `${tname}.${name}`).toBeDefined();
      }
    }
  });

  it('Gate refuses names missing from the table', () => {
    const g = new Gate({ product: 'postfix', version: '3.7' }, POSTFIX_PARAMS);
    expect(() => g.has('smtpd_no_such_parameter')).toThrow(RangeError);
    expect(g.defaultOf('milter_default_action')).toBe('tempfail');
    expect(new Gate({ product: 'postfix', version: '3.11' }, POSTFIX_PARAMS).defaultOf('milter_default_action')).toBe('shutdown');
  });
});
