/** Slow down outbound delivery to one destination that answers 421 / "too many connections". */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { exchangeGate, exchangeSet, eximDestinationTransport, eximGate, eximOpt, eximShow, sendmailGate, smDefine, SENDMAIL_REBUILD } from '../mta-lines.ts';
import { postconfE, postfixGate } from '../postfix-shell.ts';
import { CHOOSE, comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  seen: lt('The destination allows {limit} connections, per the log.', '根据日志，对方允许的连接数为 {limit}。'),
  pfTransport: lt(
    '1. A delivery transport "slow": a copy of the smtp/unix line of master.cf under a new name.',
    '1. 新建投递通道 "slow"：把 master.cf 中 smtp/unix 这一行复制一份并改名。',
  ),
  pfTransportOld: lt(
    '1. A delivery transport "slow": add the master.cf line shown in the next snippet, then continue here.',
    '1. 新建投递通道 "slow"：先把下一个片段中的那一行加入 master.cf，再继续执行这里的命令。',
  ),
  pfLimits: lt(
    '2. Limits for "slow" only (example values): parallel connections per destination (default 20),\npause between deliveries (default 0s; with a pause, deliveries go one at a time), recipients per delivery (default 50).',
    '2. 只对 "slow" 生效的限制（示例值）：每个目标的并行连接数（默认 20），\n两次投递之间的间隔（默认 0s；设了间隔后同一时间只投递一封），每次投递的收件人数（默认 50）。',
  ),
  pfRoute: lt(
    '3. Send mail for the destination through "slow". If transport_maps already names a table, add the line to that table instead.',
    '3. 让发往该目标的邮件走 "slow" 通道。如果 transport_maps 已指定了别的表，把这一行加到那个表里。',
  ),
  pfCheck: lt('4. Apply and check which transport the destination now uses:', '4. 使配置生效，并检查该目标现在使用的通道：'),
  pfMaster: lt('Add to /etc/postfix/master.cf (a copy of the "smtp unix" line under the name "slow"):', '加入 /etc/postfix/master.cf（把 "smtp unix" 这一行复制一份，改名为 "slow"）：'),
  exRouters: lt(
    '=== routers === In the routers section, before your dnslookup router: mail for the destination uses the slow transport.',
    '=== routers === 放在路由器段中、dnslookup 路由器之前：发往该目标的邮件使用慢速传输。',
  ),
  exParallel: lt(
    'At most this many deliveries through this transport at the same time, across all Exim processes (generic option, default unset).',
    '所有 Exim 进程合计，同时经该传输投递的最大数量（通用选项，默认未设置）。',
  ),
  exPerConn: lt('Messages sent over one connection before it is closed (default 500).', '一个连接上发送多少封邮件后关闭连接（默认 500）。'),
  exSerialize: lt('Or: one connection at a time to these hosts:', '或者：对这些主机同一时间只建一个连接：'),
  exMain: lt(
    '=== main === Deliveries in parallel per message (remote_max_parallel, default {rmp} in this version); leave it unless one message has many recipient domains.',
    '=== main === 每封邮件的并行投递数（remote_max_parallel，该版本默认 {rmp}）；除非单封邮件有很多收件域，一般不用改。',
  ),
  exCheck: lt('Check the configuration and test the routing (Debian: update-exim4.conf first, command exim4):', '检查配置语法并测试路由（Debian：先运行 update-exim4.conf，命令名为 exim4）：'),
  smIntro: lt(
    'Sendmail has no per-destination connection limit. What it offers: a queue group with a single runner for the\ndestination (selected with QGRP: in the access map), fewer queue runners overall, and a smaller connection cache.',
    'Sendmail 没有按目标限制连接数的选项。可用的办法：为该目标建一个只有一个队列进程的队列组\n（在 access 映射中用 QGRP: 选择），减少队列进程总数，以及缩小连接缓存。',
  ),
  smQg: lt('A queue group "slow" processed by one runner (the directory must exist).', '队列组 "slow"，由一个队列进程处理（目录必须存在）。'),
  smChildren: lt('Concurrent queue runners in total (default: no limit):', '队列进程总数上限（默认不限制）：'),
  smCache: lt('Open outbound connections kept in the cache (default 2):', '连接缓存中保留的出站连接数（默认 2）：'),
  smAccess: lt('Route the destination into the queue group, rebuild, restart:', '把该目标分配到队列组，重新生成并重启：'),
  xShow: lt('Current per-domain outbound connection limit of each transport server, and the Send connectors:', '各传输服务器当前的单域出站连接上限，以及发送连接器：'),
  xPerDomain: lt(
    'Connections to one destination domain at the same time, per transport server (default 40).',
    '每台传输服务器同时连接同一目标域的数量（默认 40）。',
  ),
  xConnector: lt(
    'A Send connector only for the destination, with fewer messages per connection\n(add -SourceTransportServers if the new connector needs specific servers):',
    '为该目标单独建一个发送连接器，并减少每个连接发送的邮件数\n（如需指定源服务器，加上 -SourceTransportServers）：',
  ),
};

const TITLE = lt('Throttle delivery to one destination', '限制向单个目标的投递速度');

