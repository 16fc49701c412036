// Text messages to visitors who left a phone number with a booking. The product ships no SMS
// gateway: `SmsSender` is the seam a hall plugs its provider into (a gateway's HTTP API, a
// carrier's SMPP bridge), and `LogSmsSender`, the default, only writes what would be sent to the
// server log, with the number masked (138****1234). See the server README, "Visitors from home".
import type { Logger } from 'pino';
import { maskPhone } from '@hallq/shared';

export interface SmsMessage {
  /** The visitor's phone number as they gave it. */
  to: string;
  text: string;
  /** What the message is about, for the provider's templates and the log. */
  kind: 'booking_confirmed' | 'booking_cancelled';
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** Sends nothing: logs each message with the number masked. */
export class LogSmsSender implements SmsSender {
  readonly sent: Array<Omit<SmsMessage, 'to'> & { to: string }> = [];
  constructor(private readonly logger: Logger) {}
  async send(message: SmsMessage): Promise<void> {
    const entry = { ...message, to: maskPhone(message.to) };
    this.sent.push(entry);
    this.logger.info({ sms: entry }, 'SMS (log-only provider: not sent)');
  }
}

/** A contact that is a mobile number (digits, optional +86 / spaces / dashes). */
export const isPhone = (contact: string): boolean => /^\+?[\d\s-]{7,20}$/.test(contact) && contact.replace(/\D/g, '').length >= 7;

export function bookingSms(kind: SmsMessage['kind'], code: string, slot: string, hallName: string): string {
  return kind === 'booking_confirmed'
    ? `【${hallName}】预约成功，预约码 ${code}，时段 ${slot}。请在时段开始前30分钟内到取号机签到。`
    : `【${hallName}】您的预约（预约码 ${code}）已取消。`;
}
