/**
 * Postfix parameters and command features the generators may write, with the first version that
 * has each one. Since-versions are the "This feature is available in Postfix X and later"
 * sentences of postconf(5) (`proto/postconf.proto`, vdukhovni/postfix mirror at
 * postfix-3.12-20260821) and of postconf(1) (`src/postconf/postconf.c`); defaults are
 * `postconf -d` of the Debian bookworm binary 3.7.11 unless a range is given. Absent `since` =
 * older than 2.2 (no "available in" sentence). `scripts/verify-snippets.sh` re-checks the table
 * against the real 3.7 binary.
 */
import type { ParamTable } from '../gate.ts';

const PROTO = 'postconf.proto @ postfix-3.12-20260821';

export const POSTFIX_PARAMS: ParamTable = {
  // anvil(8) client limits
  smtpd_client_connection_count_limit: { since: '2.2', default: '50', source: `${PROTO}, smtpd_client_connection_count_limit` },
  smtpd_client_connection_rate_limit: { since: '2.2', default: '0', source: `${PROTO}, smtpd_client_connection_rate_limit` },
  smtpd_client_message_rate_limit: { since: '2.2', default: '0', source: `${PROTO}, smtpd_client_message_rate_limit` },
  smtpd_client_recipient_rate_limit: { since: '2.2', default: '0', source: `${PROTO}, smtpd_client_recipient_rate_limit; postconf -d of the 3.7.11 binary` },
  smtpd_client_auth_rate_limit: { since: '3.1', default: '0', source: `${PROTO}, smtpd_client_auth_rate_limit ("available in Postfix 3.1 and later"); postconf -d of the 3.7.11 binary` },
  smtpd_client_new_tls_session_rate_limit: { since: '2.3', default: '0', source: `${PROTO}, smtpd_client_new_tls_session_rate_limit` },
  smtpd_client_event_limit_exceptions: {
    since: '2.2',
    // 3.7.11 prints ${smtpd_client_connection_limit_exceptions:$mynetworks}: the pre-2.2 name still wins when set.
    default: '$mynetworks',
    source: `${PROTO}, smtpd_client_event_limit_exceptions ("Renamed [from smtpd_client_connection_limit_exceptions] in Postfix 2.2")`,
  },
  smtpd_client_ipv4_prefix_length: { since: '3.8', default: '32', source: `${PROTO}, smtpd_client_ipv4_prefix_length; unknown to the 3.7.11 binary` },
  smtpd_client_ipv6_prefix_length: { since: '3.8', default: '84', source: `${PROTO}, smtpd_client_ipv6_prefix_length; unknown to the 3.7.11 binary` },
  anvil_rate_time_unit: { since: '2.2', default: '60s', source: `${PROTO}, anvil_rate_time_unit` },
  // TLS session cache
  smtpd_tls_session_cache_database: { since: '2.2', default: '', source: `${PROTO}, smtpd_tls_session_cache_database` },
  smtpd_tls_session_cache_timeout: { since: '2.2', default: '3600s', source: `${PROTO}, smtpd_tls_session_cache_timeout` },
  // processes
  default_process_limit: { default: '100', source: `${PROTO}, default_process_limit` },
  // server time limits
  smtpd_timeout: {
    default: [
      { value: '300s' },
      { since: '2.6', value: '${stress?10}${stress:300}s' },
      { since: '3.0', value: '${stress?{10}:{300}}s' },
    ],
    source: `${PROTO}, smtpd_timeout ("With Postfix 2.5 and earlier ... always uses a time limit of 300s")`,
  },
  smtpd_per_record_deadline: { since: '2.9', until: '3.7', renamedTo: 'smtpd_per_request_deadline', default: 'no', source: `${PROTO}, smtpd_per_request_deadline ("called smtpd_per_record_deadline, is available with Postfix 2.9-3.6")` },
  smtpd_per_request_deadline: { since: '3.7', default: 'no', source: `${PROTO}, smtpd_per_request_deadline` },
  smtpd_min_data_rate: { since: '3.7', default: '500', source: `${PROTO}, smtpd_min_data_rate` },
  // error limits
  smtpd_hard_error_limit: {
    default: [{ value: '20' }, { since: '2.6', value: '${stress?1}${stress:20}' }, { since: '3.0', value: '${stress?{1}:{20}}' }],
    source: `${PROTO}, smtpd_hard_error_limit`,
  },
  smtpd_soft_error_limit: { default: '10', source: `${PROTO}, smtpd_soft_error_limit` },
  smtpd_error_sleep_time: { default: '1s', source: `${PROTO}, smtpd_error_sleep_time` },
  smtpd_junk_command_limit: {
    default: [{ value: '100' }, { since: '2.6', value: '${stress?1}${stress:100}' }, { since: '3.0', value: '${stress?{1}:{100}}' }],
    source: `${PROTO}, smtpd_junk_command_limit`,
  },
  // postscreen
  postscreen_client_connection_count_limit: { since: '2.8', default: '$smtpd_client_connection_count_limit', source: `${PROTO}, postscreen_client_connection_count_limit` },
  postscreen_pre_queue_limit: { since: '2.8', default: '$default_process_limit', source: `${PROTO}, postscreen_pre_queue_limit` },
  postscreen_post_queue_limit: { since: '2.8', default: '$default_process_limit', source: `${PROTO}, postscreen_post_queue_limit` },
  postscreen_access_list: { since: '2.8', default: 'permit_mynetworks', source: `${PROTO}, postscreen_access_list` },
  postscreen_denylist_action: { since: '3.6', default: 'ignore', source: `${PROTO}, postscreen_denylist_action` },
  postscreen_blacklist_action: { since: '2.8', until: '3.6', renamedTo: 'postscreen_denylist_action', default: 'ignore', source: `${PROTO}, postscreen_blacklist_action ("Renamed to postscreen_denylist_action in Postfix 3.6")` },
  // milters
  smtpd_milters: { since: '2.3', default: '', source: `${PROTO}, smtpd_milters` },
  non_smtpd_milters: { since: '2.3', default: '', source: `${PROTO}, non_smtpd_milters` },
  milter_default_action: { since: '2.3', default: [{ value: 'tempfail' }, { since: '3.11', value: 'shutdown' }], source: `${PROTO}, milter_default_action ("Postfix >= 3.11: shutdown; Postfix < 3.11: tempfail")` },
  milter_connect_timeout: { since: '2.3', default: '30s', source: `${PROTO}, milter_connect_timeout` },
  milter_command_timeout: { since: '2.3', default: '30s', source: `${PROTO}, milter_command_timeout` },
  milter_content_timeout: { since: '2.3', default: '300s', source: `${PROTO}, milter_content_timeout` },
  // queue
  queue_minfree: { default: '0', source: `${PROTO}, queue_minfree` },
  message_size_limit: { default: '10240000', source: `${PROTO}, message_size_limit` },
  mailbox_size_limit: { default: '51200000', source: `${PROTO}, mailbox_size_limit ("must not be smaller than the message size limit"); src/local/local.c msg_fatal @ v3.8.20` },
  virtual_mailbox_limit: { default: '51200000', source: `${PROTO}, virtual_mailbox_limit; src/virtual/virtual.c msg_fatal @ v3.8.20` },
  queue_directory: { default: '/var/spool/postfix', source: `${PROTO}, queue_directory (Debian value)` },
  // outbound delivery
  // queue lifetime and retry pacing (queue-lifetime); defaults from postconf -d of 3.7.11
  default_destination_concurrency_failed_cohort_limit: { since: '2.5', default: '1', source: `${PROTO}, default_destination_concurrency_failed_cohort_limit ("available in Postfix 2.5 and later"); postconf -d of 3.7.11` },
  maximal_queue_lifetime: { default: '5d', source: `${PROTO}, maximal_queue_lifetime; postconf -d of 3.7.11` },
  bounce_queue_lifetime: { since: '2.1', default: '5d', source: `${PROTO}, bounce_queue_lifetime ("available in Postfix 2.1 and later"); postconf -d of 3.7.11` },
  delay_warning_time: { default: '0h', source: `${PROTO}, delay_warning_time; postconf -d of 3.7.11` },
  minimal_backoff_time: { default: [{ value: '1000s' }, { since: '2.4', value: '300s' }], source: `${PROTO}, minimal_backoff_time ("prior to Postfix 2.4 the default value was 1000s")` },
  maximal_backoff_time: { default: '4000s', source: `${PROTO}, maximal_backoff_time; postconf -d of 3.7.11` },
  queue_run_delay: { default: [{ value: '1000s' }, { since: '2.4', value: '300s' }], source: `${PROTO}, queue_run_delay ("prior to Postfix 2.4 the default value was 1000s")` },
  transport_maps: { default: '', source: `${PROTO}, transport_maps` },
  transport_destination_concurrency_limit: { default: '$default_destination_concurrency_limit', source: `${PROTO}, transport_destination_concurrency_limit` },
  transport_destination_rate_delay: { since: '2.5', default: '$default_destination_rate_delay', source: `${PROTO}, transport_destination_rate_delay` },
  transport_destination_recipient_limit: { default: '$default_destination_recipient_limit', source: `${PROTO}, transport_destination_recipient_limit` },
  default_destination_concurrency_limit: { default: '20', source: `${PROTO}, default_destination_concurrency_limit` },
  default_destination_rate_delay: { since: '2.5', default: '0s', source: `${PROTO}, default_destination_rate_delay` },
  default_destination_recipient_limit: { default: '50', source: `${PROTO}, default_destination_recipient_limit` },
  smtp_connection_reuse_count_limit: { since: '2.11', default: '0', source: `${PROTO}, smtp_connection_reuse_count_limit ("available in Postfix 2.11")` },
  smtp_connection_reuse_time_limit: { since: '2.3', default: '300s', source: `${PROTO}, smtp_connection_reuse_time_limit` },
  smtp_tls_security_level: { since: '2.3', default: [{ value: '' }, { since: '3.11', value: 'may' }], source: `${PROTO}, smtp_tls_security_level` },
  smtp_tls_policy_maps: { since: '2.3', default: '', source: `${PROTO}, smtp_tls_policy_maps` },
  smtp_tls_CAfile: { since: '2.2', default: '', source: `${PROTO}, smtp_tls_CAfile ("available in Postfix 2.2 and later"; loaded before the smtp(8) chroot)` },
  smtp_tls_CApath: { since: '2.2', default: '', source: `${PROTO}, smtp_tls_CApath ("available in Postfix 2.2 and later"; must exist inside the chroot)` },
  tls_append_default_CA: { since: '2.8', default: 'no', source: `${PROTO}, tls_append_default_CA ("available in Postfix 2.4.15, 2.5.11, 2.6.8, 2.7.2 and later"; 2.8 is the first feature release that always has it)` },
  // relay control and SMTP AUTH (relay-access)
  mynetworks: { default: 'from mynetworks_style (host since 3.0, subnet before)', source: `${PROTO}, mynetworks / mynetworks_style; postconf.5 of 3.7.11 ("Postfix >= 3.0: host, Postfix < 3.0: subnet")` },
  smtpd_relay_restrictions: { since: '2.10', default: 'permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination', source: `${PROTO}, smtpd_relay_restrictions (2.10; default with compatibility_level >= 1, postconf -d of 3.7.11)` },
  smtpd_sasl_auth_enable: { default: 'no', source: `${PROTO}, smtpd_sasl_auth_enable; postconf -d of 3.7.11` },
  smtpd_sasl_type: { default: 'cyrus', source: `${PROTO}, smtpd_sasl_type` },
  smtpd_sasl_path: { default: 'smtpd', source: `${PROTO}, smtpd_sasl_path` },
  smtpd_tls_security_level: { since: '2.3', default: '', source: `${PROTO}, smtpd_tls_security_level; DEF_SMTPD_TLS_LEVEL "" in src/global/mail_params.h @ v3.11.0` },
  smtpd_tls_chain_files: { since: '3.4', default: '', source: `${PROTO}, smtpd_tls_chain_files ("available in Postfix 3.4 and later", also checked @ v3.4.0)` },
  smtpd_tls_cert_file: { since: '2.2', default: '', source: `${PROTO}, smtpd_tls_cert_file` },
  smtpd_tls_key_file: { since: '2.2', default: '$smtpd_tls_cert_file', source: `${PROTO}, smtpd_tls_key_file` },
  smtpd_tls_auth_only: { since: '2.2', default: 'no', source: `${PROTO}, smtpd_tls_auth_only; postconf -d of 3.7.11` },
  // recipient tables (recipient-maps-check); defaults from postconf -d of 3.7.11
  proxy_interfaces: { since: '2.0', default: '', source: `${PROTO}, proxy_interfaces ("available in Postfix 2.0 and later"); postconf -d of 3.7.11` },
  inet_interfaces: { default: 'all', source: `${PROTO}, inet_interfaces; postconf -d of 3.7.11` },
  hopcount_limit: { default: '50', source: `${PROTO}, hopcount_limit; DEF_HOPCOUNT_LIMIT in src/global/mail_params.h @ v3.8.20; postconf -d of 3.7.11` },
  best_mx_transport: { default: '', source: `${PROTO}, best_mx_transport; postconf -d of 3.7.11` },
  mydestination: { default: '$myhostname, localhost.$mydomain, localhost', source: `${PROTO}, mydestination` },
  local_recipient_maps: { default: 'proxy:unix:passwd.byname $alias_maps', source: `${PROTO}, local_recipient_maps; LOCAL_RECIPIENT_README ("As of Postfix version 2.0 … rejects mail for unknown recipients")` },
  virtual_mailbox_domains: { default: '$virtual_mailbox_maps', source: `${PROTO}, virtual_mailbox_domains` },
  virtual_mailbox_maps: { default: '', source: `${PROTO}, virtual_mailbox_maps` },
  virtual_alias_domains: { default: '$virtual_alias_maps', source: `${PROTO}, virtual_alias_domains` },
  virtual_alias_maps: { since: '2.0', default: '$virtual_maps', source: `${PROTO}, virtual_alias_maps ("available in Postfix 2.0 and later")` },
  relay_domains: { default: '${{$compatibility_level} <level {2} ? {$mydestination} : {}}', source: `${PROTO}, relay_domains (empty default with compatibility_level >= 2)` },
  relay_recipient_maps: { since: '2.0', default: '', source: `${PROTO}, relay_recipient_maps ("available in Postfix 2.0 and later")` },
  unknown_local_recipient_reject_code: { since: '2.0', default: '550', source: `${PROTO}, unknown_local_recipient_reject_code ("available in Postfix 2.0 and later")` },
  // DNS blocklists (reject_rbl_client, postscreen DNSBL test)
  smtpd_recipient_restrictions: { default: '', source: `${PROTO}, smtpd_recipient_restrictions (empty in postconf -d of 3.7.11)` },
  maps_rbl_reject_code: { default: '554', source: `${PROTO}, maps_rbl_reject_code` },
  postscreen_dnsbl_sites: { since: '2.8', default: '', source: `${PROTO}, postscreen_dnsbl_sites` },
  postscreen_dnsbl_threshold: { since: '2.8', default: '1', source: `${PROTO}, postscreen_dnsbl_threshold` },
  postscreen_dnsbl_action: { since: '2.8', default: 'ignore', source: `${PROTO}, postscreen_dnsbl_action` },
  // SMTP client through an authenticated relay (smarthost-auth); defaults from postconf -d of 3.7.11
  relayhost: { default: '', source: `${PROTO}, relayhost; postconf -d of 3.7.11` },
  smtp_sasl_auth_enable: { default: 'no', source: `${PROTO}, smtp_sasl_auth_enable; postconf -d of 3.7.11` },
  smtp_sasl_password_maps: { default: '', source: `${PROTO}, smtp_sasl_password_maps; postconf -d of 3.7.11` },
  smtp_sasl_security_options: { default: 'noplaintext, noanonymous', source: `${PROTO}, smtp_sasl_security_options; postconf -d of 3.7.11` },
  smtp_sasl_tls_security_options: { since: '2.2', default: '$smtp_sasl_security_options', source: `postconf.5 of 3.7.11, smtp_sasl_tls_security_options ("available in Postfix 2.2 and later"); postconf -d of 3.7.11` },
  smtp_helo_name: { since: '2.0', default: '$myhostname', source: `postconf.5 of 3.7.11, smtp_helo_name ("available in Postfix 2.0 and later"); postconf -d of 3.7.11` },
  smtp_address_preference: { since: '2.8', default: 'any', source: `postconf.5 of 3.7.11, smtp_address_preference ("available in Postfix 2.8 and later"); postconf -d of 3.7.11` },
  // sender ownership (sender-login-maps); since 2.1 per postconf(5), empty defaults in postconf -d of 3.7.11
  smtpd_sender_login_maps: { default: '', source: `${PROTO}, smtpd_sender_login_maps; reject_sender_login_mismatch ("As of Postfix 2.1"); postconf -d of 3.7.11` },
  smtpd_sender_restrictions: { default: '', source: `${PROTO}, smtpd_sender_restrictions (empty in postconf -d of 3.7.11)` },
  // access restriction lists (access-rule-check); empty in postconf -d of 3.7.11
  smtpd_client_restrictions: { default: '', source: `${PROTO}, smtpd_client_restrictions (empty in postconf -d of 3.7.11)` },
  smtpd_helo_restrictions: { default: '', source: `${PROTO}, smtpd_helo_restrictions (empty in postconf -d of 3.7.11)` },
};

