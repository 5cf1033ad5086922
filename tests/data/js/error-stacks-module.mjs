// An ES module's frames name its file by its file:// URL, below them Node's ESM loader; its
// CallSites' file names are those URLs.
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const shown = (text) => text.replaceAll(here, '.');

function make() {
  return new Error('in a module');
}
console.log(shown(make().stack));
const sites = (() => {
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, callSites) => callSites;
  const found = new Error().stack;
  Error.prepareStackTrace = saved;
  return found;
})();
console.log(sites.slice(0, 2).map((site) => [site.getFunctionName(), shown(site.getFileName()), site.getLineNumber(), site.isToplevel()].join(' ')).join('\n'));
