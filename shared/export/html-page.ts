import { DEFAULT_LANGUAGE } from '../model/vocabulary';
import { escapeHtml } from './html-escape';
import { HTML_STYLE } from './html-style';

/**
 * The frame every standalone HTML export shares (the policy, its redline): a titled page with its styles inline, no
 * script, nothing fetched. `intro` follows the title in the page header; `content` is the rest of the body.
 */
export function htmlPage(title: string, extraStyle: string, intro: string, content: string, language: string = DEFAULT_LANGUAGE): string {
  const escaped = escapeHtml(title);
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Policywright">
<title>${escaped}</title>
<style>${HTML_STYLE}${extraStyle}</style>
</head>
<body>
<header>
<h1>${escaped}</h1>
${intro}
</header>
${content}
</body>
</html>
`;
}
