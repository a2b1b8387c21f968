/**
 * Exchange Server cmdlet parameters the generators may write. Applicability ("Applicable:
 * Exchange Server 2010 ... 2016, 2019, SE") and defaults from MicrosoftDocs/office-docs-powershell,
 * `exchange/exchange-ps/ExchangePowerShell/<cmdlet>.md`. Every version offered (2016, 2019, SE)
 * has all of them.
 */
import type { ParamTable } from '../gate.ts';

const DOCS = 'office-docs-powershell, ExchangePowerShell';

export const EXCHANGE_PARAMS: ParamTable = {
  'Set-ReceiveConnector -MaxInboundConnection': { since: '2010', default: '5000', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-ReceiveConnector -MaxInboundConnectionPerSource': { since: '2010', default: '20', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-ReceiveConnector -MaxInboundConnectionPercentagePerSource': { since: '2010', default: '2', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-ReceiveConnector -ConnectionTimeout': { since: '2010', default: '00:10:00 (Mailbox), 00:05:00 (Edge)', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-ReceiveConnector -ConnectionInactivityTimeout': { since: '2010', default: '00:05:00 (Mailbox), 00:01:00 (Edge)', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-ReceiveConnector -MessageRateLimit': { since: '2010', default: 'unlimited (Mailbox), 600 (Edge)', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-ReceiveConnector -MessageRateSource': { since: '2010', source: `${DOCS}/Set-ReceiveConnector.md (None, IPAddress, User, All)` },
  'Set-ReceiveConnector -ProtocolLoggingLevel': { since: '2010', default: 'None', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-SendConnector -RequireTLS': { since: '2010', default: '$false', source: `${DOCS}/Set-SendConnector.md` },
  'Set-SendConnector -TlsAuthLevel': { since: '2010', source: `${DOCS}/Set-SendConnector.md` },
  'Set-SendConnector -SmtpMaxMessagesPerConnection': { since: '2010', source: `${DOCS}/Set-SendConnector.md (default not stated)` },
  'Set-TransportService -MaxPerDomainOutboundConnections': { since: '2013', default: '40', source: `${DOCS}/Set-TransportService.md` },
  'Get-ExchangeDiagnosticInfo -Component ResourceThrottling': { since: '2013', source: 'Exchange Server docs, "Understanding back pressure" (mail-flow/back-pressure.md)' },
  'Set-ReceiveConnector -MaxMessageSize': { since: '2010', default: '36 MB', source: `${DOCS}/Set-ReceiveConnector.md` },
  'Set-TransportConfig -MaxReceiveSize': { since: '2010', default: '10 MB (on-premises)', source: `${DOCS}/Set-TransportConfig.md` },
  'Set-TransportConfig -MaxSendSize': { since: '2010', default: '10 MB (on-premises)', source: `${DOCS}/Set-TransportConfig.md` },
  'New-ReceiveConnector -RemoteIPRanges': { since: '2010', source: `${DOCS}/New-ReceiveConnector.md; Exchange docs mail-flow/connectors/allow-anonymous-relay.md` },
  'Set-ReceiveConnector -PermissionGroups': { since: '2010', source: `${DOCS}/Set-ReceiveConnector.md; allow-anonymous-relay.md (AnonymousUsers)` },
  'Add-ADPermission -ExtendedRights': { since: '2010', source: 'allow-anonymous-relay.md (Ms-Exch-SMTP-Accept-Any-Recipient for NT AUTHORITY\\ANONYMOUS LOGON)' },
};
