import { CopyButton } from './copy-button.tsx';

/** A command or configuration snippet, shown as text only, with a Copy button above it. */
export function CodeBlock({ code, name, caption }: { code: string; name: string; caption?: string }) {
  return (
    <figure className="code-block">
      <div className="code-bar">
        {caption !== undefined ? <figcaption className="code-caption">{caption}</figcaption> : <span />}
        <CopyButton text={code} name={name} className="button button-small" />
      </div>
      {/* Focusable so that a keyboard user can scroll a long line. */}
      <pre tabIndex={0} aria-label={name}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
