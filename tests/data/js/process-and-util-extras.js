// process.chdir/cwd/umask/getuid/resourceUsage, util's system error names, CustomEvent,
// events.addAbortListener with Symbol.dispose, util.aborted.
const u = require('util');
console.log(u.getSystemErrorName(-2), u.getSystemErrorName(-98), u.getSystemErrorMap().get(-13), u.getSystemErrorMap() instanceof Map);
try { u.getSystemErrorName(2); } catch (e) { console.log(e.code, e.message); }
try { u.getSystemErrorName('x'); } catch (e) { console.log(e.code, e.message); }
console.log(u.getSystemErrorName(-99999));
try { process.chdir('/nope'); } catch (e) { console.log(e.code, e.message.replace(process.cwd(), '<cwd>'), e.syscall, e.path === process.cwd(), e.dest); }
const before = process.cwd();
process.chdir('/tmp');
console.log('cwd now', process.cwd(), require('path').resolve('x'));
process.chdir(before);
const old = process.umask(0o027);
console.log(typeof old, process.umask(old).toString(8), process.umask() === old);
console.log(typeof process.getuid(), process.getuid() === process.geteuid(), typeof process.getegid());
const ru = process.resourceUsage();
console.log(Object.keys(ru).join(','), ru.maxRSS > 0, ru.userCPUTime >= 0);
const ce = new CustomEvent('x', { detail: { a: 1 } });
console.log(ce.detail, ce.type, ce instanceof Event, new CustomEvent('y').detail);
const target = new EventTarget();
target.addEventListener('ping', (e) => console.log('got', e.type, e.detail));
target.dispatchEvent(new CustomEvent('ping', { detail: 42 }));
const ac = new AbortController();
const d = require('events').addAbortListener(ac.signal, (e) => console.log('aborted listener', e.type));
console.log(typeof d[Symbol.dispose], String(Symbol.dispose), Symbol.keyFor(Symbol.asyncDispose));
ac.abort();
const done = new AbortController();
done.abort();
require('events').addAbortListener(done.signal, () => console.log('already aborted: runs as a microtask'));
console.log('sync end');
const ac2 = new AbortController();
u.aborted(ac2.signal, {}).then(() => console.log('util.aborted resolved'));
setTimeout(() => ac2.abort(), 5);
