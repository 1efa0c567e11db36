// Case text is Markdown written by the secretariat or imported from a document. It is
// rendered to React elements, never to an HTML string: whatever HTML the text holds is
// shown as text, and only http(s) and mailto links become links.
import { Fragment, type ReactNode } from 'react';
import { Link } from '@fluentui/react-components';

type Block =
  { kind: 'p' | 'h'; text: string; level?: number } | { kind: 'ul' | 'ol'; items: string[] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** Splits the text into paragraphs, headings and lists. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join('\n') });
    para = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'h', level: heading[1]!.length, text: heading[2]! });
    } else if (bullet || numbered) {
      flush();
      const kind = bullet ? 'ul' : 'ol';
      const last = blocks.at(-1);
      const item = (bullet ?? numbered)![1]!;
      if (last && last.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
    } else para.push(line);
  }
  flush();
  return blocks;
}

const INLINE =
  /\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Bold, italics and links inside a line; everything else is plain text. */
export function inline(text: string, key = ''): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > at) out.push(...lines(text.slice(at, m.index), `${key}t${n}`));
    const k = `${key}m${n++}`;
    if (m[1] ?? m[2]) out.push(<strong key={k}>{inline(m[1] ?? m[2]!, k)}</strong>);
    else if (m[3] ?? m[4]) out.push(<em key={k}>{inline(m[3] ?? m[4]!, k)}</em>);
    else {
      const href = safeHref(m[6]!);
      out.push(
        href ? (
          <Link key={k} href={href} target="_blank" rel="noopener noreferrer" inline>
            {m[5]}
          </Link>
        ) : (
          <Fragment key={k}>{m[0]}</Fragment>
        ),
      );
    }
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push(...lines(text.slice(at), `${key}t${n}`));
  return out;
}

function lines(text: string, key: string): ReactNode[] {
  return text.split('\n').flatMap((line, i) => (i ? [<br key={`${key}b${i}`} />, line] : [line]));
}

/** Only web and mail links: javascript:, data: and the like stay text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function Markdown({ text }: { text: string }) {
  return (
    <>
      {blocksOf(text).map((b, i) => {
        if (!('items' in b)) {
          if (b.kind === 'p') return <p key={i}>{inline(b.text, `${i}`)}</p>;
          return (
            <p key={i} className="md-heading">
              <strong>{inline(b.text, `${i}`)}</strong>
            </p>
          );
        }
        const List = b.kind;
        return (
          <List key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{inline(item, `${i}.${j}`)}</li>
            ))}
          </List>
        );
      })}
    </>
  );
}
