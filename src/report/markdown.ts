/**
 * Renders a diagnosis as Markdown, in one language. Pure: used by the wizard's "Export" button and by
 * the CLI. Pasted text appears only inside code fences, fenced longer than any backtick run it holds.
 */
import type { Diagnosis } from '../engine/diagnosis/diagnose.ts';
import type { LocalizedText } from '../engine/kb/schema.ts';
import type { Lang } from '../engine/snippets/types.ts';
import type { Finding } from '../engine/classifier/types.ts';
import { percent, reportLabel, type ReportKey } from './labels.ts';

function fence(code: string, info = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${code}\n${ticks}`;
}

/** Escapes Markdown control characters in a one-line text from the knowledge base. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export interface MarkdownOptions {
  /** A link that restores the diagnosis in the wizard. */
  readonly url?: string;
  /** The findings of the pasted text (already redacted), to quote the matched lines. */
  readonly findings?: readonly Finding[];
}

export function renderDiagnosisMarkdown(d: Diagnosis, lang: Lang, opts: MarkdownOptions = {}): string {
  const L = (key: ReportKey, params?: Record<string, string>) => reportLabel(lang, key, params);
  const tx = (t: LocalizedText) => t[lang];
  // Chinese takes a full-width colon after a label.
  const colon = lang === 'zh' ? '：' : ': ';
  const out: string[] = [];
  out.push(`# ${L('title')}${colon}${inline(tx(d.entry.title))}`, '', `_${L('generated')}_`, '');

  const quoted = (opts.findings ?? []).filter((f) => f.entry === d.entry.id).slice(0, 5);
  if (quoted.length > 0) out.push(`## ${L('error')}`, '', fence(quoted.map((f) => f.text).join('\n')), '');

  out.push(`## ${L('your-situation')}`, '');
  const roleKey: ReportKey | undefined = d.role ? `role-${d.role}` : undefined;
  out.push(`- ${L('role')}${colon}${roleKey ? L(roleKey) : L('unknown')}`);
  out.push(`- ${L('product')}${colon}${d.product ?? L('unknown')}${d.version ? ` ${inline(d.version)}` : ''}`);
  for (const stepTaken of d.resolution.path) {
    const option = stepTaken.node.options.find((o) => o.value === stepTaken.value);
    out.push(`- ${inline(tx(stepTaken.node.question))} ${option ? inline(tx(option.label)) : inline(stepTaken.value)}`);
  }
  out.push('');

  if (!d.cause) {
    out.push(`## ${L('root-cause')}`, '', L('undecided'), '');
    for (const c of d.candidates) out.push(`- ${inline(tx(c.title))}`);
    out.push('');
  } else {
    const c = d.cause;
    out.push(`## ${L('root-cause')}${colon}${inline(tx(c.title))}`, '', tx(c.explanation), '');
    out.push(`- ${L('reason')}${colon}\`${c.reason}\``);
    out.push(`- ${L('who-acts')}${colon}${c.actors.map((a) => L(`role-${a}`)).join(lang === 'zh' ? '、' : ', ')}`);
    if (c.owner) out.push(`- ${L('owner')}${colon}${L(`owner-${c.owner}`)}`);
    out.push('');
    if (c.contact) {
      out.push(`### ${L('contact')}`, '', tx(c.contact.who), '', `${L('contact-message')}${colon.trim()}`, '', fence(tx(c.contact.message), 'text'), '');
    }
    out.push(`### ${L('confirm')}`, '');
    for (const step of c.confirm) {
      out.push(`- ${tx(step.text)}`);
      if (step.command) out.push('', fence(step.command, 'sh'));
      if (step.expect) out.push('', `  ${L('expect')}${colon}${tx(step.expect)}`);
    }
    out.push('');

    out.push(`## ${L('workarounds')}`, '');
    d.workarounds.forEach(({ workaround: w, snippets }, i) => {
      const rate = L('success', { rate: percent(w.successRate.value), basis: L(`basis-${w.successRate.basis}`) });
      out.push(`### ${i + 1}. ${inline(tx(w.title))} (${rate})`, '', `_${tx(w.successRate.note)}_`, '');
      w.steps.forEach((s, j) => out.push(`${j + 1}. ${tx(s)}`));
      out.push('');
      if (snippets.length > 0) {
        out.push(`**${L('snippets')}**`, '');
        for (const s of snippets) out.push(`${tx(s.title)}`, '', fence(s.code, s.language === 'javascript' || s.language === 'python' || s.language === 'powershell' ? s.language : 'sh'), '');
      }
      out.push(`**${L('verify')}**`, '');
      for (const v of w.verify) {
        out.push(`- ${tx(v.text)}`);
        if (v.command) out.push('', fence(v.command, 'sh'));
        if (v.expect) out.push('', `  ${L('expect')}${colon}${tx(v.expect)}`);
      }
      out.push('');
    });

    if (d.deadEnds.length > 0) {
      out.push(`## ${L('dead-ends')}`, '');
      for (const de of d.deadEnds) {
        out.push(`### ${inline(tx(de.title))} (${L('fail', { rate: percent(de.failRate.value), basis: L(`basis-${de.failRate.basis}`) })})`, '');
        out.push(`- ${L('why')}${colon}${tx(de.why)}`, `- ${L('instead')}${colon}${tx(de.instead)}`, '');
      }
    }
  }

  const used = new Set<string>([
    ...(d.cause?.sources ?? []),
    ...d.workarounds.flatMap((w) => w.workaround.sources),
    ...d.deadEnds.flatMap((x) => x.sources),
  ]);
  const sources = d.entry.sources.filter((s) => used.has(s.id));
  if (sources.length > 0) {
    out.push(`## ${L('sources')}`, '');
    for (const s of sources) {
      const where = s.locator ? ` — ${inline(s.locator)}` : '';
      const link = s.url ? ` <${s.url}>` : '';
      out.push(`- ${inline(s.title)}${where}${link} (${L(`confirmation-${s.confirmation}`)})`);
    }
    out.push('');
  }
  if (opts.url) out.push(`[${L('share')}](${opts.url})`, '');
  return out.join('\n');
}
