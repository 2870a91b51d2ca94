// A tiny SMTP server for the two-server suite: each Arete server sends its mail to a sink of its own,
// so the sink that received a mail tells which server ran the job that sent it. It accepts plain
// SMTP (no TLS, no auth), records what it accepted, can answer slowly, and can hold a mail at its
// recipient (no answer until released) so that a test can kill the server in the middle of a job.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

export type AcceptedMail = { to: string[]; data: string; at: number };
export type HeldMail = { to: string; at: number };

export type SmtpSink = {
  url: string;
  /** Mails answered `250` after their data: delivered, as far as the sender knows. */
  accepted: AcceptedMail[];
  /** Recipients announced while holding, in order (answered only on release, if ever). */
  held: HeldMail[];
  /** While on, a recipient is not answered until `release()`; off by default. */
  hold(on: boolean): void;
  /** Answers the held recipients (their mails then go on) and stops holding. */
  release(): void;
  /** Each accepted mail is answered this much later (a slow mail server). */
  setDelay(ms: number): void;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const accepted: AcceptedMail[] = [];
  const held: HeldMail[] = [];
  const waiting: (() => void)[] = [];
  const sockets = new Set<Socket>();
  let holding = false;
  let delayMs = 0;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setEncoding('utf8');
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    let buffer = '';
    let inData = false;
    let data = '';
    let recipients: string[] = [];
    // One command at a time, as a client without pipelining sends them.
    let busy = Promise.resolve();

    const command = async (line: string) => {
      if (inData) {
        if (line === '.') {
          inData = false;
          const mail = { to: recipients, data, at: Date.now() };
          recipients = [];
          data = '';
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (socket.destroyed) return;
          accepted.push(mail);
          reply('250 2.0.0 accepted');
        } else {
          data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
        }
        return;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.arete.test');
      else if (verb === 'MAIL') {
        recipients = [];
        reply('250 2.1.0 ok');
      } else if (verb === 'RCPT') {
        const to = (line.match(/<([^>]*)>/)?.[1] ?? '').toLowerCase();
        if (holding) {
          held.push({ to, at: Date.now() });
          await new Promise<void>((resolve) => waiting.push(resolve));
          if (socket.destroyed) return;
        }
        recipients.push(to);
        reply('250 2.1.5 ok');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 go ahead');
      } else if (verb === 'QUIT') {
        reply('221 2.0.0 bye');
        socket.end();
      } else reply('250 ok');
    };

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        busy = busy.then(() => command(line));
        end = buffer.indexOf('\r\n');
      }
    });
    reply('220 sink.arete.test ESMTP');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP sink has no port');

  const releaseAll = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    accepted,
    held,
    hold(on) {
      holding = on;
    },
    release() {
      holding = false;
      releaseAll();
    },
    setDelay(ms) {
      delayMs = ms;
    },
    async close() {
      releaseAll();
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
