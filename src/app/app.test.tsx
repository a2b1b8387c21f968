// @vitest-environment jsdom
/**
 * The whole app on the fixture knowledge base: wizard mechanics that must hold whatever the shipped
 * content says (persistence, share links, migration, refusals, languages, keyboard use).
 * The same flows on the shipped knowledge base are in `wizard-kb.test.tsx`.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERSIST_NAME } from '@/store/persisted.ts';
import { shareHash } from '@/store/share-link.ts';
import { FIXTURE_TEXT, POSTFIX_LOG_LINE, TEST_ENTRY_ID } from '@/testing/fixtures/test-kb.ts';
import { preloadLazyChunks, renderApp, resetBrowser } from '@/testing/render-with-providers.tsx';

type User = ReturnType<typeof renderApp>['user'];

beforeAll(preloadLazyChunks);
beforeEach(resetBrowser);
afterEach(() => vi.restoreAllMocks());

async function pasteAndAnalyse(user: User, text: string, lang: 'en' | 'zh' = 'en') {
  await user.click(screen.getByRole('textbox', { name: lang === 'en' ? 'Error message, bounce or log lines' : '错误信息、退信或日志行' }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: lang === 'en' ? 'Analyse' : '分析' }));
}

/** Skips the paste and answers: app developer, sending through "another server", nodemailer 6, then "only under load". */
async function walkWithoutPaste(user: User) {
  await user.click(screen.getByRole('button', { name: 'Skip and answer questions' }));
  await user.click(await screen.findByRole('radio', { name: 'My application sends the mail' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.selectOptions(await screen.findByLabelText('Server or service your application sends through'), 'Another or unknown server');
  await user.selectOptions(screen.getByLabelText('SMTP library your code uses'), 'Node.js nodemailer');
  await user.selectOptions(screen.getByLabelText('Version'), '6');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: 'Only under load' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('wizard on the fixture knowledge base', () => {
  it('walks from a pasted Postfix log line to the diagnosis without asking what the paste settled', async () => {
    const { user } = renderApp();
    await pasteAndAnalyse(user, POSTFIX_LOG_LINE);
    const findings = await screen.findByRole('region', { name: 'What we recognised' });
    expect(within(findings).getByText(FIXTURE_TEXT.countCause.en)).toBeInTheDocument();
    expect(within(findings).getByText('Used to answer the questions')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    // The role came from the paste: the next step is the software, with Postfix already known.
    expect(await screen.findByRole('heading', { name: 'Which mail server do you run?' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'My application sends the mail' })).not.toBeInTheDocument();
    expect(screen.getByText('Postfix')).toBeInTheDocument();
    expect(screen.getByText('from your paste')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Version'), '3.7');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // Both tree questions were settled by the paste: straight to the diagnosis.
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en })).toBeInTheDocument();
    expect(screen.getByText('You are the one who can fix this. Start with the solutions marked “For you”.')).toBeInTheDocument();
    expect(screen.getByText('Success rate: 80%')).toBeInTheDocument();
    expect(screen.getAllByText('Basis: editorial estimate').length).toBeGreaterThan(0);
    const path = screen.getByRole('region', { name: 'Your answers so far' });
    expect(within(path).getByText('Postfix')).toBeInTheDocument();
    expect(within(path).getByText('3.7')).toBeInTheDocument();
    expect(within(path).getAllByText('from your paste').length).toBeGreaterThanOrEqual(2);
  });

  it('walks to the same diagnosis in Chinese', async () => {
    const { user } = renderApp({ languages: ['zh-CN', 'en'] });
    expect(document.documentElement.lang).toBe('zh-CN');
    await pasteAndAnalyse(user, POSTFIX_LOG_LINE, 'zh');
    expect(await screen.findByRole('region', { name: '识别结果' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '继续' }));
    expect(await screen.findByRole('heading', { name: '你运行的是哪种邮件服务器？' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('版本'), '3.7');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.zh })).toBeInTheDocument();
    expect(screen.getByText('根本原因')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '解决办法' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '常见误区' })).toBeInTheDocument();
    expect(screen.getByText('成功率：80%')).toBeInTheDocument();
  });

  it('answers questions with no paste, and changing an answer changes the result', async () => {
    const { user } = renderApp();
    await walkWithoutPaste(user);
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en })).toBeInTheDocument();

    // Back undoes the last tree answer and asks it again.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.patternQuestion.en })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Always, for everyone' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.shutdownCause.en })).toBeInTheDocument();
    // Not the user's to fix: the text says who must act.
    expect(screen.getByText(/^Not you: this has to be fixed by the administrator of the server that answers with the error\./)).toBeInTheDocument();

    // "Change" on the path reopens that question with the current answer selected.
    await user.click(screen.getByRole('button', { name: `Change: ${FIXTURE_TEXT.patternQuestion.en}` }));
    expect(await screen.findByRole('radio', { name: 'Always, for everyone' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Only under load' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en })).toBeInTheDocument();
  });

  it('reveals why a dead end fails when the user says they already tried it', async () => {
    const { user } = renderApp();
    await pasteAndAnalyse(user, POSTFIX_LOG_LINE);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en });
    expect(screen.queryByText(FIXTURE_TEXT.deadEndWhy.en)).not.toBeVisible();
    const tried = screen.getByRole('button', { name: `I already tried this: ${FIXTURE_TEXT.deadEndTitle.en}` });
    expect(tried).toHaveAttribute('aria-expanded', 'false');
    await user.click(tried);
    expect(screen.getByText(FIXTURE_TEXT.deadEndWhy.en)).toBeVisible();
    expect(screen.getByText('Fixture: raise the limit instead.')).toBeVisible();
    expect(screen.getByRole('button', { name: `Hide the explanation: ${FIXTURE_TEXT.deadEndTitle.en}` })).toHaveAttribute('aria-expanded', 'true');
  });

  it('exports the diagnosis as a Markdown file and says so', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderApp();
    await pasteAndAnalyse(user, POSTFIX_LOG_LINE);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en });
    await user.click(screen.getByRole('button', { name: 'Export as Markdown' }));
    expect(await screen.findByText('Saved smtp-doctor-fx-count.md.')).toBeInTheDocument();
    expect(clicked).toHaveBeenCalledTimes(1);
    const markdown = await blobs[0]?.text();
    expect(markdown).toContain(FIXTURE_TEXT.countCause.en);
    expect(markdown).toContain('#/diagnose?e=test%2Fsmtp-421-fixture');
  });

  it('shows the snippets for another product when the user switches', async () => {
    const { user } = renderApp();
    await pasteAndAnalyse(user, POSTFIX_LOG_LINE);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.selectOptions(await screen.findByLabelText('Version'), '3.7');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en });
    const target = screen.getByRole('group', { name: 'Show configuration and code for' });
    const codeText = () => screen.getAllByRole('code').map((c) => c.textContent ?? '').join('\n');
    expect(codeText()).toContain("postconf -e 'smtpd_client_connection_count_limit");
    const products = within(target).getByLabelText('Product');
    const other = within(products).getAllByRole('option').find((o) => o.textContent !== 'Postfix');
    if (!other) throw new Error('the snippet generators write for Postfix only');
    await user.selectOptions(products, other);
    expect(codeText()).not.toContain("postconf -e 'smtpd_client_connection_count_limit");
  });

  it('uses another match for the questions when the user picks it', async () => {
    const { user } = renderApp();
    await pasteAndAnalyse(user, `421 4.7.0 Fixture service not available\n${POSTFIX_LOG_LINE}`);
    const findings = await screen.findByRole('region', { name: 'What we recognised' });
    const items = within(findings).getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText(FIXTURE_TEXT.countCause.en)).toBeInTheDocument();
    await user.click(within(items[1]!).getByRole('button', { name: 'Use match 2 instead' }));
    expect(within(items[1]!).getByText('Used to answer the questions')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // The log around it still says who the user is, but the generic reply proves no cause: the tree asks.
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.postfixQuestion.en })).toBeInTheDocument();
  });

  it('restores the diagnosis from a share link in a fresh page, without the pasted text', async () => {
    const first = renderApp();
    await pasteAndAnalyse(first.user, POSTFIX_LOG_LINE);
    await first.user.click(await screen.findByRole('button', { name: 'Continue' }));
    await first.user.selectOptions(await screen.findByLabelText('Version'), '3.8');
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en });
    await first.user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(await screen.findByText('Share link copied. It holds your answers, not the text you pasted.')).toBeInTheDocument();
    const link = await navigator.clipboard.readText();
    expect(link).toMatch(/#\/diagnose\?e=test%2Fsmtp-421-fixture&s=[A-Za-z0-9_-]+$/);
    expect(link).not.toContain('203.0.113.5');
    expect(decodeURIComponent(link)).not.toContain('concurrency limit exceeded');
    first.unmount();

    // Another browser: nothing saved, only the link.
    resetBrowser();
    window.history.replaceState(null, '', link.slice(link.indexOf('#')));
    renderApp();
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.countCause.en })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Your answers so far' })).getByText('3.8')).toBeInTheDocument();
  });

  it('lets a share link win over the saved session', async () => {
    const first = renderApp();
    await walkWithoutPaste(first.user);
    await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en });
    const remoteLink = window.location.hash;
    await first.user.click(screen.getByRole('button', { name: 'Start over' }));
    await pasteAndAnalyse(first.user, POSTFIX_LOG_LINE);
    await first.user.click(await screen.findByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Which mail server do you run?' });
    first.unmount();

    window.history.replaceState(null, '', `/${remoteLink}`);
    renderApp();
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en })).toBeInTheDocument();
  });

  it('applies a share link opened in the same tab', async () => {
    const first = renderApp();
    await walkWithoutPaste(first.user);
    await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en });
    const remoteLink = window.location.hash;
    first.unmount();
    resetBrowser();
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Skip and answer questions' }));
    await screen.findByRole('heading', { name: 'Which side are you on?' });
    act(() => {
      window.location.hash = remoteLink;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en })).toBeInTheDocument();
  });

  it('lists the causes still possible when a link opens a diagnosis the answers do not settle', async () => {
    window.history.replaceState(null, '', `/${shareHash(TEST_ENTRY_ID, 'diagnosis', { answers: { role: 'app-sender', emitter: 'other' }, inferred: {} })}`);
    const { user } = renderApp();
    expect(await screen.findByRole('heading', { name: 'Not settled yet' })).toBeInTheDocument();
    expect(screen.getByText(FIXTURE_TEXT.remoteCause.en)).toBeInTheDocument();
    expect(screen.getByText(FIXTURE_TEXT.shutdownCause.en)).toBeInTheDocument();
    expect(screen.queryByText(FIXTURE_TEXT.countCause.en)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue with the questions' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.patternQuestion.en })).toBeInTheDocument();
  });

  it('ignores a damaged share link and says so', async () => {
    window.history.replaceState(null, '', '/#/diagnose?e=test%2Fsmtp-421-fixture&s=not-base64!!');
    renderApp();
    expect(screen.getByText('The link you opened is damaged or points to an error this version does not know, so it was ignored.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Paste the error you see' })).toBeInTheDocument();
  });

  it('restores a half-finished walk after a reload', async () => {
    const first = renderApp();
    await first.user.click(screen.getByRole('button', { name: 'Skip and answer questions' }));
    await first.user.click(await screen.findByRole('radio', { name: 'I run a mail server that gets the error from another server' }));
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    await first.user.selectOptions(await screen.findByLabelText('Your mail server (MTA)'), 'Exim');
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.emitterQuestion.en })).toBeInTheDocument();
    first.unmount();

    const second = renderApp();
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.emitterQuestion.en })).toBeInTheDocument();
    const path = screen.getByRole('region', { name: 'Your answers so far' });
    expect(within(path).getByText('runs the sending mail server')).toBeInTheDocument();
    expect(within(path).getByText('Exim')).toBeInTheDocument();
    await second.user.click(screen.getByRole('radio', { name: 'Another server' }));
    await second.user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.patternQuestion.en })).toBeInTheDocument();
  });

  it('restores the redacted paste and its findings after a reload', async () => {
    const first = renderApp();
    await pasteAndAnalyse(first.user, `AUTH PLAIN AHVzZXIAc2VjcmV0cGFzcw==\n${POSTFIX_LOG_LINE}`);
    await screen.findByRole('region', { name: 'What we recognised' });
    expect(screen.getByText('Secrets removed from your paste before analysis: 1.')).toBeInTheDocument();
    first.unmount();
    expect(window.localStorage.getItem(PERSIST_NAME)).not.toContain('AHVzZXIAc2VjcmV0cGFzcw');

    renderApp();
    const area = screen.getByRole('textbox', { name: 'Error message, bounce or log lines' });
    expect(area).toHaveValue(`AUTH PLAIN [REDACTED]\n${POSTFIX_LOG_LINE}`);
    expect(await screen.findByRole('region', { name: 'What we recognised' })).toBeInTheDocument();
  });

  it('shows a notice for corrupt saved state and keeps working', async () => {
    window.localStorage.setItem(PERSIST_NAME, '{"state": {"lang": "en", "step": ');
    const { user } = renderApp();
    const notice = screen.getByText('Your saved session could not be read, so a new one was started. Nothing else is affected.');
    expect(notice).toBeInTheDocument();
    expect(window.localStorage.getItem(PERSIST_NAME)).not.toContain('"step": ');
    await user.click(screen.getByRole('button', { name: 'Dismiss this notice' }));
    expect(notice).not.toBeInTheDocument();
    await walkWithoutPaste(user);
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.en })).toBeInTheDocument();
  });

  it('shows the notice in the user language when the saved state fails validation', () => {
    window.localStorage.setItem(PERSIST_NAME, JSON.stringify({ state: { lang: 'fr', step: 'nowhere' }, version: 2 }));
    renderApp({ languages: ['zh-TW'] });
    expect(screen.getByText('之前保存的会话来自不兼容的版本或已损坏，已为你重新开始。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '粘贴退信或日志' })).toBeInTheDocument();
  });

  it('migrates a session saved by the first prototype (version 1)', async () => {
    window.localStorage.setItem(
      PERSIST_NAME,
      JSON.stringify({
        state: { lang: 'zh', entry: TEST_ENTRY_ID, answers: [['role', 'app-sender'], ['emitter', 'other'], ['product', 'nodemailer']], paste: 'AUTH LOGIN dXNlcg==' },
        version: 1,
      }),
    );
    const { user } = renderApp({ languages: ['en-US'] });
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.patternQuestion.zh })).toBeInTheDocument();
    const saved = window.localStorage.getItem(PERSIST_NAME) ?? '';
    expect(JSON.parse(saved)).toMatchObject({ version: 2, state: { lang: 'zh', entryId: TEST_ENTRY_ID, step: 'questions', paste: '' } });
    await user.click(screen.getByRole('radio', { name: '只在大量发信时' }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByRole('heading', { name: FIXTURE_TEXT.remoteCause.zh })).toBeInTheDocument();
  });

  it('refuses a binary paste with a message', async () => {
    const { user } = renderApp();
    await pasteAndAnalyse(user, 'PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000\u0000\u0000!\u0000binary');
    expect(await screen.findByRole('alert')).toHaveTextContent('This looks like a binary file, not text. Paste the bounce message or the log lines as plain text.');
    expect(screen.queryByRole('region', { name: 'What we recognised' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem(PERSIST_NAME) ?? '').not.toContain('binary');
  });

  it('refuses a text over 2 MiB quickly, in Chinese too', async () => {
    const { user } = renderApp({ languages: ['zh'] });
    const area = screen.getByRole('textbox', { name: '错误信息、退信或日志行' });
    // Typing 2 MiB through user-event would take minutes: set the value as a paste would.
    act(() => {
      (area as HTMLTextAreaElement).value = `${POSTFIX_LOG_LINE}\n`.repeat(17000);
    });
    const started = performance.now();
    await user.click(screen.getByRole('button', { name: '分析' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('文本超过 2 MiB。请只粘贴错误前后的几行，例如 grep 的输出。');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('picks the language from the browser, switches it, remembers it and updates <html lang>', async () => {
    const first = renderApp({ languages: ['zh-TW', 'en-US'] });
    expect(screen.getByRole('heading', { name: '粘贴退信或日志' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    await first.user.selectOptions(screen.getByLabelText('语言 (Language)'), 'en');
    expect(screen.getByRole('heading', { name: 'Paste the error you see' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    first.unmount();
    renderApp({ languages: ['zh-CN'] });
    expect(screen.getByRole('heading', { name: 'Paste the error you see' })).toBeInTheDocument();
  });

  it('can be used with the keyboard alone, and moves focus to each new step heading', async () => {
    const { user } = renderApp();
    const skip = screen.getByRole('button', { name: 'Skip and answer questions' });
    while (document.activeElement !== skip) await user.tab();
    await user.keyboard('{Enter}');
    const roleHeading = await screen.findByRole('heading', { name: 'Which side are you on?' });
    expect(roleHeading).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'My application sends the mail' })).toHaveFocus();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    const softwareHeading = await screen.findByRole('heading', { name: 'How does your application send mail?' });
    expect(softwareHeading).toHaveFocus();
    await user.tab();
    await user.selectOptions(screen.getByLabelText('Server or service your application sends through'), 'Another or unknown server');
    await user.selectOptions(screen.getByLabelText('SMTP library your code uses'), 'Python smtplib');
    screen.getByRole('button', { name: 'Next' }).focus();
    await user.keyboard('{Enter}');
    const question = await screen.findByRole('heading', { name: FIXTURE_TEXT.patternQuestion.en });
    expect(question).toHaveFocus();
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: 'Only under load' })).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Always, for everyone' })).toBeChecked();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Diagnosis' })).toHaveFocus();
    expect(screen.getByRole('heading', { name: FIXTURE_TEXT.shutdownCause.en })).toBeInTheDocument();
  });

  it('asks for an answer instead of moving on when none is chosen', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Skip and answer questions' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the description that fits you.');
    expect(screen.getByRole('group', { name: 'Which side are you on?' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows an error page listing the problems when the knowledge base is invalid', () => {
    renderApp({ kb: { ok: false, errors: ['entry x: causes[0].title: missing or wrong type (expected object)'] }, languages: ['zh-CN'] });
    expect(screen.getByRole('heading', { name: '无法加载知识库' })).toBeInTheDocument();
    expect(screen.getByText('entry x: causes[0].title: missing or wrong type (expected object)')).toBeInTheDocument();
  });
});
