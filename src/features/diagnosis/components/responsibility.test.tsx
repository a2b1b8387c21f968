// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { diagnose, loadKbOrThrow, type Entry } from '@/engine/index.ts';
import { createI18n } from '@/i18n/create-i18n.ts';
import { AnnouncerProvider } from '@/components/announcer.tsx';
import { miniEntry } from '@/testing/fixtures/mini-entry.ts';
import { Responsibility, StalePolicyWarning } from './responsibility.tsx';

function entryWith(changes: (e: Record<string, unknown>) => void): Entry {
  const raw = miniEntry();
  changes(raw);
  const e = loadKbOrThrow([raw]).entries[0];
  if (!e) throw new Error('fixture');
  return e;
}

const walkToCount = { answers: { emitter: 'postfix', log: 'concurrency', role: 'app-sender' }, inferred: {} };

describe('Responsibility and StalePolicyWarning', () => {
  it('shows whose fault it is and a ready message, in Chinese too', () => {
    const entry = entryWith((e) => {
      const causes = e.causes as Array<Record<string, unknown>>;
      causes[0] = { ...causes[0], owner: 'their-server', contact: { who: { en: 'The postmaster of the receiving domain', zh: '收件域的 postmaster' }, message: { en: 'Hello, mail from <ip> gets 421.', zh: '你好，来自 <ip> 的邮件收到 421。' } } };
    });
    const d = diagnose(entry, walkToCount, { lang: 'zh' });
    const i18n = createI18n('zh');
    render(<I18nextProvider i18n={i18n}><AnnouncerProvider><Responsibility diagnosis={d} lang="zh" /></AnnouncerProvider></I18nextProvider>);
    expect(screen.getByRole('heading', { name: '问题出在哪一方' })).toBeInTheDocument();
    expect(screen.getByText(/收件方：需要对方管理员/)).toBeInTheDocument();
    expect(screen.getByText('你好，来自 <ip> 的邮件收到 421。')).toBeInTheDocument();
  });

  it('does not tell the operator of the answering server to contact themselves', () => {
    const entry = entryWith((e) => {
      const causes = e.causes as Array<Record<string, unknown>>;
      causes[0] = { ...causes[0], owner: 'their-server', contact: { who: { en: 'The postmaster', zh: 'postmaster 管理员' }, message: { en: 'Hello there', zh: '你好' } } };
    });
    const d = diagnose(entry, { ...walkToCount, answers: { ...walkToCount.answers, role: 'emitting-server' } }, { lang: 'en' });
    const i18n = createI18n('en');
    render(<I18nextProvider i18n={i18n}><AnnouncerProvider><Responsibility diagnosis={d} lang="en" /></AnnouncerProvider></I18nextProvider>);
    expect(screen.getByText(/Your own server, the one that answers/)).toBeInTheDocument();
    expect(screen.queryByText('Hello there')).toBeNull();
  });

  it('shows the owner without a contact section when nobody else must be asked', () => {
    const d = diagnose(entryWith(() => undefined), walkToCount, { lang: 'en' });
    const i18n = createI18n('en');
    render(<I18nextProvider i18n={i18n}><AnnouncerProvider><Responsibility diagnosis={d} lang="en" /></AnnouncerProvider></I18nextProvider>);
    expect(screen.getByText(/Your application: the fix is in the code/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Who to contact' })).toBeNull();
  });

  it('warns only when the policy check date is more than a year old', () => {
    const d = diagnose(entryWith(() => undefined), walkToCount, { lang: 'en' });
    const i18n = createI18n('en');
    const { rerender } = render(<I18nextProvider i18n={i18n}><StalePolicyWarning diagnosis={d} now={new Date('2027-06-01T00:00:00Z')} /></I18nextProvider>);
    expect(screen.queryByRole('note')).toBeNull();
    rerender(<I18nextProvider i18n={i18n}><StalePolicyWarning diagnosis={d} now={new Date('2028-01-02T00:00:00Z')} /></I18nextProvider>);
    expect(screen.getByRole('note')).toHaveTextContent('2026-11-25');
  });
});
