// @vitest-environment jsdom
/**
 * The wizard on the shipped knowledge base, in English and in Chinese: the pastes a mail admin
 * would bring, and a walk with no paste. Expected causes are looked up in the knowledge base by
 * the texts they document (not by id), so these tests follow the content as it is written.
 * They fail while the knowledge base is incomplete or invalid.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pathsToCause, type Cause, type Entry, type Kb, type ProductId, type Role } from '@/engine/index.ts';
import { bundledKb } from '@/kb-data/kb.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import { resources } from '@/i18n/resources.ts';
import { preloadLazyChunks, renderApp, resetBrowser } from '@/testing/render-with-providers.tsx';

const EXCHANGE = '421 4.3.2 The maximum number of concurrent server connections has exceeded a per-source limit, closing transmission channel';
const POSTFIX = 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.5] for service smtp';
const YAHOO = '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints';

type User = ReturnType<typeof renderApp>['user'];

function shippedKb(): Kb {
  const result = bundledKb();
  if (!result.ok) throw new Error(`the shipped knowledge base is invalid:\n${result.errors.slice(0, 20).join('\n')}`);
  return result.kb;
}

function the421(kb: Kb): Entry {
  const entry = kb.entries.find((e) => e.id === 'communication/smtp-421-service-not-available');
  if (!entry) throw new Error('no 421 entry in the knowledge base');
  return entry;
}

/** The cause a product documents with a text matching `pattern`. */
function causeFor(entry: Entry, product: ProductId, pattern: RegExp): Cause {
  const cause = entry.causes.find((c) => c.emitters.some((e) => e.product === product && e.texts.some((t) => pattern.test(t.reply ?? '') || pattern.test(t.log ?? ''))));
  if (!cause) throw new Error(`no ${product} cause documents ${String(pattern)}`);
  return cause;
}

interface Answers {
  readonly role: Role;
  /** The MTA a server role runs, or the library an application uses. */
  readonly product: ProductId;
  readonly version?: string;
  /** For an application: the server or service it sends through. */
  readonly emitter?: ProductId;
}

const PRODUCT_NAMES: Readonly<Partial<Record<ProductId, string>>> = {
  postfix: 'Postfix',
  exim: 'Exim',
  exchange: 'Microsoft Exchange Server',
  yahoo: 'Yahoo / AOL',
  nodemailer: 'Node.js nodemailer',
  'python-smtplib': 'Python smtplib',
};

/**
 * Walks on from wherever the wizard is until the diagnosis, as a user who knows their situation:
 * the role and software steps from `answers`, each tree question with the option on a path to `target`.
 * Returns the wizard steps it saw.
 */
async function driveTo(user: User, entry: Entry, target: Cause, answers: Answers, lang: Lang): Promise<string[]> {
  const w = resources[lang].wizard;
  const seen: string[] = [];
  const paths = pathsToCause(entry.tree, target.id);
  for (let i = 0; i < 25; i++) {
    // The diagnosis is loaded lazily: wait until it replaces the loading line.
    await waitFor(() => expect(screen.queryByText(resources[lang].common.app.loading)).not.toBeInTheDocument());
    if (screen.queryByRole('heading', { name: resources[lang].diagnosis.view.heading })) return seen;
    const next = () => user.click(screen.getByRole('button', { name: w.nav.next }));
    if (screen.queryByRole('heading', { name: w.role.heading })) {
      seen.push('role');
      await user.click(screen.getByRole('radio', { name: w.role[answers.role].label }));
      await next();
    } else if (screen.queryByRole('heading', { name: answers.role === 'app-sender' ? w.software['heading-app'] : w.software['heading-server'] })) {
      seen.push('software');
      const pick = async (label: string, product: ProductId | undefined) => {
        const select = screen.queryByLabelText(label);
        if (select && product) await user.selectOptions(select, PRODUCT_NAMES[product] ?? product);
      };
      await pick(w.software['emitter-label'], answers.emitter);
      await pick(answers.role === 'app-sender' ? w.software['client-label'] : w.software['mta-label'], answers.product);
      const version = screen.queryByLabelText(w.software['version-label']);
      if (version && answers.version) await user.selectOptions(version, answers.version);
      await next();
    } else if (screen.queryByRole('button', { name: w.paste.continue })) {
      await user.click(screen.getByRole('button', { name: w.paste.continue }));
    } else {
      const current = entry.tree.nodes.find((n) => n.kind === 'question' && screen.queryByRole('heading', { name: localized(n.question, lang) }));
      if (!current || current.kind !== 'question') throw new Error(`stuck: no known step on screen (seen ${seen.join(', ')})`);
      seen.push(current.id);
      const value = paths.map((p) => p[current.fact]).find((v) => v !== undefined);
      const option = current.options.find((o) => o.value === value);
      if (!option) throw new Error(`question ${current.id} does not lead to ${target.id}`);
      await user.click(screen.getByRole('radio', { name: localized(option.label, lang) }));
      await next();
    }
  }
  throw new Error(`no diagnosis after 25 steps (seen ${seen.join(', ')})`);
}

