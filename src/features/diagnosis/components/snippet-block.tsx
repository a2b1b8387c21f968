import { useTranslation } from 'react-i18next';
import type { Snippet } from '@/engine/index.ts';
import { localized, type Lang } from '@/i18n/lang.ts';
import { CodeBlock } from '@/components/code-block.tsx';

export function SnippetBlock({ snippet, lang }: { snippet: Snippet; lang: Lang }) {
  const { t } = useTranslation('diagnosis');
  const title = localized(snippet.title, lang);
  return (
    <div className="snippet" data-language={snippet.language}>
      <CodeBlock code={snippet.code} name={title} caption={title} />
      {snippet.notes.length > 0 && (
        <div className="snippet-notes">
          <span className="notes-label">{t('snippets.notes')}</span>
          <ul>
            {snippet.notes.map((n, i) => (
              <li key={i}>{localized(n, lang)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
