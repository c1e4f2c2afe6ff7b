// Counts Content-Security-Policy violations on this page and shows the count (a classic script, loaded
// first, so nothing the kit does later escapes it). A real site would send them to a report endpoint.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  const out = document.getElementById('csp-count');
  if (out) out.textContent = String(window.cspViolations.length);
});
