// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledKb } from '@/kb-data/kb.ts';
import { renderApp, resetBrowser } from '@/testing/render-with-providers.tsx';

beforeEach(resetBrowser);

function shipped() {
  const r = bundledKb();
  if (!r.ok) throw new Error(r.errors.slice(0, 5).join('\n'));
  return r.kb;
}

describe('choosing the error without a paste', () => {
  it('finds entries by enhanced code and by words, picks one, and can change it', async () => {
    const kb = shipped();
    const { user } = renderApp({ kb: { ok: true, kb } });
    const search = await screen.findByRole('searchbox', { name: 'Which error do you see?' });
    await user.type(search, '5.1.1');
    const userUnknown = kb.entries.find((e) => e.id === 'recipient/smtp-550-user-unknown');
    if (!userUnknown) throw new Error('no user-unknown entry');
    await user.click(screen.getByRole('button', { name: userUnknown.title.en }));
    expect(screen.queryByRole('searchbox', { name: 'Which error do you see?' })).not.toBeInTheDocument();
    expect(screen.getByText(userUnknown.title.en)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose another' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Choose another' }));
    const again = screen.getByRole('searchbox', { name: 'Which error do you see?' });
    // The search comes back with the query it had, and the keyboard on it.
    expect(again).toHaveFocus();
    expect(again).toHaveValue('5.1.1');
    await user.clear(again);
    await user.type(again, 'nothing-like-this-anywhere');
    expect(again).toHaveAccessibleDescription(/No error matches “nothing-like-this-anywhere”/);
  });

  it('searches in Chinese too', async () => {
    const kb = shipped();
    const { user } = renderApp({ kb: { ok: true, kb }, languages: ['zh-CN'] });
    const search = await screen.findByRole('searchbox', { name: '你遇到的是哪种错误？' });
    await user.type(search, '552');
    expect(search).toHaveAccessibleDescription(/共 \d+ 个匹配/);
  });
});
