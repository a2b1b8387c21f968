/** Queue size and free disk space on the queue file system. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, eximGate, eximShow, sendmailGate } from '../mta-lines.ts';
import { postconfShow, postfixGate } from '../postfix-shell.ts';
import { comment, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  disk: lt('Free space and free inodes on the queue file system:', '队列所在文件系统的剩余空间和剩余 inode：'),
  count: lt('Messages in the queue (the last line is the total):', '队列中的邮件数（最后一行是总数）：'),
  shape: lt('Deferred mail by destination domain and age:', '延迟队列按目标域名和滞留时间的分布：'),
  pfLimits: lt('Free space Postfix requires before it accepts mail, and the largest message size:', 'Postfix 接收邮件前要求的剩余空间，以及邮件大小上限：'),
  log: lt('Storage errors in the log:', '日志中的存储相关错误：'),
  eximCount: lt('Messages in the queue, and a summary by domain:', '队列中的邮件数，以及按域名汇总：'),
  eximSpace: lt('Free space / inodes Exim requires before it accepts mail (check_spool_space, check_spool_inodes):', 'Exim 接收邮件前要求的剩余空间和 inode（check_spool_space、check_spool_inodes）：'),
  smCount: lt('Messages in the queue (the last line is the total):', '队列中的邮件数（最后一行是总数）：'),
  smMin: lt('Free blocks Sendmail requires before it accepts mail (MinFreeBlocks):', 'Sendmail 接收邮件前要求的剩余块数（MinFreeBlocks）：'),
  exPressure: lt(
    'Back pressure state of the transport service (resource, current level, thresholds):',
    '传输服务的背压（back pressure）状态（资源、当前级别和阈值）：',
  ),
  exQueues: lt('The largest queues and their last error:', '最大的几个队列及其最近错误：'),
  exEvents: lt('Back pressure events (15004 increased, 15005 decreased, 15006 disk, 15007 memory):', '背压事件（15004 升高、15005 降低、15006 磁盘不足、15007 内存不足）：'),
  exDisk: lt('Free space on the volumes:', '各卷的剩余空间：'),
};

const TITLE = lt('Check the queue and the disk it lives on', '检查邮件队列及其所在磁盘');

function postfix(ctx: SnippetContext): SnippetDraft {
  const { g } = postfixGate(ctx);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.disk),
    'df -h "$(postconf -h queue_directory)"',
    'df -i "$(postconf -h queue_directory)"',
    '',
    comment(s, ctx, C.count),
    'postqueue -p | tail -n 1',
    comment(s, ctx, C.shape),
    'qshape deferred | head -n 15',
    '',
    comment(s, ctx, C.pfLimits),
    postconfShow(g, 'queue_minfree', 'message_size_limit'),
    comment(s, ctx, C.log),
    `grep -E 'No space left|insufficient system storage|queue file write error' /var/log/mail.log | tail -n 20`,
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exim(ctx: SnippetContext): SnippetDraft {
  const g = eximGate(ctx);
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.eximCount),
    'exim -bpc',
    'exim -bp | exiqsumm | tail -n 15',
    '',
    comment(s, ctx, C.disk),
    'df -h /var/spool/exim4',
    'df -i /var/spool/exim4',
    comment(s, ctx, C.eximSpace),
    eximShow(g, 'spool_directory', 'check_spool_space', 'check_spool_inodes'),
    comment(s, ctx, C.log),
    `grep -E 'No space left|spool space|spool file' /var/log/exim4/mainlog | tail -n 20`,
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function sendmail(ctx: SnippetContext): SnippetDraft {
  const g = sendmailGate(ctx);
  g.has('confMIN_FREE_BLOCKS');
  const s = 'shell' as const;
  const code = lines(
    comment(s, ctx, C.smCount),
    'mailq | tail -n 1',
    '',
    comment(s, ctx, C.disk),
    'df -h /var/spool/mqueue',
    'df -i /var/spool/mqueue',
    comment(s, ctx, C.smMin),
    `grep -E '^O (MinFreeBlocks|QueueDirectory)' /etc/mail/sendmail.cf`,
    comment(s, ctx, C.log),
    `grep -E 'No space left|Insufficient disk space|insufficient disk space' /var/log/mail.log | tail -n 20`,
  );
  return { language: 'shell', title: TITLE, code, notes: g.notes };
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.exPressure),
    g.has('Get-ExchangeDiagnosticInfo -Component ResourceThrottling') ? 'Get-ExchangeDiagnosticInfo -Process EdgeTransport -Component ResourceThrottling' : null,
    '',
    comment(p, ctx, C.exQueues),
    'Get-Queue | Sort-Object MessageCount -Descending | Select-Object -First 10 Identity, Status, MessageCount, NextHopDomain, LastError',
    '',
    comment(p, ctx, C.exEvents),
    `Get-WinEvent -FilterHashtable @{ LogName = 'Application'; Id = 15004, 15005, 15006, 15007 } -MaxEvents 20 | Format-List TimeCreated, Id, Message`,
    comment(p, ctx, C.exDisk),
    'Get-Volume | Where-Object DriveLetter | Format-Table DriveLetter, FileSystemLabel, SizeRemaining, Size',
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const queueDiskCheck = defineByProduct('queue-disk-check', { postfix, exim, sendmail, exchange });
