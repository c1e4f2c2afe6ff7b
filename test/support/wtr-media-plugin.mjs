// Issue 18: a web-test-runner command for the "beyond axe" tests. `kin-media` sets CSS media features
// over CDP (Emulation.setEmulatedMedia), which @web/test-runner-commands' emulateMedia cannot do for
// forced-colors under puppeteer:
//   kin-media {features: [{name: 'forced-colors', value: 'active'}, …]}   ([] clears them)
export function mediaPlugin() {
  const sessions = new Map();
  return {
    name: 'kin-media',
    async executeCommand({command, payload, session}) {
      if (command !== 'kin-media') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {features: payload?.features ?? []});
      return true;
    },
  };
}
