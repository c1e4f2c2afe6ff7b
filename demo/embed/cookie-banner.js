// The host site's own cookie banner: on "accept", tell Kindred (the script-tag bundle exposes
// window.kindred once it has loaded; this module may run first, so it waits for the element).
const button = document.getElementById('accept-all');
button?.addEventListener('click', async () => {
  await customElements.whenDefined('kin-community');
  window.kindred?.grantConsent();
  document.getElementById('cookie-banner')?.setAttribute('hidden', '');
});
