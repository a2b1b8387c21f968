/**
 * Amazon SES "554 Message rejected" / "554 Access denied": is the sender identity verified in the
 * Region, is the account out of the sandbox and sending, and may the SMTP user call
 * ses:SendRawEmail. Account IDs, user names and domains stay placeholders; nothing is invented.
 */
import { defineGenerator, type SnippetDraft } from '../build.ts';
import { PRODUCT_IDS } from '../../products.ts';
import { CHOOSE, comment, fill, lines, lt, shq } from '../text.ts';
import type { SnippetContext } from '../types.ts';

const P = {
  account: '<account-id>',
  user: '<smtp-iam-user>',
  configSet: '<configuration-set>',
} as const;

const C = {
  region: lt(
    'Identities, sandbox status and suppression are per Region: use the Region of the endpoint you send through (email-smtp.<region>.amazonaws.com).',
    '身份、沙盒状态和抑制列表都按区域划分：请使用你发信所连端点的区域（email-smtp.<region>.amazonaws.com）。',
  ),
  identity: lt(
    'Is the domain verified for sending? (true and SUCCESS = yes). Check the exact address too if SES listed one.',
    '该域名是否已通过发信验证？（true 且 SUCCESS 表示是）。如果 SES 列出的是具体地址，也要查这个地址。',
  ),
  account: lt(
    'ProductionAccessEnabled false = sandbox (verified recipients only); SendingEnabled false = sending paused;\nEnforcementStatus other than HEALTHY = AWS is acting on the account.',
    'ProductionAccessEnabled 为 false 表示处于沙盒（只能发给已验证的收件人）；SendingEnabled 为 false 表示发送已暂停；\nEnforcementStatus 不是 HEALTHY 表示 AWS 正在对账户采取措施。',
  ),
  create: lt(
    'Verify the whole domain with Easy DKIM, then publish the three CNAME records printed below at your DNS host:',
    '用 Easy DKIM 验证整个域名，然后在 DNS 托管商处发布下面打印出的三条 CNAME 记录：',
  ),
  iam: lt(
    'May the IAM user that owns the SMTP credentials send? allowed = yes; implicitDeny / explicitDeny = "554 Access denied".',
    '拥有 SMTP 凭据的 IAM 用户能否发信？allowed 表示可以；implicitDeny / explicitDeny 对应 “554 Access denied”。',
  ),
  policy: lt(
    'A minimal sending policy for that user: the identity and, if your mail names one, the configuration set.',
    '为该用户准备的最小发信策略：包含发信身份；如果邮件指定了配置集，也要包含该配置集。',
  ),
};

const TITLE = lt('Check Amazon SES identity, account and sending permission', '检查 Amazon SES 的身份、账户状态与发信权限');

function cli(ctx: SnippetContext): SnippetDraft {
  const fl = fill(ctx.params);
  const s = 'shell' as const;
  const r = shq(fl.region);
  const d = shq(CHOOSE.domain);
  const identityArn = `arn:aws:ses:${fl.region}:${P.account}:identity/${CHOOSE.domain}`;
  const configArn = `arn:aws:ses:${fl.region}:${P.account}:configuration-set/${P.configSet}`;
  const code = lines(
    comment(s, ctx, C.region),
    comment(s, ctx, C.identity),
    `aws sesv2 get-email-identity --region ${r} --email-identity ${d} --query '[VerifiedForSendingStatus,DkimAttributes.Status]'`,
    '',
    comment(s, ctx, C.account),
    `aws sesv2 get-account --region ${r} --query '[ProductionAccessEnabled,SendingEnabled,EnforcementStatus]'`,
    '',
    comment(s, ctx, C.create),
    `aws sesv2 create-email-identity --region ${r} --email-identity ${d}`,
    `aws sesv2 get-email-identity --region ${r} --email-identity ${d} --query 'DkimAttributes.Tokens' --output text \\`,
    `  | tr '\\t' '\\n' | while read -r t; do echo "$t._domainkey.${CHOOSE.domain}. CNAME $t.dkim.amazonses.com."; done`,
    '',
    comment(s, ctx, C.iam),
    `aws iam simulate-principal-policy --policy-source-arn ${shq(`arn:aws:iam::${P.account}:user/${P.user}`)} \\`,
    `  --action-names ses:SendRawEmail --resource-arns ${shq(identityArn)} --query 'EvaluationResults[].EvalDecision'`,
    '',
    comment(s, ctx, C.policy),
    "cat > ses-smtp-send.json <<'EOF'",
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [{',
    '    "Effect": "Allow",',
    '    "Action": "ses:SendRawEmail",',
    `    "Resource": ["${identityArn}", "${configArn}"]`,
    '  }]',
    '}',
    'EOF',
    `aws iam put-user-policy --user-name ${shq(P.user)} --policy-name ses-smtp-send --policy-document file://ses-smtp-send.json`,
  );
  return { language: 'shell', title: TITLE, code };
}

export const sesIdentityCheck = defineGenerator('ses-identity-check', PRODUCT_IDS, (ctx) => [cli(ctx)]);
