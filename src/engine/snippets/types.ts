import type { LocalizedText } from '../kb/schema.ts';
import type { ProductId } from '../products.ts';

export type Lang = 'en' | 'zh';

/** Values from the user's own situation that fill a snippet. All optional; generators use placeholders when absent. */
export interface SnippetParams {
  /** The emitting server's host name (e.g. mx1.example.com). */
  readonly hostname?: string;
  /** The client IP address the limit was applied to. */
  readonly ip?: string;
  /** The limit as currently configured or as seen in the log. */
  readonly limit?: string;
  /** The remote destination (domain or MX host) a sending MTA delivers to. */
  readonly destination?: string;
  /** The SMTP server an application connects to. */
  readonly smtpHost?: string;
  /** An AWS Region for Amazon SES. */
  readonly region?: string;
}

export interface SnippetContext {
  readonly product: ProductId;
  /** The product version the user runs; undefined = unknown (generators then keep to the oldest safe syntax). */
  readonly version: string | undefined;
  readonly params: SnippetParams;
  readonly lang: Lang;
}

export type SnippetLanguage =
  | 'shell' | 'postfix-main' | 'postfix-master' | 'exim' | 'sendmail-mc' | 'powershell'
  | 'javascript' | 'python' | 'php' | 'java' | 'dns' | 'text';

export interface Snippet {
  /** Generator id + product, stable: e.g. `connection-count-limit/postfix`. */
  readonly id: string;
  readonly product: ProductId;
  readonly language: SnippetLanguage;
  readonly title: LocalizedText;
  readonly code: string;
  /** Why the snippet looks the way it does for this version (e.g. "smtpd_client_ipv4_prefix_length needs Postfix 3.8"). */
  readonly notes: readonly LocalizedText[];
}

export interface SnippetGenerator {
  readonly id: string;
  /** Products it can write for. */
  readonly products: readonly ProductId[];
  /** Returns the snippets for the context, or an empty list when the product is not one of `products`. */
  generate(ctx: SnippetContext): Snippet[];
}