/** Command-line and syntax features (not main.cf parameters). */
export const POSTFIX_FEATURES: ParamTable = {
  'postqueue -j': { since: '3.1', source: 'src/postqueue/postqueue.c @ v3.8.20, -j ("This feature is available in Postfix 3.1 and later")' },
  'postconf -F': { since: '2.11', source: 'src/postconf/postconf.c, -F ("available with Postfix 2.11 and later"); RELEASE_NOTES-2.11' },
  'postconf -M service/type': { since: '2.11', source: 'src/postconf/postconf.c, -M ("syntax was changed from name.type to name/type ... with Postfix 2.11"); RELEASE_NOTES-2.11' },
  'postconf -P': { since: '2.11', source: 'RELEASE_NOTES-2.11, "Managing master.cf service -o parameter=value settings"' },
  '${name?{value1}:{value2}}': { since: '3.0', source: `${PROTO}, "${'$'}{name?{value1}:{value2}} (Postfix >= 3.0)"` },
  'milter_default_action=quarantine': { since: '2.6', source: `${PROTO}, milter_default_action ("quarantine ... Available with Postfix 2.6 and later")` },
  'milter_default_action=shutdown': { since: '3.11', source: `${PROTO}, milter_default_action ("shutdown ... Available in Postfix 3.11 and later")` },
  'stress-dependent defaults': { since: '2.6', source: `${PROTO}, smtpd_timeout ("With Postfix 2.5 and earlier ... always ... 300s")` },
  postscreen: { since: '2.8', source: `${PROTO}, postscreen_* ("available in Postfix 2.8")` },
  'rbl reply filter ranges': { since: '2.8', source: `${PROTO}, reject_rbl_client rbl_domain=d.d.d.d ("number..number ranges (Postfix version 2.8 and later)")` },
  reject_known_sender_login_mismatch: { since: '2.11', source: `${PROTO}, reject_known_sender_login_mismatch ("This feature is available in Postfix version 2.11 and later")` },
};
