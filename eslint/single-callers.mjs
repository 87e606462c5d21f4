// Calls that have exactly one home in src/ (`no-restricted-syntax`). Matched by syntax, not types:
// any `.openExternal` and any `.send()` on something named like a WebContents (`webContents`,
// `contents`, `event.sender`), and in the shell, whose only sender is ipc-binding.ts, any `.send()`.

const openExternal = {
  message: 'Open links with safeOpenExternal (src/main/electron/safe-open-external.ts), which lets only http(s) out.',
  selectors: ["MemberExpression[property.name='openExternal']", "ObjectPattern > Property[key.name='openExternal']"],
};

const sendMessage =
  'Send to windows through the typed binding in src/main/electron/ipc-binding.ts (it checks the window is still on our origin).';
const webContentsSend = {
  message: sendMessage,
  selectors: [
    'CallExpression[callee.property.name=/^(send|sendToFrame|postMessage)$/][callee.object.property.name=/^(webContents|sender)$/]',
    'CallExpression[callee.property.name=/^(send|sendToFrame|postMessage)$/][callee.object.name=/contents$/i]',
  ],
};
const shellSend = {
  message: sendMessage,
  selectors: ['CallExpression[callee.property.name=/^(send|sendToFrame|reply)$/]'],
};

/** `no-restricted-syntax` options for the given fences. */
const restrict = (...fences) => ['error', ...fences.flatMap((f) => f.selectors.map((selector) => ({ selector, message: f.message })))];

/** Config blocks: every src file, then the shell, then each fence's one home. */
export const singleCallers = [
  { files: ['src/**'], rules: { 'no-restricted-syntax': restrict(openExternal, webContentsSend) } },
  { files: ['src/main/electron/**'], rules: { 'no-restricted-syntax': restrict(openExternal, webContentsSend, shellSend) } },
  { files: ['src/main/electron/safe-open-external.ts'], rules: { 'no-restricted-syntax': restrict(webContentsSend, shellSend) } },
  { files: ['src/main/electron/ipc-binding.ts'], rules: { 'no-restricted-syntax': restrict(openExternal) } },
];
