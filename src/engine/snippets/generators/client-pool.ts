/** A small, bounded pool of SMTP connections so the application does not open one per message. */
import { defineByProduct, type SnippetDraft } from '../build.ts';
import { comment, fill, lines, lt } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const C = {
  seen: lt('The server allows {limit} connections from you, per the log; stay below it.', '根据日志，服务器允许你建立 {limit} 个连接；请保持在此数量以下。'),
  nmPool: lt(
    'pool: true keeps connections open and reuses them. maxConnections (default 5) caps parallel connections,\nmaxMessages (default 100) recycles a connection after that many messages,\nrateLimit messages per rateDelta ms (default 1000) cap the speed of the whole pool (0/unset = no cap).',
    'pool: true 会保持并复用连接。maxConnections（默认 5）限制并行连接数，\nmaxMessages（默认 100）表示每个连接发送这么多封后重建，\nrateLimit 表示整个连接池每 rateDelta 毫秒（默认 1000）最多发送多少封（0 或不设置即不限速）。',
  ),
  nmClose: lt('Close the pool when the application shuts down.', '应用退出时关闭连接池。'),
  pySize: lt('At most this many connections at the same time; keep it below the server\'s per-client limit.', '同时最多这么多个连接；请低于服务器对单个客户端的限制。'),
  pyReuse: lt('Reuse an idle connection if a NOOP still gets 250; otherwise open a new one.', '如果空闲连接对 NOOP 仍回复 250，就复用它；否则新建连接。'),
  pyClose421: lt(
    'After a 421 (or a dropped connection) the connection is dead: close it instead of returning it to the pool.',
    '收到 421（或连接被断开）后该连接已失效：关闭它，不要放回连接池。',
  ),
};

const TITLE = lt('Reuse a few SMTP connections (connection pool)', '复用少量 SMTP 连接（连接池）');

function nodemailer(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const j = 'javascript' as const;
  const max = fl.given.limit ? String(Math.max(1, Number(fl.limit) - 1)) : '2';
  const code = lines(
    "import nodemailer from 'nodemailer';",
    '',
    fl.given.limit ? comment(j, ctx, C.seen, { limit: fl.limit }) : null,
    comment(j, ctx, C.nmPool),
    'export const transporter = nodemailer.createTransport({',
    `  host: '${fl.smtpHost}',`,
    '  port: 587,',
    '  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },',
    '  pool: true,',
    `  maxConnections: ${max},`,
    '  maxMessages: 100,',
    '  rateDelta: 1000,',
    '  rateLimit: 5,',
    '});',
    '',
    comment(j, ctx, C.nmClose),
    "process.once('SIGTERM', () => transporter.close());",
  );
  return { language: 'javascript', title: TITLE, code };
}

function python(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const p = 'python' as const;
  const size = fl.given.limit ? String(Math.max(1, Number(fl.limit) - 1)) : '2';
  const code = lines(
    'import os',
    'import queue',
    'import smtplib',
    'import ssl',
    'import threading',
    'from contextlib import contextmanager',
    '',
    `SMTP_HOST = "${fl.smtpHost}"`,
    'SMTP_PORT = 587',
    fl.given.limit ? comment(p, ctx, C.seen, { limit: fl.limit }) : null,
    comment(p, ctx, C.pySize),
    `POOL_SIZE = ${size}`,
    '',
    '_idle = queue.LifoQueue()',
    '_slots = threading.BoundedSemaphore(POOL_SIZE)',
    '_context = ssl.create_default_context()',
    '',
    '',
    'def _connect():',
    '    smtp = smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=60)',
    '    smtp.starttls(context=_context)',
    '    smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASS"])',
    '    return smtp',
    '',
    '',
    'def _alive(smtp):',
    '    try:',
    '        return smtp.noop()[0] == 250',
    '    except (smtplib.SMTPException, OSError):',
    '        return False',
    '',
    '',
    '@contextmanager',
    'def connection():',
    '    _slots.acquire()',
    '    smtp = None',
    '    try:',
    comment(p, ctx, C.pyReuse, {}, '        '),
    '        while smtp is None:',
    '            try:',
    '                candidate = _idle.get_nowait()',
    '            except queue.Empty:',
    '                smtp = _connect()',
    '                break',
    '            if _alive(candidate):',
    '                smtp = candidate',
    '            else:',
    '                candidate.close()',
    '        yield smtp',
    '        _idle.put(smtp)',
    '    except (smtplib.SMTPException, OSError):',
    comment(p, ctx, C.pyClose421, {}, '        '),
    '        if smtp is not None:',
    '            smtp.close()',
    '        raise',
    '    finally:',
    '        _slots.release()',
    '',
    '',
    'def send(msg):',
    '    with connection() as smtp:',
    '        return smtp.send_message(msg)',
  );
  return { language: 'python', title: TITLE, code };
}

export const clientPool = defineByProduct('client-pool', { nodemailer, 'python-smtplib': python });
