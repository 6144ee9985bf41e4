// The only HTML sink in the app: renders Markdown that the content step turned into HTML at build
// time from our own files. Pasted or URL data must never reach it.
type ProseProps = { html: string; inline?: boolean; className?: string };

export function Prose({ html, inline = false, className = '' }: ProseProps) {
  const Tag = inline ? 'span' : 'div';
  return <Tag className={`prose-content ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
