// Registers the column's service worker (sw.js at the site's root, see theme/service-worker.js)
// so that stories a reader has opened can be read again without a network.
if ("serviceWorker" in navigator) {
  const root = new URL("../../", document.currentScript.src);
  navigator.serviceWorker.register(new URL("sw.js", root)).catch(() => {
    // Private windows and some browsers refuse workers: the site works the same without one.
  });
}
