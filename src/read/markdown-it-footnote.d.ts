// markdown-it-footnote ships no types (and @types/markdown-it-footnote describes the CommonJS build).
declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it';

  export default function footnote(md: MarkdownIt): void;
}
