import type { NotificationTemplate } from '../case/types';

/**
 * Staff notifications the 企业微信 group robot also posts to the property's work group. One post per
 * notification, whoever the in-app recipients are (a `case.new` that reaches three desk clerks is
 * one post).
 */
export const ROBOT_TEMPLATES: ReadonlySet<NotificationTemplate> = new Set<NotificationTemplate>([
  'case.new',
  'case.urged',
  'case.warned',
  'case.breached',
  'case.escalated',
  'case.followUp',
  'repair.emergency',
  'repair.reopened',
  'complaint.urgent',
  'complaint.major',
  'binding.pending',
]);

/** The robot's own limits: 20 posts a minute per robot; markdown content ≤ 4096 bytes (UTF-8). */
export const ROBOT_PER_MINUTE = 20;
export const ROBOT_MARKDOWN_BYTES = 4096;

const utf8 = new TextEncoder();
const bytes = (s: string) => utf8.encode(s).length;
/** Markdown control characters in our texts would change the layout; they are shown as full-width. */
const plain = (s: string) => s.replace(/[*#>`\[\]<]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/\s*\n\s*/g, ' ');

function fitBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = '';
  let size = bytes('…');
  for (const ch of s) {
    const b = bytes(ch);
    if (size + b > max) break;
    out += ch;
    size += b;
  }
  return `${out}…`;
}

/** One notification as a robot post. */
export function robotMarkdown(text: { title: string; body: string }): string {
  return fitBytes(`**${plain(text.title)}**\n${plain(text.body)}`, ROBOT_MARKDOWN_BYTES);
}

/**
 * Several notifications merged into one post, when more than the robot's per-minute allowance wait:
 * one line each, as many as fit, and the count of the rest (they stay in the in-app message center).
 */
export function robotDigest(texts: { title: string; body: string }[]): string {
  const head = `**待处理提醒汇总（${texts.length} 条）**`;
  const lines: string[] = [];
  let size = bytes(head);
  for (let i = 0; i < texts.length; i++) {
    const line = `\n> ${fitBytes(plain(texts[i].title), 200)}：${fitBytes(plain(texts[i].body), 300)}`;
    const more = `\n另有 ${texts.length - i} 条，请在工作台「消息」中查看。`;
    if (size + bytes(line) + bytes(`\n另有 ${texts.length} 条，请在工作台「消息」中查看。`) > ROBOT_MARKDOWN_BYTES) {
      return head + lines.join('') + more;
    }
    lines.push(line);
    size += bytes(line);
  }
  return head + lines.join('');
}
