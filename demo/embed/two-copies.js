// Counts uncaught errors and unhandled promise rejections on this page (e.g. "the name
// kin-community has already been used with this registry") and shows the count.
window.pageErrors = [];
const record = (text) => {
  window.pageErrors.push(text);
  const out = document.getElementById('error-count');
  if (out) out.textContent = String(window.pageErrors.length);
};
window.addEventListener('error', (e) => record(`error: ${e.message} ${e.filename}:${e.lineno}`));
window.addEventListener('unhandledrejection', (e) => record(`unhandledrejection: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`));
