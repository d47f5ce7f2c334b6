// Where a webhook may be sent: a public address, unless the deployment names its own receivers'
// networks. A receiver URL could otherwise make the server call itself (loopback), its neighbours
// (10.x, 192.168.x), or a cloud's metadata service (169.254.169.254 link-local; 100.100.100.200, the
// Alibaba Cloud one, in the shared 100.64.0.0/10 range) — server-side request forgery (OWASP
// SSRF). Checked when a receiver is configured, and again at every delivery on the addresses the
// connection itself resolves (not an earlier lookup a DNS answer could change meanwhile).
// KEDU_WEBHOOK_ALLOW: comma-separated CIDR ranges that are allowed all the same (an intranet
// receiver such as 10.20.0.0/16 of a government network).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

const allowedRanges = (env = process.env.KEDU_WEBHOOK_ALLOW ?? ''): Range[] =>
  env
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((cidr) => {
      try {
        return ipaddr.parseCIDR(cidr);
      } catch {
        throw new Error(`KEDU_WEBHOOK_ALLOW: not a CIDR range: ${cidr} (e.g. 10.20.0.0/16)`);
      }
    });

/** Why an address may not receive webhooks, or null. Only globally routed unicast addresses may. */
export function addressProblem(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return `不是有效的IP地址：${address}`;
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  for (const [net, bits] of allowedRanges()) if (ip.kind() === net.kind() && ip.match(net, bits)) return null;
  const range = ip.range();
  return range === 'unicast' ? null : `回调地址指向受限网段（${address}，${range}）：不能向本机、内网、链路本地或云元数据地址发送`;
}

/** Why a receiver URL may not be used (its scheme, or any address its host resolves to), or null. */
export async function webhookTargetProblem(url: string): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `回调地址无效：${url}`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `回调地址须为 http(s) 地址：${url}`;
  if (u.username || u.password) return '回调地址不能包含用户名或密码';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return addressProblem(host);
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise((resolve, reject) => dnsLookup(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list))));
  } catch (e) {
    return `回调地址的主机名无法解析：${host}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`;
  }
  for (const a of addresses) {
    const p = addressProblem(a.address);
    if (p) return p;
  }
  return null;
}

/**
 * A DNS lookup for http.request that refuses to connect to a restricted address: the check on the
 * very addresses the connection uses.
 */
export const guardedLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, list) => {
    if (err) return callback(err, '', 0);
    const blocked = list.map((a) => addressProblem(a.address)).find((p) => p !== null);
    if (blocked) return callback(Object.assign(new Error(blocked), { code: 'EKEDUBLOCKED' }), '', 0);
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
};
