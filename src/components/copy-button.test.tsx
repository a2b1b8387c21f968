// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers.tsx';
import { CodeBlock } from './code-block.tsx';

afterEach(() => vi.restoreAllMocks());

describe('CodeBlock copy', () => {
  it('copies the code and announces it, with a name that says what is copied', async () => {
    const { user } = renderWithProviders(<CodeBlock code="postfix reload" name="reload command" />);
    await user.click(screen.getByRole('button', { name: 'Copy reload command' }));
    expect(await navigator.clipboard.readText()).toBe('postfix reload');
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('tells the user how to copy by hand when the clipboard refuses', async () => {
    const { user } = renderWithProviders(<CodeBlock code="postfix reload" name="reload command" />, { languages: ['zh-CN'] });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: '复制reload command' }));
    expect(await screen.findByText('复制失败。请选中文字后按 Ctrl+C（Mac 上按 ⌘C）。')).toBeInTheDocument();
  });

  it('renders the code as text, never as markup', () => {
    renderWithProviders(<CodeBlock code={'<img src=x onerror="alert(1)"> & <b>bold</b>'} name="x" />);
    expect(screen.getByText('<img src=x onerror="alert(1)"> & <b>bold</b>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