function postfix(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const { g, f } = postfixGate(ctx);
  const s = 'shell' as const;
  const modern = f.has('postconf -M service/type');
  const concurrency = fl.given.limit ? fl.limit : '2';
  const code = lines(
    fl.given.limit ? comment(s, ctx, C.seen, { limit: fl.limit }) : null,
    comment(s, ctx, modern ? C.pfTransport : C.pfTransportOld),
    modern ? `postconf -M slow/unix="$(postconf -M smtp/unix | awk '{ $1 = "slow"; print }')"` : null,
    '',
    comment(s, ctx, C.pfLimits),
    postconfE(g, 'transport_destination_concurrency_limit', concurrency, 'slow_destination_concurrency_limit'),
    postconfE(g, 'transport_destination_rate_delay', '1s', 'slow_destination_rate_delay'),
    postconfE(g, 'transport_destination_recipient_limit', '20', 'slow_destination_recipient_limit'),
    '',
    comment(s, ctx, C.pfRoute),
    `printf '%s\\t%s\\n' ${shq(fl.destination)} 'slow:' >> /etc/postfix/transport`,
    'postmap /etc/postfix/transport',
    'postconf transport_maps',
    postconfE(g, 'transport_maps', 'hash:/etc/postfix/transport'),
    '',
    comment(s, ctx, C.pfCheck),
    'postfix reload',
    `postmap -q ${shq(fl.destination)} hash:/etc/postfix/transport`,
  );
  const out: SnippetDraft[] = [{ language: 'shell', title: TITLE, code, notes: [...g.notes, ...f.notes] }];
  if (!modern) {
    out.push({
      language: 'postfix-master',
      title: lt('master.cf line for the "slow" transport', '"slow" 通道的 master.cf 条目'),
      code: lines(comment('postfix-master', ctx, C.pfMaster), 'slow      unix  -       -       n       -       -       smtp'),
      part: 'master',
    });
  }
  return out;
}

function exim(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = eximGate(ctx);
  const e = 'exim' as const;
  const parallel = fl.given.limit ? fl.limit : '2';
  const conf = lines(
    comment(e, ctx, C.exMain, { rmp: g.defaultOf('remote_max_parallel') ?? '' }),
    g.has('remote_max_parallel') ? `# remote_max_parallel = ${g.defaultOf('remote_max_parallel') ?? ''}` : null,
    '',
    eximDestinationTransport(ctx, 'slow', fl.destination, C.exRouters, [
      fl.given.limit ? comment(e, ctx, C.seen, { limit: fl.limit }, '  ') : null,
      comment(e, ctx, C.exParallel, {}, '  '),
      eximOpt(g, 'max_parallel', parallel, '  '),
      comment(e, ctx, C.exPerConn, {}, '  '),
      eximOpt(g, 'connection_max_messages', '<messages-per-connection>', '  '),
      comment(e, ctx, C.exSerialize, {}, '  '),
      g.has('serialize_hosts') ? '  # serialize_hosts = *' : null,
    ]),
  );
  const s = 'shell' as const;
  const check = lines(
    comment(s, ctx, C.exCheck),
    'exim -bV',
    `exim -bt ${shq(`postmaster@${fl.destination}`)}`,
    eximShow(g, 'remote_max_parallel'),
  );
  return [
    { language: 'exim', title: TITLE, code: conf, notes: g.notes },
    { language: 'shell', title: lt('Check the Exim change', '检查 Exim 配置'), code: check, part: 'check' },
  ];
}

function sendmail(ctx: SnippetContext): SnippetDraft[] {
  const fl = fill(ctx.params);
  const g = sendmailGate(ctx);
  const m = 'sendmail-mc' as const;
  const mc = lines(
    comment(m, ctx, C.smIntro),
    comment(m, ctx, C.smQg),
    g.has('QUEUE_GROUP') ? "QUEUE_GROUP(`slow', `P=/var/spool/mqueue/slow, R=1')dnl" : null,
    g.has('FEATURE(queuegroup)') ? "FEATURE(`queuegroup')dnl" : null,
    comment(m, ctx, C.smChildren),
    smDefine(g, 'confMAX_QUEUE_CHILDREN', '<queue-runners>'),
    comment(m, ctx, C.smCache),
    smDefine(g, 'confMCI_CACHE_SIZE', '<cached-connections>'),
  );
  const s = 'shell' as const;
  const sh = lines(
    comment(s, ctx, C.smAccess),
    'mkdir -p /var/spool/mqueue/slow',
    `printf 'QGRP:%s\\t%s\\n' ${shq(fl.destination)} 'slow' >> /etc/mail/access`,
    'makemap hash /etc/mail/access < /etc/mail/access',
    SENDMAIL_REBUILD,
  );
  return [
    { language: 'sendmail-mc', title: TITLE, code: mc, notes: g.notes },
    { language: 'shell', title: lt('Access-map entry and rebuild', 'access 映射条目与重新生成'), code: sh, part: 'access' },
  ];
}

function exchange(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const g = exchangeGate(ctx);
  const p = 'powershell' as const;
  const code = lines(
    comment(p, ctx, C.xShow),
    'Get-TransportService | Format-Table Name, MaxPerDomainOutboundConnections, MaxOutboundConnections',
    'Get-SendConnector | Format-Table Identity, AddressSpaces, SmtpMaxMessagesPerConnection',
    '',
    comment(p, ctx, C.xPerDomain),
    exchangeSet(g, 'Set-TransportService', '<server>', { MaxPerDomainOutboundConnections: fl.given.limit ? fl.limit : CHOOSE.newLimit }),
    '',
    comment(p, ctx, C.xConnector),
    `New-SendConnector -Internet -Name 'To ${fl.destination}' -AddressSpaces '${fl.destination}'`,
    exchangeSet(g, 'Set-SendConnector', `To ${fl.destination}`, { SmtpMaxMessagesPerConnection: '<messages-per-connection>' }),
  );
  return { language: 'powershell', title: TITLE, code, notes: g.notes };
}

export const senderDestinationThrottle = defineByProduct('sender-destination-throttle', { postfix, exim, sendmail, exchange });
