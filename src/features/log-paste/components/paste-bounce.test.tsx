// @vitest-environment jsdom
/**
 * A bounce pasted as its message source (what "show original" gives) is read as MIME: one finding per
 * recipient it reports, with the recipient shown, including a Chinese provider's GB2312 bounce.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledKb } from '@/kb-data/kb.ts';
import { renderApp, resetBrowser } from '@/testing/render-with-providers.tsx';

beforeEach(resetBrowser);

function shipped() {
  const r = bundledKb();
  if (!r.ok) throw new Error(r.errors.slice(0, 5).join('\n'));
  return r.kb;
}

function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'src/testing/fixtures/intake', name), 'latin1');
}

async function pasteAndAnalyse(text: string) {
  const kb = shipped();
  const { user } = renderApp({ kb: { ok: true, kb } });
  await user.click(screen.getByRole('textbox', { name: 'Error message, bounce or log lines' }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Analyse' }));
  return { kb, region: await screen.findByRole('region', { name: 'What we recognised' }) };
}

describe('a pasted bounce', () => {
  it('gives one finding per recipient of a two-recipient DSN, each naming its recipient', async () => {
    const { kb, region } = await pasteAndAnalyse(fixture('postfix-dsn-two-recipients.eml'));
    const items = within(region).getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('bob@example.org');
    expect(items[1]).toHaveTextContent('carol@example.net');
    const userUnknown = kb.entries.find((e) => e.id === 'recipient/smtp-550-user-unknown');
    const mailboxFull = kb.entries.find((e) => e.id === 'recipient/smtp-552-mailbox-full');
    const titles = (e: typeof userUnknown) => [e?.title.en ?? '', ...(e?.causes.map((c) => c.title.en) ?? [])];
    expect(titles(userUnknown).some((t) => items[0]?.textContent?.includes(t))).toBe(true);
    expect(titles(mailboxFull).some((t) => items[1]?.textContent?.includes(t))).toBe(true);
  });

  it('decodes a base64 GB2312 bounce from a Chinese provider', async () => {
    const { region } = await pasteAndAnalyse(fixture('qq-gb2312.eml'));
    const items = within(region).getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toHaveTextContent('Recipient');
  });
});
