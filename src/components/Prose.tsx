// The only HTML sink in the app: renders Markdown that the content step turned into HTML at build
// time from our own files. Pasted or URL data must never reach it.
type ProseProps = { html: string; inline?: boolean; className?: string };

export function Prose({ html, inline = false, className = '' }: ProseProps) {
  const Tag = inline ? 'span' : 'div';
  return <Tag className={`prose-content ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

type ProseListProps = { items: readonly string[]; ordered?: boolean; className?: string };

/** Numbered steps (or a bulleted list) of build-time inline Markdown. */
export function ProseList({ items, ordered = true, className = '' }: ProseListProps) {
  const Tag = ordered ? 'ol' : 'ul';
  return (
    <Tag className={`prose-content ${ordered ? 'list-decimal' : 'list-disc'} space-y-1 pl-6 ${className}`}>
      {items.map((item) => (
        <li key={item}>
          <Prose inline html={item} />
        </li>
      ))}
    </Tag>
  );
}
