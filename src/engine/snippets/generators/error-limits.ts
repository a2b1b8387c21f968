/** Limits on client errors before the server slows down or disconnects. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { eximCheck, eximGate, eximOpt, sendmailGate, sendmailRebuild, smDefine } from '../mta-lines.ts';
import { postconfE, postfixCurrent, postfixGate, postfixReload, stressValue } from '../postfix-shell.ts';
import { comment, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  log: lt('Sessions that ended with "too many errors":', '因 "too many errors" 而结束的会话：'),
  hard: lt(
    'Errors before Postfix disconnects: default {hard} (20 normally, 1 under overload).\nA fixed value keeps 20 even under overload:',
    '断开连接前允许的错误数：默认 {hard}（平时 20，过载时 1）。\n设为固定值后，过载时也保持 20：',
  ),
  junk: lt(
    'NOOP/VRFY/ETRN/RSET commands before they count as errors: default {junk}; fixed value:',
    '在计为错误之前允许的 NOOP/VRFY/ETRN/RSET 命令数：默认 {junk}；固定值：',
  ),
  soft: lt(
    'After smtpd_soft_error_limit errors (default 10) Postfix sleeps smtpd_error_sleep_time (default 1s) per error.',
    '错误数达到 smtpd_soft_error_limit（默认 10）后，每出现一个错误 Postfix 暂停 smtpd_error_sleep_time（默认 1s）。',
  ),
  back: lt('To return to the adaptive defaults later:', '以后要恢复为自适应的默认值：'),
  eximMain: lt('=== main === Main configuration section.', '=== main === 主配置段。'),
  eximSyn: lt('Syntax or protocol errors before Exim drops the session (default 3; 0 = no limit).', 'Exim 断开会话前允许的语法或协议错误数（默认 3；0 表示不限制）。'),
  eximUnknown: lt('Unknown commands before Exim drops the session (default 3; 0 = no limit).', 'Exim 断开会话前允许的未知命令数（默认 3；0 表示不限制）。'),
  eximLog: lt('Sessions Exim dropped for errors:', '因错误被 Exim 断开的会话：'),
  smBad: lt(
    'After this many rejected RCPTs in one transaction, sleep one second per further RCPT (default: no limit).',
    '同一事务中被拒绝的 RCPT 达到该数量后，之后每个 RCPT 前暂停一秒（默认不限制）。',
  ),
};

const TITLE = lt('SMTP error limits', 'SMTP 错误次数限制');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const adaptive = f.has('stress-dependent defaults', { silent: true });
  const hard = stressValue(f, '1', '20');
  const junk = stressValue(f, '1', '100');
  const code = lines(
    comment(s, ctx, C.log),
    `grep 'too many errors' /var/log/mail.log | tail -n 20`,
    '',
    postfixCurrent(ctx, g, 'smtpd_hard_error_limit', 'smtpd_soft_error_limit', 'smtpd_error_sleep_time', 'smtpd_junk_command_limit'),
    '',
    comment(s, ctx, C.hard, { hard }),
    postconfE(g, 'smtpd_hard_error_limit', '20'),
    comment(s, ctx, C.junk, { junk }),
    postconfE(g, 'smtpd_junk_command_limit', '100'),
    comment(s, ctx, C.soft),
    adaptive ? comment(s, ctx, C.back) : null,
    adaptive ? `# postconf -e ${shq(`smtpd_hard_error_limit=${hard}`)} ${shq(`smtpd_junk_command_limit=${junk}`)}` : null,
    '',
    postfixReload(ctx),
  );
  return { language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] };
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const conf = lines(
    comment(e, ctx, C.eximMain),
    comment(e, ctx, C.eximSyn),
    eximOpt(g, 'smtp_max_synprot_errors', '<errors>'),
    comment(e, ctx, C.eximUnknown),
    eximOpt(g, 'smtp_max_unknown_commands', '<commands>'),
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.eximLog),
    `grep -E 'dropped: too many (syntax or protocol errors|unrecognized commands)' /var/log/exim4/mainlog | tail -n 20`,
    eximCheck(ctx, g, 'smtp_max_synprot_errors', 'smtp_max_unknown_commands'),
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Find dropped sessions and check the Exim change', '查找被断开的会话并检查 Exim 配置'), code: sh, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(comment(m, ctx, C.smBad), smDefine(g, 'confBAD_RCPT_THROTTLE', '<rejected-rcpts>'));
  const sh = lines(sendmailRebuild(ctx));
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Rebuild sendmail.cf', '重新生成 sendmail.cf'), code: sh, part: 'check' },
  ];
}

export const errorLimits = defineByProduct('error-limits', { postfix, exim, sendmail });
