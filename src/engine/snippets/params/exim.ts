/**
 * Exim options the generators may write. Every option below has an `.option` header line in
 * `doc/doc-docbook/spec.xfpt` at tag exim-4.92 (the oldest version offered) with the default shown;
 * defaults that changed later are given by version (ChangeLog / spec.xfpt at exim-4.97).
 */
import type { ParamTable } from '../gate.ts';

const SPEC = 'doc/doc-docbook/spec.xfpt @ exim-4.92';

export const EXIM_OPTIONS: ParamTable = {
  // main section
  hosts_treat_as_local: { default: 'unset', source: `${SPEC}, .option hosts_treat_as_local main "domain list&!!" unset` },
  received_headers_max: { default: '30', source: `${SPEC}, .option received_headers_max main integer 30` },
  delay_warning: { default: '24h', source: `${SPEC}, .option delay_warning main "time list" 24h` },
  tls_advertise_hosts: { default: '*', source: `${SPEC}, .option tls_advertise_hosts main "host list&!!" *` },
  tls_certificate: { default: 'unset', source: `${SPEC}, .option tls_certificate main string list&!! unset` },
  tls_privatekey: { default: 'unset', source: `${SPEC}, .option tls_privatekey main string list&!! unset` },
  smtp_accept_max: { default: '20', source: `${SPEC}, .option smtp_accept_max main integer 20` },
  smtp_accept_max_per_host: { default: 'unset', source: `${SPEC}, .option smtp_accept_max_per_host main string&!! unset` },
  smtp_accept_reserve: { default: '0', source: `${SPEC}, .option smtp_accept_reserve main integer 0` },
  smtp_reserve_hosts: { default: 'unset', source: `${SPEC}, .option smtp_reserve_hosts main "host list&!!" unset` },
  smtp_load_reserve: { default: 'unset', source: `${SPEC}, .option smtp_load_reserve main fixed-point unset` },
  queue_only_load: { default: 'unset', source: `${SPEC}, .option queue_only_load main fixed-point unset` },
  smtp_receive_timeout: { default: '5m', source: `${SPEC}, .option smtp_receive_timeout main time&!! 5m` },
  smtp_max_synprot_errors: { default: '3', source: `${SPEC}, .option smtp_max_synprot_errors main integer 3` },
  smtp_max_unknown_commands: { default: '3', source: `${SPEC}, .option smtp_max_unknown_commands main integer 3` },
  smtp_accept_queue: { default: '0', source: `${SPEC}, .option smtp_accept_queue main integer 0` },
  check_spool_space: { default: '10M', source: `${SPEC}, .option check_spool_space main integer 10M` },
  check_spool_inodes: { default: '100', source: `${SPEC}, .option check_spool_inodes main integer 100` },
  spool_directory: { default: 'set at compile time', source: `${SPEC}, .option spool_directory main string&!!` },
  acl_smtp_connect: { default: 'unset', source: `${SPEC}, .option acl_smtp_connect main string&!! unset` },
  acl_smtp_mail: { default: 'unset', source: `${SPEC}, .option acl_smtp_mail main string&!! unset` },
  remote_max_parallel: {
    default: [{ value: '2' }, { since: '4.97', value: '4' }],
    source: `${SPEC}, .option remote_max_parallel main integer 2; 4 in spec.xfpt @ exim-4.97 (ChangeLog "remote_max_parallel (main) 4 (was 2)")`,
  },
  // generic transport option
  max_parallel: { default: 'unset', source: `${SPEC}, .option max_parallel transports integer&!! unset` },
  // smtp transport
  connection_max_messages: { default: '500', source: `${SPEC}, .option connection_max_messages smtp integer 500` },
  serialize_hosts: { default: 'unset', source: `${SPEC}, .option serialize_hosts smtp "host list&!!" unset` },
  hosts_require_tls: { default: 'unset', source: `${SPEC}, .option hosts_require_tls smtp "host list&!!" unset` },
  tls_tempfail_tryclear: { default: 'true', source: `${SPEC}, .option tls_tempfail_tryclear smtp boolean true` },
  message_size_limit: { default: '50M', source: 'exim4 -bP message_size_limit of the Debian 4.96 binary (exim4-daemon-light_4.96-15+deb12u10) = 50M; spec.xfpt @ exim-4.96 .option message_size_limit main string&!! 50M (project domain notes)' },
  // ACL condition
  ratelimit: { source: `${SPEC}, section "Rate limiting incoming messages"; src/src/acl.c @ exim-4.92 acl_ratelimit()` },
  // named host list used by the default RCPT ACL (relay-access)
  'hostlist relay_from_hosts': { default: 'localhost (127.0.0.1, configure.default)', source: 'src/src/configure.default (hostlist relay_from_hosts = localhost; acl_check_rcpt accept hosts = +relay_from_hosts); Debian exim4-config 4.96 MAIN_RELAY_NETS / dc_relay_nets' },
  // authenticated smarthost (smarthost-auth): option names in the Debian 4.96 binary (strings) and exim4-config 4.96 templates
  route_list: { default: 'unset', source: `${SPEC}, manualroute router option route_list; Debian exim4-config 4.96 router/200_exim4-config_primary (route_list = * DCsmarthost byname)` },
  port: { default: 'smtp (25)', source: `${SPEC}, smtp transport option port` },
  hosts_require_auth: { default: 'unset', source: `${SPEC}, smtp transport option hosts_require_auth; name present in the Debian 4.96 binary` },
  helo_data: { default: '$primary_hostname', source: `${SPEC}, smtp transport option helo_data; name present in the Debian 4.96 binary; exim4-config 4.96 transport/30_exim4-config_remote_smtp_smarthost (helo_data=REMOTE_SMTP_HELO_DATA)` },
  public_name: { default: 'unset (the driver name in upper case)', source: `${SPEC}, generic authenticator option public_name; Debian exim4-config 4.96 auth/30_exim4-config_examples` },
  client_send: { default: 'unset', source: `${SPEC}, plaintext authenticator option client_send; Debian exim4-config 4.96 auth/30_exim4-config_examples` },
};