async function paste(user: User, text: string, lang: Lang) {
  const w = resources[lang].wizard;
  await user.click(screen.getByRole('textbox', { name: w.paste.label }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: w.paste.analyse }));
  await screen.findByRole('region', { name: w.paste['results-heading'] });
}

beforeAll(preloadLazyChunks);
beforeEach(resetBrowser);

describe.each(['en', 'zh'] as const)('wizard on the shipped knowledge base (%s)', (lang) => {
  const languages = lang === 'zh' ? ['zh-CN'] : ['en-US'];
  const d = resources[lang].diagnosis;
  const w = resources[lang].wizard;

  it('diagnoses the Exchange per-source connection limit from the pasted reply', async () => {
    const kb = shippedKb();
    const entry = the421(kb);
    const cause = causeFor(entry, 'exchange', /per-source limit/i);
    const { user } = renderApp({ kb: { ok: true, kb }, languages });
    await paste(user, EXCHANGE, lang);
    const answers: Answers = lang === 'en' ? { role: 'app-sender', product: 'nodemailer', version: '6', emitter: 'exchange' } : { role: 'sending-server', product: 'postfix', version: '3.7' };
    await driveTo(user, entry, cause, answers, lang);
    expect(screen.getByRole('heading', { name: localized(cause.title, lang) })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: d.act.heading })).toBeInTheDocument();
  });

  it('diagnoses the Postfix connection count limit from a log line, with the role known from the paste', async () => {
    const kb = shippedKb();
    const entry = the421(kb);
    const cause = causeFor(entry, 'postfix', /Connection concurrency limit exceeded/);
    const { user } = renderApp({ kb: { ok: true, kb }, languages });
    await paste(user, POSTFIX, lang);
    const seen = await driveTo(user, entry, cause, { role: 'emitting-server', product: 'postfix', version: '3.7' }, lang);
    expect(seen).not.toContain('role');
    expect(seen).toContain('software');
    expect(screen.getByRole('heading', { name: localized(cause.title, lang) })).toBeInTheDocument();
    const path = screen.getByRole('region', { name: w.path.heading });
    expect(within(path).getByText(w.role['emitting-server'].short)).toBeInTheDocument();
    expect(within(path).getAllByText(w.known.badge).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/smtpd_client_connection_count_limit/).length).toBeGreaterThan(0);
    // Postfix 3.7 has no per-network counting (3.8+): its snippets must not set it.
    const code = screen.getAllByRole('code').map((c) => c.textContent ?? '').join('\n');
    expect(code).toContain('smtpd_client_connection_count_limit');
    expect(code).not.toMatch(/^\s*smtpd_client_ipv4_prefix_length\s*=/m);
  });

  it('diagnoses Yahoo TSS04 from the pasted reply', async () => {
    const kb = shippedKb();
    const entry = the421(kb);
    const cause = causeFor(entry, 'yahoo', /TSS04/);
    const { user } = renderApp({ kb: { ok: true, kb }, languages });
    await paste(user, YAHOO, lang);
    await driveTo(user, entry, cause, { role: 'sending-server', product: 'postfix', version: '3.8' }, lang);
    expect(screen.getByRole('heading', { name: localized(cause.title, lang) })).toBeInTheDocument();
  });

  it('reaches a diagnosis by answering questions with no paste', async () => {
    const kb = shippedKb();
    const entry = the421(kb);
    const target = entry.causes.find((c) => c.actors.includes('app-sender') && c.emitters.some((e) => e.product === 'other'));
    if (!target) throw new Error('no cause for an application sending through an unknown server');
    const { user } = renderApp({ kb: { ok: true, kb }, languages });
    // With several entries, skipping the paste needs the error chosen first.
    const picker = screen.queryByLabelText(w.paste['pick-entry']);
    if (picker) {
      // Search by the entry's main reply code and a word of its title, then pick it from the matches.
      await user.type(picker, '421');
      await user.click(screen.getByRole('button', { name: localized(entry.title, lang) }));
      expect(screen.getByText(localized(entry.title, lang))).toBeInTheDocument();
    }
    await user.click(screen.getByRole('button', { name: w.paste.skip }));
    await driveTo(user, entry, target, { role: 'app-sender', product: 'python-smtplib', version: '3.12', emitter: 'other' }, lang);
    expect(screen.getByRole('heading', { name: localized(target.title, lang) })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: d.workarounds.heading })).toBeInTheDocument();
  });
});
