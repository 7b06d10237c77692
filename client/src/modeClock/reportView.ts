import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

let panel: vscode.WebviewPanel | undefined;

/**
 * The split report: a webview that loads media/modeReport.js and .css under a strict
 * Content-Security-Policy (no inline code; the script runs by nonce) and draws what the server
 * answers to `podflow/modeReport`.
 */
export async function showModeReport(context: vscode.ExtensionContext, client: LanguageClient | undefined, days = 14): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage('podflow: the language server is not running.');
    return;
  }
  const data = await client.sendRequest<unknown>('podflow/modeReport', { days, topFiles: 5 });
  if (!data) {
    void vscode.window.showWarningMessage('podflow: the mode clock has not started yet.');
    return;
  }
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  if (!panel) {
    panel = vscode.window.createWebviewPanel('podflow.modeReport', 'podflow: mode split', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (m: { type?: string; days?: number }) => {
      if (m?.type === 'range' && typeof m.days === 'number' && panel) {
        const again = await client.sendRequest<unknown>('podflow/modeReport', { days: m.days, topFiles: 5 });
        void panel.webview.postMessage({ type: 'report', data: again, days: m.days });
      }
    });
  } else {
    panel.reveal();
  }
  const webview = panel.webview;
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'modeReport.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'modeReport.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  // The report goes in as JSON in a data island (text, never markup) so the first paint needs no round trip.
  const json = JSON.stringify({ data, days }).replace(/</g, '\\u003c');
  webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>podflow: mode split</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="podflow-report" nonce="${nonce}">${json}</script>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
