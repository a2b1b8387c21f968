import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BoundaryProps {
  readonly fallback: (error: Error, reset: () => void) => ReactNode;
  readonly children: ReactNode;
  readonly onError?: (error: Error, info: ErrorInfo) => void;
}

export class ErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private readonly reset = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

function FeatureError({ error, reset }: { error: Error; reset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="feature-error" role="alert">
      <p>{t('error.feature-failed')}</p>
      <p className="muted">{t('error.feature-detail', { message: error.message })}</p>
      <button type="button" className="button" onClick={reset}>
        {t('actions.try-again')}
      </button>
    </div>
  );
}

/** Wraps one feature so that its failure leaves the rest of the page usable. */
export function FeatureBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error, reset) => <FeatureError error={error} reset={reset} />}>{children}</ErrorBoundary>;
}
