// The webview's HTML shell. It holds no document data (names, values and messages arrive by
// postMessage and are rendered with DOM APIs), only the CSP, the stylesheet and the script.
export interface ShellResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh nonce per load. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** Scripts only by nonce, styles, images and fonts only from the extension; nothing else, nothing remote. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** 18 random bytes in base64, from Web Crypto (global in Node and in the web worker host alike). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function walkthroughHtml(resources: ShellResources): string {
  const csp = contentSecurityPolicy(resources.cspSource, resources.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(resources.styleUri)}">
<title>Decision walkthrough</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the decision walkthrough…</p></main>
<script nonce="${escapeAttribute(resources.nonce)}" src="${escapeAttribute(resources.scriptUri)}"></script>
</body>
</html>
`;
}
