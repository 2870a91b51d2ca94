import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { insertOutboxMail } from './repository.ts';

export type Mail = { to: string; subject: string; text: string };

export type Mailer = {
  readonly transport: 'smtp' | 'outbox';
  send(mail: Mail): Promise<void>;
};

const LINK = /https?:\/\/\S+/g;

/**
 * SMTP when SMTP_URL is set. Otherwise mail is kept in the outbox table and its links printed to the
 * log, the way Django's console e-mail backend serves development: nothing is lost and nobody needs
 * a mail server to sign up locally.
 */
export function createMailer(config: Config, db: Database, log: FastifyBaseLogger): Mailer {
  const { smtpUrl, from } = config.mail;
  if (smtpUrl) {
    const transporter = nodemailer.createTransport(smtpUrl);
    return {
      transport: 'smtp',
      async send(mail) {
        await transporter.sendMail({ from, ...mail });
      },
    };
  }
  return {
    transport: 'outbox',
    async send(mail) {
      await insertOutboxMail(db, mail);
      log.info(
        { mail: { to: mail.to, subject: mail.subject, links: mail.text.match(LINK) ?? [] } },
        'mail kept in the outbox',
      );
    },
  };
}
