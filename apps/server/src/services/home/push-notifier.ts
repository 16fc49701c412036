// Web Push to visitors' phones with the `web-push` library: VAPID keys are generated at first
// start and kept in the data folder; a ticket's subscribers are told when few people are left
// ahead ("N ahead", once), when it is called, and (remote tickets) when passed over or expired.
import fs from 'node:fs';
import type { Agent } from 'node:https';
import path from 'node:path';
import webpush from 'web-push';
import type { Logger } from 'pino';
import type { HallEvent, PushSubscriptionBody } from '@hallq/shared';
import type { Tx } from '../../storage/tx';
import type { PushRepo, StoredPushSubscription } from '../../storage/push-repo';
import type { StoredTicket } from '../../storage/ticket-repo';
import type { Clock } from '../clock';
import type { Core } from '../core';
import { AppError } from '../errors';
import { liveEstimate } from '../estimates';
import { statusUrl } from '../ticket-view';
import { pushPayload, type PushKind } from './push-messages';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The hall server's VAPID key pair, generated on first start into the data folder. */
export function vapidKeysInDataDir(dataDir: string): VapidKeys {
  const file = path.join(dataDir, 'vapid.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const keys = webpush.generateVAPIDKeys();
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
  }
  const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as VapidKeys;
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

export interface PushOptions {
  keys: VapidKeys;
  /** VAPID contact (mailto: or https:), told to push services. */
  subject: string;
  /** How often waiting subscribers are checked for "N ahead" (ms). */
  checkMs?: number;
  /** TLS agent for push services (tests trust their local endpoint's certificate with it). */
  agent?: Agent;
}

export const DEFAULT_AHEAD_THRESHOLD = 3;

const EVENT_KIND: Partial<Record<HallEvent['type'], PushKind>> = {
  'ticket.called': 'called',
  'ticket.recalled': 'called',
  'ticket.passed_over': 'passed_over',
  'ticket.expired': 'expired',
};

export class PushNotifier {
  private readonly repo: PushRepo;
  private readonly timer: NodeJS.Timeout;
  private checking = false;
  /** Sends in flight, so tests and shutdown can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly core: Core,
    private readonly logger: Logger,
    private readonly options: PushOptions,
    private readonly clock: Clock = core.clock,
  ) {
    this.repo = core.repos.push;
    this.timer = setInterval(() => this.checkAhead(), options.checkMs ?? 5000);
    this.timer.unref();
  }

  get publicKey(): string {
    return this.options.keys.publicKey;
  }

  /** Called inside a command: the phone of a waiting ticket subscribes. */
  subscribe(t: StoredTicket, body: PushSubscriptionBody): void {
    if (t.status !== 'waiting' && t.status !== 'called') throw new AppError('invalid_transition', `a ${t.status} ticket is not followed any more`, { status: t.status });
    const ok = this.repo.put({
      ticketId: t.id,
      endpoint: body.endpoint,
      p256dh: body.keys.p256dh,
      auth: body.keys.auth,
      aheadThreshold: body.aheadThreshold ?? DEFAULT_AHEAD_THRESHOLD,
      createdAt: this.clock(),
    });
    if (!ok) throw new AppError('conflict', 'this ticket is followed by too many browsers already');
  }

  /** After each commit: calls, passed-over and expired remote tickets are pushed at once. */
  onCommit(committed: Tx[]): void {
    for (const tx of committed) {
      for (const ev of tx.events) {
        const kind = EVENT_KIND[ev.type];
        if (!kind || !('ticketId' in ev)) continue;
        const subs = this.repo.committedOfTicket(ev.ticketId);
        if (subs.length === 0) continue;
        const t = this.core.repos.tickets.get(ev.ticketId);
        if (!t) continue;
        for (const s of subs) {
          if (kind === 'called' && s.notifiedCalled && ev.type === 'ticket.called') continue;
          this.send(s, t, kind, { window: 'windowNumber' in ev ? ev.windowNumber : null }, () => {
            if (kind === 'called') this.repo.markCalled(s.ticketId, s.endpoint);
            if (kind === 'expired') this.repo.removeOfTicket(s.ticketId);
          });
        }
      }
    }
  }

  /** "N ahead": once per subscription, when the live estimate reaches its threshold. */
  checkAhead(): void {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const s of this.repo.awaitingAhead()) {
        const t = this.core.repos.tickets.get(s.ticketId);
        const m = t ? this.core.mirror.get(t.hallId) : undefined;
        if (!t || !m) continue;
        const ahead = liveEstimate(m, t).peopleAhead;
        if (ahead === null || ahead > s.aheadThreshold) continue;
        this.repo.markAhead(s.ticketId, s.endpoint);
        this.send(s, t, 'ahead', { n: ahead });
      }
    } finally {
      this.checking = false;
    }
  }

  private send(s: StoredPushSubscription, t: StoredTicket, kind: PushKind, v: { n?: number; window?: number | null }, after?: () => void): void {
    const hallName = this.core.mirror.get(t.hallId)?.hall.name ?? { zh: '', en: '' };
    const payload = pushPayload(kind, t.lang, {
      number: t.number,
      ...v,
      url: statusUrl(this.core.publicUrl, t.publicId),
      hallName: t.lang === 'en' ? hallName.en : hallName.zh,
    });
    const p = webpush
      .sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(payload), {
        vapidDetails: { subject: this.options.subject, publicKey: this.options.keys.publicKey, privateKey: this.options.keys.privateKey },
        TTL: 15 * 60,
        urgency: kind === 'called' ? 'high' : 'normal',
        ...(this.options.agent ? { agent: this.options.agent } : {}),
      })
      .then(() => after?.())
      .catch((err: { statusCode?: number }) => {
        // The browser dropped the subscription: forget it. Anything else: log and go on.
        if (err.statusCode === 404 || err.statusCode === 410) this.repo.remove(s.ticketId, s.endpoint);
        else this.logger.warn({ err, kind }, 'push notification failed');
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Resolves once every push sent so far has been answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
