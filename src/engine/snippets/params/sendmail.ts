/**
 * Sendmail m4 macros and features the generators may write. Names and defaults are those of
 * cf/README in Debian sendmail-doc 8.17.1.9 (`/usr/share/doc/sendmail-doc/cf.README.gz`) and the
 * feature files of sendmail-cf 8.17.1.9; the connection-control features date from 8.13.0,
 * older than the oldest version offered (8.15).
 */
import type { ParamTable } from '../gate.ts';

const README = 'cf/README (sendmail-doc 8.17.1.9)';

export const SENDMAIL_OPTIONS: ParamTable = {
  confMAX_DAEMON_CHILDREN: { default: 'undefined', source: `${README}, confMAX_DAEMON_CHILDREN MaxDaemonChildren` },
  confCONNECTION_RATE_THROTTLE: { default: 'undefined', source: `${README}, confCONNECTION_RATE_THROTTLE ConnectionRateThrottle` },
  confCONNECTION_RATE_WINDOW_SIZE: { default: '60s', source: `${README}, confCONNECTION_RATE_WINDOW_SIZE ConnectionRateWindowSize` },
  confREFUSE_LA: { default: '12 * CPUs', source: `${README}, confREFUSE_LA RefuseLA` },
  confQUEUE_LA: { default: '8 * CPUs', source: `${README}, confQUEUE_LA QueueLA` },
  confDELAY_LA: { default: '0', source: `${README}, confDELAY_LA DelayLA` },
  confTO_COMMAND: { default: '1h', source: `${README}, confTO_COMMAND Timeout.command` },
  confTO_HELO: { default: '5m', source: `${README}, confTO_HELO Timeout.helo` },
  confTO_MAIL: { default: '10m', source: `${README}, confTO_MAIL Timeout.mail` },
  confTO_RCPT: { default: '1h', source: `${README}, confTO_RCPT Timeout.rcpt` },
  confTO_DATAINIT: { default: '5m', source: `${README}, confTO_DATAINIT Timeout.datainit` },
  confTO_DATABLOCK: { default: '1h', source: `${README}, confTO_DATABLOCK Timeout.datablock` },
  confTO_DATAFINAL: { default: '1h', source: `${README}, confTO_DATAFINAL Timeout.datafinal` },
  confBAD_RCPT_THROTTLE: { default: 'infinite', source: `${README}, confBAD_RCPT_THROTTLE BadRcptThrottle` },
  confMAX_QUEUE_CHILDREN: { default: 'undefined', source: `${README}, confMAX_QUEUE_CHILDREN MaxQueueChildren` },
  confMAX_RUNNERS_PER_QUEUE: { default: '1', source: `${README}, confMAX_RUNNERS_PER_QUEUE MaxRunnersPerQueue` },
  confMCI_CACHE_SIZE: { default: '2', source: `${README}, confMCI_CACHE_SIZE ConnectionCacheSize` },
  confMCI_CACHE_TIMEOUT: { default: '5m', source: `${README}, confMCI_CACHE_TIMEOUT ConnectionCacheTimeout` },
  confMIN_FREE_BLOCKS: { default: '100', source: `${README}, confMIN_FREE_BLOCKS MinFreeBlocks` },
  'FEATURE(conncontrol)': { source: `${README}, conncontrol; cf/feature/conncontrol.m4 (needs access_db; nodelay needs delay_checks)` },
  'FEATURE(ratecontrol)': { source: `${README}, ratecontrol; cf/feature/ratecontrol.m4` },
  'FEATURE(queuegroup)': { source: `${README}, queuegroup (QGRP: access entries)` },
  QUEUE_GROUP: { source: `${README}, QUEUE GROUP DEFINITIONS; op.txt "Queue Group Declaration" (Path, Runners, Jobs, recipients, Interval)` },
  INPUT_MAIL_FILTER: { source: `${README}, "+ MAIL FILTER +"; op.txt 5.11 "X -- Mail Filter (Milter) Definitions" (F=T, T=C:;S:;R:;E:)` },
  confMAX_MESSAGE_SIZE: { default: 'infinite', source: `${README}, confMAX_MESSAGE_SIZE MaxMessageSize` },
  confTO_QUEUERETURN: { default: '5d', source: `${README}, confTO_QUEUERETURN Timeout.queuereturn` },
  confTO_QUEUEWARN: { default: '4h', source: `${README}, confTO_QUEUEWARN Timeout.queuewarn` },
  confSERVER_CERT: { default: 'undefined', source: `${README}, confSERVER_CERT ServerCertFile` },
  confSERVER_KEY: { default: 'undefined', source: `${README}, confSERVER_KEY ServerKeyFile` },
  confCACERT: { default: 'undefined', source: `${README}, confCACERT CACertFile` },
  confCACERT_PATH: { default: 'undefined', source: `${README}, confCACERT_PATH CACertPath` },
  // authenticated smarthost (smarthost-auth)
  SMART_HOST: { default: 'undefined', source: `${README}, SMART_HOST (define(\`SMART_HOST', \`smart.foo.com'))` },
  RELAY_MAILER_ARGS: { default: 'TCP $h', source: `${README}, RELAY_MAILER_ARGS [TCP $h]` },
  ESMTP_MAILER_ARGS: { default: 'TCP $h', source: `${README}, ESMTP_MAILER_ARGS [TCP $h]` },
  confAUTH_MECHANISMS: { default: 'EXTERNAL GSSAPI KERBEROS_V4 DIGEST-MD5 CRAM-MD5', source: `${README}, confAUTH_MECHANISMS AuthMechanisms` },
  confDOMAIN_NAME: { default: '$j (undefined)', source: `${README}, confDOMAIN_NAME $j macro` },
  'FEATURE(authinfo)': { source: `${README}, authinfo ("Provide a separate map for client side authentication"); cf/feature/authinfo.m4 of sendmail-cf 8.17.1.9` },
};
