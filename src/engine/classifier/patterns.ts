/**
 * Every regular expression the classifier itself uses, in one place so that the linear-time test
 * (`linear-time.test.ts`) checks each of them with recheck. Anything not here is a hand-written
 * scanner. Rules: anchor on literals, no nested quantifiers over overlapping classes, `^` where the
 * shape allows it (recheck checks unanchored patterns in search mode, as `exec` runs them).
 */

/** A DSN / RFC 5322 header whose indented next lines are its continuation (`Diagnostic-Code: …`). */
export const FOLDABLE_HEADER_RE = /^(?:[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*|Received|Subject|Action|Status):/i;

/** The recipient line of a Postfix bounce, whose indented next lines continue it. */
export const POSTFIX_BOUNCE_RECIPIENT_RE = /^<[^>\s]*>(?: \(expanded from <[^>\s]*>\))?: /;

/**
 * Host names and markers that name a receiving provider, standing alone: not preceded by a word
 * char, `@` or `-` (`user@gmail.com` is an address, not the emitter), not followed by a word char or
 * `-` (`yahoo.company.example`). `yahooinc` is Yahoo's postmaster domain (`postmaster.yahooinc.com`).
 * Global: every marker on a line is weighed.
 */
export const EMITTER_MARKER_RE =
  /(?<![\w@-])(?:gsmtp|google(?:mail)?\.com|yahoodns\.net|yahoo\.com|aol\.com|yahooinc|outlook\.com|office365|amazonses\.com|email-smtp\.[a-z0-9-]{1,40}\.amazonaws\.com)(?![\w-])/gi;

/** The MTA named in a server greeting or banner line. */
export const GREETING_MTA_RE = /ESMTP (?<mta>Postfix|Exim|Sendmail)\b|(?<exchange>Microsoft ESMTP MAIL Service)/;

/** Exceptions and messages that only one client library prints. */
export const CLIENT_LIBRARY_RE = new RegExp(
  [
    "(?<nodemailer>Invalid greeting\\. response=|Mail command failed: |Data command failed: |Recipient command failed: |Server terminates connection\\. response=|Can't send mail - all recipients were rejected|Greeting never received|\\bresponseCode: \\d|\\bcode: '(?:EENVELOPE|EPROTOCOL|ECONNECTION|EMESSAGE|EAUTH|ESOCKET|ETIMEDOUT|ETLS)'|node_modules\\/nodemailer|\\bnodemailer\\b)",
    '(?<python>\\bsmtplib\\b|\\bSMTP(?:SenderRefused|ServerDisconnected|RecipientsRefused|DataError|ConnectError|HeloError|AuthenticationError|NotSupportedError|ResponseException)\\b)',
    '(?<phpmailer>PHPMailer|SMTP Error: |SMTP ERROR: |SMTP connect\\(\\) failed|SERVER -> CLIENT: |CLIENT -> SERVER: |The following From address failed: )',
    '(?<jakarta>\\b(?:jakarta|javax)\\.mail\\.|com\\.sun\\.mail\\.|org\\.eclipse\\.angus\\.mail|\\bSMTP(?:SendFailed|AddressFailed|SenderFailed)Exception\\b|\\bMailConnectException\\b|Got bad greeting from SMTP host)',
  ].join('|'),
);

/** An Exim main-log line: timestamp, optional pid, optional message id and its delivery flag. */
export const EXIM_MAINLOG_RE =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})?(?: [+-]\d{4})?(?: \[\d+\])? (?:(?<msgid>[\dA-Za-z]{6}-[\dA-Za-z]{6,11}-[\dA-Za-z]{2,4}) (?<flag><=|=>|->|\*>|==|\*\*|Completed)?)?/;

/** Exim lines written by the receiving side (its daemon and smtp_in). */
export const EXIM_SERVER_RE =
  /Connection from \[[^\]\s]*\](?::\d+)? refused|temporarily refused connection from|SMTP command timeout on connection from|SMTP data timeout \(message abandoned\) on connection from|SMTP connection from|rejected (?:MAIL|RCPT|EHLO|HELO|connection|after DATA)|closed after SIGTERM|SMTP protocol synchronization error|unexpected disconnection while reading SMTP command/;

/** Exim lines written by the sending side (the smtp transport). */
export const EXIM_SENDER_RE = /SMTP error from remote mail server|retry time not reached for any host|all hosts for '[^']*' have been failing|T=[\w-]+ defer \(/;

/** Microsoft Exchange log and event markers; `dir` tells receive from send protocol logs. */
export const EXCHANGE_MARKER_RE = /#Software: Microsoft Exchange Server|MSExchange(?:Transport|FrontEndTransport)\b|SMTP (?<dir>Receive|Send) Protocol Log/;

/** A row of an Exchange SMTP protocol log (CSV: date-time, connector, session id, sequence, …). */
export const EXCHANGE_PROTOCOL_ROW_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z,[^,\n]*,[0-9A-F]{16},\d+,/;

/** `AUTH <mechanism> [initial-response]` in a client line. */
export const AUTH_COMMAND_RE = /\bAUTH[ \t]+(?<mech>[A-Za-z0-9_-]+)(?:[ \t]+(?<resp>\S+))?/i;

/** A line that is only base64 (an AUTH answer). */
export const BASE64_LINE_RE = /^[A-Za-z0-9+/]+={0,2}$/;

/** `pass=…`, `password: '…'`, `"pwd": "…"`: the key, its quote and separator, and the value. Global. */
export const PASSWORD_KV_RE = /\b(?<key>pass(?:word|wd)?|pwd)(?<q>["']?)(?<sep>[ \t]*[=:][ \t]*)(?<val>"[^"]*"|'[^']*'|[^\s"',;&]+)/gi;

/** Everything above, for the linear-time test. */
export const CLASSIFIER_PATTERNS: Readonly<Record<string, RegExp>> = {
  FOLDABLE_HEADER_RE,
  POSTFIX_BOUNCE_RECIPIENT_RE,
  EMITTER_MARKER_RE,
  GREETING_MTA_RE,
  CLIENT_LIBRARY_RE,
  EXIM_MAINLOG_RE,
  EXIM_SERVER_RE,
  EXIM_SENDER_RE,
  EXCHANGE_MARKER_RE,
  EXCHANGE_PROTOCOL_ROW_RE,
  AUTH_COMMAND_RE,
  BASE64_LINE_RE,
  PASSWORD_KV_RE,
};
