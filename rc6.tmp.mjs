import { check, checkSync } from 'recheck';
const pats = ['\\b421[ -](?<host>[A-Za-z0-9][A-Za-z0-9.-]*) lost input connection', 'warning: Connection concurrency limit exceeded: (?<n>\\d+) from (?<host>[^\\[\\s]+)\\[(?<ip>[0-9A-Fa-f.:]+)\\] for service (?<service>[\\w-]+)', '\\b421[ -]4\\.7\\.0 Try again later, closing connection', 'Too many concurrent SMTP connections from this IP address; please try again later', '\\[TSS04\\] Messages from (?<ip>[0-9A-Fa-f.:]+) temporarily deferred due to unexpected volume or user complaints', 'unusual rate of unsolicited mail originating from your IP address'];
let t = Date.now();
for (const p of pats) checkSync(p, '', { randomSeed: 1 });
console.log('sync', Date.now() - t);
t = Date.now();
const rs = await Promise.all(pats.map((p) => check(p, '', { randomSeed: 1 })));
console.log('async parallel', Date.now() - t, rs.map(r=>r.status));
console.log(process.env.RECHECK_BACKEND);
